// Seeing through the wrappers that change no value: TypeScript's `x as T`, `x!`, `<T>x`,
// `x satisfies T`, `f<T>` — and, where the reader wants the awaited value, `await x`. One helper
// for the query rules, the route readers and the ESLint config reader, which each had their own.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type TypeWrapper =
  TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSTypeAssertion | TSESTree.TSSatisfiesExpression | TSESTree.TSInstantiationExpression;

function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return (
    node.type === 'TSAsExpression' ||
    node.type === 'TSNonNullExpression' ||
    node.type === 'TSTypeAssertion' ||
    node.type === 'TSSatisfiesExpression' ||
    node.type === 'TSInstantiationExpression'
  );
}

/** `node` without TypeScript-only wrappers. An expression stays an expression. */
export function unwrapExpression<T extends TSESTree.Node>(node: T): T | TSESTree.Expression {
  let current: T | TSESTree.Expression = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/** `node` without TypeScript-only wrappers and `await`s: the value a reader of `await x as T` wants. */
export function unwrapAwaitedExpression<T extends TSESTree.Node>(node: T): T | TSESTree.Expression {
  let current = unwrapExpression(node);
  while (current.type === 'AwaitExpression') current = unwrapExpression(current.argument);
  return current;
}
