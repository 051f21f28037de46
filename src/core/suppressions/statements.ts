// Which lines a line-level directive covers: the whole statement its line belongs to (a directive
// on any line of a multi-line statement covers all of it), but only the header of a compound
// statement or a function — a `# nosec` on `def f(…):` does not cover the function's body.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '@vscode/tree-sitter-wasm';
import { walkEstree } from '../languages/estree-walk';
import { JS_LANGUAGES } from '../languages/language';
import type { RuleContext } from '../rule';

/** 0-based inclusive line ranges of statements (or statement headers), innermost found last. */
export type LineRange = [number, number];

export function statementRanges(context: RuleContext): LineRange[] {
  return context.memo('suppressions:statement-ranges', () => {
    const { language } = context.file;
    if (JS_LANGUAGES.has(language)) {
      const ast = context.javascript().ast;
      return ast ? javascriptStatements(ast) : [];
    }
    if (language === 'python') return pythonStatements(context.python().tree.rootNode);
    return [];
  });
}

/** The smallest statement range containing `line`; the line alone when none does. */
export function statementAt(ranges: readonly LineRange[], line: number): LineRange {
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

const PY_COMPOUND = new Set(['function_definition', 'class_definition', 'if_statement', 'for_statement', 'while_statement', 'with_statement', 'try_statement', 'match_statement', 'elif_clause', 'else_clause', 'except_clause', 'finally_clause', 'case_clause', 'decorated_definition']);

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

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression']);

function javascriptStatements(ast: TSESTree.Program): LineRange[] {
  const ranges: LineRange[] = [];
  walkEstree(ast, (node) => {
    if (!/(Statement|Declaration)$/.test(node.type) || node.type === 'BlockStatement') return;
    const start = node.loc.start.line - 1;
    // A statement that holds a body (if/for/function/class, or a declaration of a function
    // expression) covers its header only: from its start to where the first body begins.
    let headerEnd = node.loc.end.line - 1;
    walkEstree(node, (inner) => {
      if (inner === node) return;
      if (inner.type === 'BlockStatement' || inner.type === 'ClassBody' || FUNCTION_TYPES.has(inner.type)) {
        headerEnd = Math.min(headerEnd, Math.max(start, inner.loc.start.line - 1));
      }
    });
    ranges.push([start, headerEnd]);
  });
  return ranges;
}
