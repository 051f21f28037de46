// Where a fix may write the rebuilt string. Built right in the sink's argument: replace it there.
// Built in one local variable read only by the sink: write the new literal at the sink and delete
// the building statements (whole lines). Declared once and read elsewhere too: rewrite the
// declaration in place. Anything more tangled gets no fix.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from '../model';
import type { Bindings } from './bindings';
import type { FollowedVariable, ResolvedString } from './resolve-string';
import { unwrapExpression, type Node, type SyntaxTree } from './tree';
import { statementOf } from './variable-flow';

export type RewritePlan =
  | { kind: 'direct'; argument: Node }
  | { kind: 'inline'; argument: TSESTree.Identifier; variable: FollowedVariable; deletions: Span[] }
  | { kind: 'in-place'; argument: TSESTree.Identifier; variable: FollowedVariable; init: Node }
  | { kind: 'refused'; reason: string };

export function planRewrite(argument: Node, resolved: ResolvedString, tree: SyntaxTree, bindings: Bindings): RewritePlan {
  const { variables, conditional } = resolved.trace;
  if (conditional) return refused('the string is extended in branches or loops, so what it holds differs per path');
  if (variables.length === 0) return { kind: 'direct', argument };
  const target = unwrapExpression(argument);
  const [variable] = variables;
  if (variables.length > 1 || variable.form !== 'string' || variable.reference !== target || target.type !== 'Identifier') {
    return refused('the string is assembled from several variables');
  }
  const writeTargets = new Set<Node>(variable.writes.map((write) => (write.type === 'AssignmentExpression' ? write.left : write)));
  const selfReads = variable.writes.flatMap((write) => (write.type === 'AssignmentExpression' ? bindings.references(variable.binding, write.right) : []));
  const otherUses = bindings
    .references(variable.binding)
    .filter((reference) => reference !== target && !writeTargets.has(reference) && !selfReads.includes(reference));
  const unmovable = resolved.holes.find((hole) => !staysValidAt(hole.node, variable.declarator, target, tree, bindings));
  if (unmovable) return refused(`\`${tree.textOf(unmovable.node)}\` would be read at a different point than where the string is built`);

  if (otherUses.length === 0) {
    const deletions: Span[] = [];
    const statements = [statementOf(variable.declarator, tree), ...variable.writes.map((write) => statementOf(write, tree))];
    for (const statement of statements) {
      const span = wholeLines(statement, tree.text);
      const alone =
        statement.type === 'VariableDeclaration'
          ? statement.declarations.length === 1
          : statement.type === 'ExpressionStatement' && (variable.writes as Node[]).includes(unwrapExpression(statement.expression));
      if (!span || !alone) return refused('the statements that build the string share their lines or declarations with other code');
      deletions.push(span);
    }
    return { kind: 'inline', argument: target, variable, deletions };
  }
  if (variable.writes.length > 0 || !variable.declarator.init) return refused('the string variable is extended in several statements and also used elsewhere');
  return { kind: 'in-place', argument: target, variable, init: variable.declarator.init };
}

function refused(reason: string): RewritePlan {
  return { kind: 'refused', reason };
}

/** The statement's full lines (indentation through line break), when nothing else shares them. */
function wholeLines(statement: Node, text: string): Span | undefined {
  let start = statement.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n') return undefined;
  let end = statement.range[1];
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text.startsWith('\r\n', end)) return { start, end: end + 2 };
  if (text[end] === '\n') return { start, end: end + 1 };
  return end === text.length ? { start, end } : undefined;
}

/**
 * A hole expression moved from where the string is built to the sink must read the same value
 * there: a name (or member chain) visible at the sink, not reassigned in between.
 */
function staysValidAt(expression: Node, builtAt: Node, sink: Node, tree: SyntaxTree, bindings: Bindings): boolean {
  const node = unwrapExpression(expression);
  switch (node.type) {
    case 'Literal':
    case 'ThisExpression':
      return true;
    case 'MemberExpression':
      return (!node.computed || node.property.type === 'Literal') && staysValidAt(node.object, builtAt, sink, tree, bindings);
    case 'Identifier': {
      const binding = bindings.resolve(node);
      if (!binding) return node.name === 'undefined';
      if (bindings.lookup(node.name, sink) !== binding) return false;
      if (binding.kind === 'const' || binding.kind === 'import' || binding.kind === 'function' || binding.kind === 'class') return true;
      return !bindings.references(binding).some((reference) => {
        const parent = tree.parent(reference);
        const written = (parent?.type === 'AssignmentExpression' && parent.left === reference) || parent?.type === 'UpdateExpression';
        return written && reference.range[0] > builtAt.range[0] && reference.range[0] < sink.range[0];
      });
    }
    case 'CallExpression':
      // Numeric conversions of a stable value (`Number(id)`, `parseInt(id, 10)`) are as stable.
      return (
        node.callee.type === 'Identifier' &&
        !bindings.resolve(node.callee) &&
        ['Number', 'parseInt', 'parseFloat', 'String'].includes(node.callee.name) &&
        node.arguments.every((argument) => argument.type !== 'SpreadElement' && staysValidAt(argument, builtAt, sink, tree, bindings))
      );
    default:
      return false;
  }
}
