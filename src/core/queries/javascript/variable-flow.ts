// How a local variable gets its value before a read: its declaration plus the assignments
// (`q += …`, `q = q + …`, `parts.push(…)`) that precede the read. Structure only; the string
// resolver turns the writes into constant parts and holes.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Binding, Bindings } from './bindings';
import { isFunction, type Node, type SyntaxTree } from './tree';

export type Writes<T> = { ok: true; writes: T[] } | { ok: false };

/**
 * The assignments to a string variable before `reference`, in source order. Refused (ok: false)
 * when the variable is written in a way the resolver cannot follow: from a nested function
 * (a callback may run at any time), by `++`, or as a destructuring/for-of target.
 */
export function assignmentsBefore(binding: Binding, reference: Node, bindings: Bindings, tree: SyntaxTree): Writes<TSESTree.AssignmentExpression> {
  const home = tree.enclosingFunction(binding.identifier);
  const writes: TSESTree.AssignmentExpression[] = [];
  for (const identifier of bindings.references(binding)) {
    const parent = tree.parent(identifier);
    if (parent?.type === 'AssignmentExpression' && parent.left === identifier) {
      if (tree.enclosingFunction(parent) !== home) return { ok: false };
      if (parent.range[1] <= reference.range[0]) writes.push(parent);
    } else if (isOtherWrite(identifier, parent, parent && tree.parent(parent))) {
      return { ok: false };
    }
  }
  return { ok: true, writes: writes.sort((a, b) => a.range[0] - b.range[0]) };
}

/**
 * `const parts = [...]` followed by `parts.push(…)` calls before `reference`. Any other use of the
 * array (passed along, spliced, indexed, reassigned) refuses: its content is then unknown.
 */
export function pushesBefore(binding: Binding, reference: Node, bindings: Bindings, tree: SyntaxTree): Writes<TSESTree.CallExpression> {
  const home = tree.enclosingFunction(binding.identifier);
  const pushes: TSESTree.CallExpression[] = [];
  for (const identifier of bindings.references(binding)) {
    const member = tree.parent(identifier);
    if (member?.type !== 'MemberExpression' || member.object !== identifier || member.computed || member.property.type !== 'Identifier') return { ok: false };
    const method = member.property.name;
    const call = tree.parent(member);
    if (method === 'length') continue;
    if (call?.type !== 'CallExpression' || call.callee !== member) return { ok: false };
    if (method === 'join') continue;
    if (method !== 'push' || tree.enclosingFunction(call) !== home) return { ok: false };
    if (call.range[1] <= reference.range[0]) pushes.push(call);
  }
  return { ok: true, writes: pushes.sort((a, b) => a.range[0] - b.range[0]) };
}

function isOtherWrite(identifier: TSESTree.Identifier, parent: Node | undefined, grandparent: Node | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'UpdateExpression':
      return true;
    case 'ArrayPattern':
    case 'RestElement':
    case 'AssignmentPattern':
      return parent.type !== 'AssignmentPattern' || parent.left === identifier;
    case 'Property':
      return parent.value === identifier && grandparent?.type === 'ObjectPattern';
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === identifier;
    default:
      return false;
  }
}

const BRANCHING = new Set([
  'IfStatement',
  'SwitchStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'ConditionalExpression',
  'LogicalExpression',
  'CatchClause',
]);

/**
 * Whether `write` may or may not run (or run several times) on the way to `reference`: it sits in
 * a branch or loop below the variable's scope that does not also hold the read.
 */
export function isConditional(write: Node, scope: Node, reference: Node, tree: SyntaxTree): boolean {
  for (const ancestor of tree.ancestors(write)) {
    if (ancestor === scope || isFunction(ancestor)) return false;
    if (BRANCHING.has(ancestor.type) && !tree.contains(ancestor, reference)) return true;
  }
  return false;
}

/** The statement a write or declarator is part of (ExpressionStatement, VariableDeclaration). */
export function statementOf(node: Node, tree: SyntaxTree): Node {
  let current = node;
  for (const ancestor of tree.ancestors(node)) {
    if (ancestor.type === 'ExpressionStatement' || ancestor.type === 'VariableDeclaration') return ancestor;
    if (isFunction(ancestor) || ancestor.type === 'BlockStatement' || ancestor.type === 'Program') return current;
    current = ancestor;
  }
  return current;
}
