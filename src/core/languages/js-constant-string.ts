// The string a JS/TS expression always evaluates to, when it is written as one: `'x'`, `"x"`, a
// template without `${}`, also behind TypeScript's wrappers. The query rules, the route readers and
// the import reader each ask this of module names, paths and keys.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from './js-unwrap';

/** The string value of a string literal or of a template literal without `${}`. */
export function constantString(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === 'Literal' && typeof inner.value === 'string') return inner.value;
  if (inner.type === 'TemplateLiteral' && inner.expressions.length === 0) return inner.quasis[0].value.cooked ?? undefined;
  return undefined;
}
