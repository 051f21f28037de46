// Values already checked against an allowlist — the fix the identifier finding recommends — must
// not be reported again: `ALLOWED.includes(sort) ? sort : 'id'`, or an earlier
// `if (!ALLOWED.includes(sort)) return …;` (also `.has(x)`, `x in MAP`, and an anchored regex of
// word characters such as `/^\w+$/.test(x)`) in a block that encloses the read.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Bindings } from './bindings';
import { unwrapExpression, type Node, type SyntaxTree } from './tree';

/** `cond ? x : 'constant'` where `cond` checks `x` against an allowlist. */
export function isGuardedChoice(node: TSESTree.ConditionalExpression, bindings: Bindings): boolean {
  const chosen = unwrapExpression(node.consequent);
  return chosen.type === 'Identifier' && checkedValue(node.test, bindings) === bindings.resolve(chosen) && bindings.resolve(chosen) !== undefined;
}

/** An `if (!check(x)) return/throw` before `read` in a block enclosing it. */
export function isGuardedRead(read: TSESTree.Identifier, tree: SyntaxTree, bindings: Bindings): boolean {
  const binding = bindings.resolve(read);
  if (!binding) return false;
  for (const ancestor of tree.ancestors(read)) {
    if (ancestor.type !== 'BlockStatement' && ancestor.type !== 'Program') continue;
    for (const statement of ancestor.body) {
      if (statement.range[0] >= read.range[0]) break;
      if (statement.type !== 'IfStatement' || !exits(statement.consequent)) continue;
      const test = unwrapExpression(statement.test);
      if (test.type === 'UnaryExpression' && test.operator === '!' && checkedValue(test.argument, bindings) === binding) return true;
    }
    if (ancestor === binding.scope || ancestor.type === 'Program') break;
  }
  return false;
}

/** The binding a membership or pattern check tests: `LIST.includes(x)`, `SET.has(x)`, `x in MAP`, `/^\w+$/.test(x)`. */
function checkedValue(expression: Node, bindings: Bindings): ReturnType<Bindings['resolve']> {
  const node = unwrapExpression(expression);
  if (node.type === 'BinaryExpression' && node.operator === 'in') {
    const left = unwrapExpression(node.left);
    return left.type === 'Identifier' ? bindings.resolve(left) : undefined;
  }
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const callee = unwrapExpression(node.callee);
  const argument = unwrapExpression(node.arguments[0]);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || argument.type !== 'Identifier') return undefined;
  const method = callee.property.name;
  if (method === 'includes' || method === 'has') return bindings.resolve(argument);
  if (method === 'test' && isWordPattern(unwrapExpression(callee.object))) return bindings.resolve(argument);
  return undefined;
}

/** A regex literal that only matches a run of word characters (and `-`): `/^\w+$/`, `/^[a-z_]+$/i`. */
function isWordPattern(node: Node): boolean {
  if (node.type !== 'Literal' || !('regex' in node) || !node.regex) return false;
  return /^\^(?:\\w|\\d|\[(?:[A-Za-z0-9_-]|\\w|\\d)+\])(?:[+*]|\{\d+(?:,\d*)?\})?\$$/.test(node.regex.pattern);
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type !== 'BlockStatement' || statement.body.length === 0) return false;
  const last = statement.body[statement.body.length - 1];
  return last.type === 'ReturnStatement' || last.type === 'ThrowStatement';
}
