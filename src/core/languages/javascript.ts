// JS/TS/JSX/TSX through @typescript-eslint/typescript-estree: an ESTree AST with comments, tokens
// and ranges. typescript-estree refuses a file with syntax errors; TypeScript's own parser never
// does, so for a broken file we still hand rules its comments (suppressions stay visible) but no
// AST — a rule must not guess at structure the parser could not confirm.
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type * as Typescript from 'typescript';
import { languageFromFileName, type SourceLanguage } from './language';
import type { SourceComment } from './source-comment';
import { parseTypescriptSource, scriptKindOf, TypescriptParserFailure, typescriptComments, withParentLinks } from './typescript-ast';
import { loadTypescript } from './typescript-module';
import { isStackOverflow } from './stack-overflow';
import { ParserBudgetExceeded, withParseBudget } from './typescript-parse-budget';

// Required on first use, not at load, like TypeScript (typescript-module.ts).
let estree: typeof TypescriptEstree | undefined;
const loadEstree = () => (estree ??= require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree);

export type { SourceComment } from './source-comment';

export interface ParseProblem {
  message: string;
  /** Offset where the parser stopped. */
  offset: number;
  /**
   * The parser itself gave up (it ran out of stack on deeply nested or very long expressions): not
   * a mistake in the file, but code Lastline could not look at.
   */
  beyondParser?: boolean;
  /** The parser gave up for lack of stack: a thread with a larger one may read the file. */
  outOfStack?: boolean;
}

export interface JsParse {
  /** Absent when the file does not parse. */
  ast?: TSESTree.Program;
  comments: SourceComment[];
  problem?: ParseProblem;
}

/**
 * The ESTree of a JS/TS file. `sharedTree` gives the file's TypeScript tree when the caller keeps
 * one (the engine: the suppression rule reads the same tree), so that the file is parsed once.
 */
export function parseJavaScript(text: string, language: SourceLanguage, filePath: string, sharedTree?: () => Typescript.SourceFile): JsParse {
  const jsx = language === 'javascriptreact' || language === 'typescriptreact' || /\.(jsx|tsx)$/i.test(filePath);
  const options = {
    // No tokens: converting them doubles the parse cost, and no rule reads them.
    tokens: false,
    range: true,
    loc: true,
    jsx,
    // Plain `.js` may hold JSX (React projects): let TypeScript decide per file extension.
    filePath: filePath || (jsx ? 'file.tsx' : 'file.ts'),
  } as const;
  const kind = scriptKindOfName(filePath);
  if (kind === undefined) return parseText(text, jsx, options);
  // typescript-estree parses by the file name; the shared tree was parsed by the language, which
  // in the editor may differ: share it only when both say the same.
  let tree: Typescript.SourceFile;
  try {
    tree = withParentLinks(sharedTree && languageFromFileName(filePath) === language ? sharedTree() : parseTypescriptSource(filePath, text, kind));
  } catch (error) {
    // TypeScript itself gave up (stack or step budget): there is no tree to read comments from.
    if (!isBeyondParser(error)) throw error;
    return { comments: [], problem: describe(error, text) };
  }
  try {
    // typescript-estree converts a TypeScript tree given in place of the text (its
    // createSourceFile returns it as is); its comments would come from ts-api-utils'
    // forEachComment, which typescriptComments equals at about a quarter of the cost.
    const ast = loadEstree().parse(tree as unknown as string, { ...options, comment: false });
    return { ast, comments: typescriptComments(tree) };
  } catch (error) {
    return { comments: typescriptComments(tree), problem: describe(error, text) };
  }
}

/**
 * typescript-estree's own script kind for a file name (by extension; languageFromFileName reads
 * the same extensions); undefined for a name that is no JS/TS name.
 */
function scriptKindOfName(filePath: string): Typescript.ScriptKind | undefined {
  return filePath ? scriptKindOf(languageFromFileName(filePath)) : undefined;
}

/** A file whose name is no JS/TS name: typescript-estree picks the kind from `jsx`. */
function parseText(text: string, jsx: boolean, options: TypescriptEstree.TSESTreeOptions): JsParse {
  try {
    const ast = withParseBudget(text, () => loadEstree().parse(text, { ...options, comment: true }));
    return {
      ast,
      comments: (ast.comments ?? []).map((comment) => ({
        kind: comment.type === 'Line' ? 'line' : 'block',
        value: comment.value,
        start: comment.range[0],
        end: comment.range[1],
      })),
    };
  } catch (error) {
    return { comments: tolerantComments(text, jsx), problem: describe(error, text) };
  }
}

function tolerantComments(text: string, jsx: boolean): SourceComment[] {
  const ts = loadTypescript();
  try {
    return typescriptComments(parseTypescriptSource('file', text, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  } catch (error) {
    if (isBeyondParser(error)) return [];
    throw error;
  }
}

/** TypeScript's parser gave up on the code (out of stack, past its step budget, or failing an assertion). */
function isBeyondParser(error: unknown): boolean {
  return error instanceof RangeError || error instanceof ParserBudgetExceeded || error instanceof TypescriptParserFailure;
}

/**
 * The problem when TypeScript's parser gave up on its budget or its own assertion (errors a rule
 * reading the tree passes on); undefined for any other error.
 */
export function typescriptParserGaveUp(error: unknown): ParseProblem | undefined {
  if (error instanceof ParserBudgetExceeded || error instanceof TypescriptParserFailure) return { message: error.message, offset: 0, beyondParser: true };
  return undefined;
}

function describe(error: unknown, text: string): ParseProblem {
  const gaveUp = typescriptParserGaveUp(error);
  if (gaveUp) return gaveUp;
  if (error instanceof RangeError)
    return {
      message: `the parser ran out of stack (${error.message}): the code is nested too deeply or its expressions are too long`,
      offset: 0,
      beyondParser: true,
      ...(isStackOverflow(error) ? { outOfStack: true } : {}),
    };
  if (error && typeof error === 'object' && 'message' in error) {
    const index = (error as { index?: unknown }).index;
    return { message: String((error as { message: unknown }).message), offset: typeof index === 'number' ? index : 0 };
  }
  return { message: String(error), offset: Math.min(0, text.length) };
}
