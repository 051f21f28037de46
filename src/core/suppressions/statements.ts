// Which lines a line-level directive covers: the whole statement its line belongs to (a directive
// on any line of a multi-line statement covers all of it), but only the header of a compound
// statement or a function — a `# nosec` on `def f(…):` does not cover the function's body.
import type * as Typescript from 'typescript';
import type { Node } from '@vscode/tree-sitter-wasm';
import { loadTypescript } from '../languages/typescript-module';
import { typescriptSourceFile } from '../languages/typescript-ast';
import { JS_LANGUAGES } from '../languages/language';
import type { RuleContext } from '../rule';

/** 0-based inclusive line ranges of statements (or statement headers), innermost found last. */
export type LineRange = [number, number];

export function statementRanges(context: RuleContext): LineRange[] {
  return context.memo('suppressions:statement-ranges', () => {
    const { language } = context.file;
    if (JS_LANGUAGES.has(language)) return typescriptStatements(typescriptSourceFile(context));
    if (language === 'python') return pythonStatements(context.python().tree.rootNode);
    return [];
  });
}

/** The smallest statement range containing `line`; the line alone when none does. */
/** Per list of statement ranges, the answers given so far: every directive of a line asks the same. */
const answers = new WeakMap<readonly LineRange[], Map<number, LineRange>>();

export function statementAt(ranges: readonly LineRange[], line: number): LineRange {
  let known = answers.get(ranges);
  if (!known) answers.set(ranges, (known = new Map()));
  let answer = known.get(line);
  if (!answer) known.set(line, (answer = smallestStatementAt(ranges, line)));
  return answer;
}

function smallestStatementAt(ranges: readonly LineRange[], line: number): LineRange {
  let best: LineRange = [line, line];
  let bestSize = Number.POSITIVE_INFINITY;
  for (const [start, end] of ranges) {
    if (start <= line && line <= end && end - start < bestSize) {
      best = [start, end];
      bestSize = end - start;
    }
  }
  return best;
}

const PY_COMPOUND = new Set([
  'function_definition',
  'class_definition',
  'if_statement',
  'for_statement',
  'while_statement',
  'with_statement',
  'try_statement',
  'match_statement',
  'elif_clause',
  'else_clause',
  'except_clause',
  'finally_clause',
  'case_clause',
  'decorated_definition',
]);

function pythonStatements(root: Node): LineRange[] {
  const ranges: LineRange[] = [];
  const visit = (node: Node) => {
    const start = node.startPosition.row;
    if (PY_COMPOUND.has(node.type)) {
      const body = node.childForFieldName('body') ?? node.children.find((child) => child?.type === 'block') ?? null;
      const headerEnd = body ? Math.max(start, body.startPosition.row - (body.startPosition.row > start ? 1 : 0)) : start;
      if (node.type !== 'decorated_definition') ranges.push([start, headerEnd]);
    } else if (node.type.endsWith('_statement') || node.type === 'expression_statement') {
      ranges.push([start, node.endPosition.row]);
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return ranges;
}

/**
 * Statements of TypeScript's own tree (cheaper than typescript-estree, and it reads files with
 * syntax errors too). A statement that holds a body (if/for/function/class, or a declaration
 * whose initializer is a function) covers its header only: from its start to where the first
 * body begins.
 */
function typescriptStatements(sourceFile: Typescript.SourceFile): LineRange[] {
  const ts = loadTypescript();
  const ranges: LineRange[] = [];
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line;
  const isBody = (node: Typescript.Node) =>
    ts.isBlock(node) || ts.isClassLike(node) || ts.isFunctionLike(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node);
  const firstBodyStart = (node: Typescript.Node): number | undefined => {
    let found: number | undefined;
    const visit = (child: Typescript.Node): void => {
      if (found !== undefined) return;
      if (isBody(child)) found = child.getStart(sourceFile);
      else ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return found;
  };
  const visit = (node: Typescript.Node): void => {
    const kind = ts.SyntaxKind[node.kind];
    if (/(Statement|Declaration)$/.test(kind) && !ts.isBlock(node)) {
      const start = lineOf(node.getStart(sourceFile));
      const body = firstBodyStart(node);
      ranges.push([start, body === undefined ? lineOf(node.end) : Math.max(start, lineOf(body))]);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return ranges;
}
