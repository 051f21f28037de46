// Where a fix writes the rewritten string and which building statements it removes. The string
// reaches the sink either as the argument itself (replace it), or through a variable: used only
// at the sink, its building statements go away and the new value is written into the call; used
// elsewhere too, its single assignment is rewritten in place. Anything more tangled gets no fix.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { Span } from '../model';
import type { SourceHole } from './built';
import type { FixChoice } from './fix-context';
import type { PythonFile } from './python-file';
import type { QueryChain, Resolution } from './resolve-string';
import { contains, isIdentifierReference, sameNode, walk } from '../../languages/python-syntax';

export interface RewritePlan {
  /** The node whose text the new string (or argv list) replaces. */
  target: Node;
  /** Whole lines of the building statements to delete (inlined variable). */
  deletions: Span[];
}

export function planRewrite(
  resolution: Resolution,
  holes: readonly SourceHole[],
  sinkCall: Node,
  file: PythonFile,
  lines: LineIndex,
  allowInPlace: boolean,
): FixChoice<RewritePlan> {
  const refuse = (reason: string): FixChoice<RewritePlan> => ({ ok: false, reason });
  if (resolution.candidates.length !== 1) return refuse('the string differs per branch');
  const chain = resolution.chain;
  if (!chain) return { ok: true, value: { target: resolution.argument, deletions: [] } };

  const statements = [chain.base, ...chain.appends].map((binding) => binding.node);
  const block = statements[0].parent;
  const straight =
    !!block &&
    isPlainAssignment(statements[0], chain.name) &&
    statements.every((statement) => statement.type === 'expression_statement' && sameNode(statement.parent, block)) &&
    contains(block, sinkCall);
  if (!straight) return refuse('the string is built across branches or loops');
  const rebound = reboundHoleName(holes, sinkCall, file);
  if (rebound) return refuse(`${rebound} changes between where the string is built and where it runs`);

  if (usesOutsideChain(chain, statements, file) === 0) {
    const deletions: Span[] = [];
    for (const statement of statements) {
      const span = wholeLines(statement, file.text, lines);
      if (!span) return refuse('a building statement shares its line with other code');
      deletions.push(span);
    }
    return { ok: true, value: { target: chain.use, deletions } };
  }
  if (!allowInPlace || chain.appends.length > 0) return refuse(`${chain.name} is also used elsewhere`);
  const value = chain.base.value;
  return value ? { ok: true, value: { target: value, deletions: [] } } : refuse('the assignment has no value');
}

function isPlainAssignment(statement: Node, name: string): boolean {
  const assignment = statement.namedChildren[0];
  return (
    statement.namedChildCount === 1 &&
    assignment?.type === 'assignment' &&
    assignment.childForFieldName('left')?.text === name &&
    assignment.childForFieldName('right')?.type !== 'assignment'
  );
}

/** References to the variable other than the chain's own targets and the sink's use. */
function usesOutsideChain(chain: QueryChain, statements: readonly Node[], file: PythonFile): number {
  const scope = file.scopeOf(chain.use).scope;
  let uses = 0;
  walk(scope, (node) => {
    if (node.type !== 'identifier' || node.text !== chain.name || !isIdentifierReference(node) || sameNode(node, chain.use)) return true;
    const isChainTarget = statements.some((statement) => sameNode(statement.namedChildren[0]?.childForFieldName('left'), node));
    if (!isChainTarget) uses++;
    return true;
  });
  return uses;
}

/** A name read by a hole that is bound again between the hole and the sink. */
function reboundHoleName(holes: readonly SourceHole[], sinkCall: Node, file: PythonFile): string | undefined {
  for (const hole of holes) {
    const scope = file.scopeOf(hole.node);
    let rebound: string | undefined;
    walk(hole.node, (node) => {
      if (rebound) return false;
      if (!isIdentifierReference(node)) return true;
      const later = (scope.bindings.get(node.text) ?? []).some(
        (binding) => binding.visibleFrom > hole.node.endIndex && binding.visibleFrom <= sinkCall.startIndex,
      );
      if (later) rebound = node.text;
      return true;
    });
    if (rebound) return rebound;
  }
  return undefined;
}

/**
 * The full lines a statement occupies, trailing comment included (a `# nosec` on a line that no
 * longer builds a query has nothing left to silence), or undefined when other code shares them.
 */
export function wholeLines(statement: Node, text: string, lines: LineIndex): Span | undefined {
  const first = lines.positionAt(statement.startIndex).line;
  const last = lines.positionAt(statement.endIndex).line;
  const start = lines.lineStart(first);
  if (text.slice(start, statement.startIndex).trim() !== '') return undefined;
  if (!/^\s*(?:#.*)?$/.test(text.slice(statement.endIndex, lines.lineEnd(last)))) return undefined;
  return { start, end: last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length };
}
