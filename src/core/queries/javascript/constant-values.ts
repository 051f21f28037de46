// Constants the resolver can read without running code: the entries of an object or array literal
// of strings (`const SORTS = { newest: 'created_at DESC' }`), and names that are constants by
// convention (`USERS_TABLE`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { constantString, unwrapExpression, type Node } from './tree';

/** The entries of an object or array literal whose every value is a string or number literal. */
export function constantEntries(node: Node): Map<string, string> | undefined {
  const entries = new Map<string, string>();
  if (node.type === 'ArrayExpression') {
    for (const [index, element] of node.elements.entries()) {
      const value = element && element.type !== 'SpreadElement' ? literalText(element) : undefined;
      if (value === undefined) return undefined;
      entries.set(String(index), value);
    }
    return entries;
  }
  if (node.type !== 'ObjectExpression') return undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed || property.kind !== 'init') return undefined;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
    const value = literalText(property.value);
    if (key === undefined || value === undefined) return undefined;
    entries.set(key, value);
  }
  return entries;
}

function literalText(node: Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === 'Literal' && typeof inner.value === 'number') return String(inner.value);
  return constantString(inner);
}

/** `USERS_TABLE`, `MAX_ROWS`: SCREAMING_CASE, the convention for constants. */
export function isConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && /[A-Z]{2}/.test(name);
}

/** The identifier a member chain starts from: `a` of `a.b[c].d`. */
export function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === 'Identifier') return inner;
  return inner.type === 'MemberExpression' ? rootIdentifier(inner.object) : undefined;
}
