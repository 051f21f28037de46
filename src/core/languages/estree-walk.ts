// A generic ESTree walk with parent links (typescript-estree does not set `parent` without a
// program). Visits every node object once; `loc`/`range`/`parent` are not descended into.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

export function walkEstree(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void): void {
  const stack: [TSESTree.Node, TSESTree.Node | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    for (const key of Object.keys(node)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) if (isNode(value[index])) stack.push([value[index], node]);
      } else if (isNode(value)) {
        stack.push([value, node]);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `a.b.c` for identifiers and member chains; undefined for anything computed at run time. */
export function dottedName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') {
    const object = dottedName(node.object);
    const property = propertyName(node);
    return object && property ? `${object}.${property}` : undefined;
  }
  return undefined;
}

/** The property of `a.b` or `a["b"]`; undefined for `a[expr]`. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}
