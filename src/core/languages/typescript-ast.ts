// TypeScript's own syntax tree, for rules that need only comments and statement extents: it is
// about a sixth of the cost of typescript-estree's parse (no ESTree conversion), and it never
// refuses a file with syntax errors.
import type * as Typescript from 'typescript';
import type { SourceComment } from './source-comment';
import { walkComments } from './typescript-comment-walk';
import { ParserBudgetExceeded, withParseBudget } from './typescript-parse-budget';
import { loadTsApiUtils, loadTypescript } from './typescript-module';

/** The memo key of a file's TypeScript tree: rules and the engine's ESTree parse share it. */
export const TYPESCRIPT_TREE_MEMO = 'languages:typescript-source-file';

/**
 * What typescriptSourceFile needs of a rule's context. Said structurally rather than importing
 * RuleContext: rule.ts depends on the language modules, and this one must not depend back on it.
 */
export interface MemoizingFileContext {
  file: { path: string; text: string; language: string };
  memo<T>(key: string, compute: () => T): T;
}

export function typescriptSourceFile(context: MemoizingFileContext): Typescript.SourceFile {
  return context.memo(TYPESCRIPT_TREE_MEMO, () => typescriptTreeOf(context.file));
}

/** A file's tree, parsed as its language says (the editor's languageId may differ from its name). */
export function typescriptTreeOf(file: { path: string; text: string; language: string }): Typescript.SourceFile {
  return parseTypescriptSource(file.path || 'file.ts', file.text, scriptKindOf(file.language) ?? loadTypescript().ScriptKind.TS);
}

/** TypeScript's script kind for a JS/TS language; undefined for any other. */
export function scriptKindOf(language: string): Typescript.ScriptKind | undefined {
  const { ScriptKind } = loadTypescript();
  switch (language) {
    case 'javascript':
      return ScriptKind.JS;
    case 'javascriptreact':
      return ScriptKind.JSX;
    case 'typescript':
      return ScriptKind.TS;
    case 'typescriptreact':
      return ScriptKind.TSX;
    default:
      return undefined;
  }
}

/**
 * TypeScript's tree of `text`, as the rules read it:
 * - no parent links: neither the comment walk nor the statement ranges read them, and setting
 *   them costs time on every file;
 * - the parse runs under a step budget (typescript-parse-budget.ts) and throws past it;
 * - JSDoc is not parsed (typescript-estree's own choice when it has no type information): no rule
 *   reads JSDoc nodes, parsing them is ~15% of a parse, and a `/** *\/` comment is then an ordinary
 *   block comment (a parsed JSDoc made the text after a `//` inside it look like a line comment).
 */
export function parseTypescriptSource(fileName: string, text: string, kind: Typescript.ScriptKind): Typescript.SourceFile {
  const ts = loadTypescript();
  const parse = () =>
    ts.createSourceFile(
      fileName,
      text,
      {
        languageVersion: ts.ScriptTarget.Latest,
        jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
        // As typescript-estree parses: a .mjs/.mts file is a module even without import or export,
        // so that the ESTree converted from this tree is the one typescript-estree would build.
        setExternalModuleIndicator: /\.m[jt]s$/i.test(fileName) ? markAsModule : undefined,
      },
      false,
      kind,
    );
  return withParseBudget(text, () => failuresNamed(parse));
}

/**
 * TypeScript's parser failed on the code itself (not a budget or stack limit): it asserts on some
 * broken input — `@decorator await x;` fails "Debug Failure. False expression." in 5.9.
 */
export class TypescriptParserFailure extends Error {
  constructor(cause: unknown) {
    super(`TypeScript's parser failed on this code (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'TypescriptParserFailure';
  }
}

function failuresNamed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError || error instanceof ParserBudgetExceeded) throw error;
    throw new TypescriptParserFailure(error);
  }
}

function markAsModule(file: Typescript.SourceFile): void {
  (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
}

const linked = new WeakSet<Typescript.SourceFile>();

/**
 * Sets the tree's parent links (once), as `createSourceFile(…, setParentNodes: true)` would:
 * typescript-estree's converter and ts-api-utils read them.
 */
export function withParentLinks(sourceFile: Typescript.SourceFile): Typescript.SourceFile {
  if (!linked.has(sourceFile)) {
    linkParents(loadTypescript(), sourceFile);
    linked.add(sourceFile);
  }
  return sourceFile;
}

/** Every comment of the tree, in source order, as ts-api-utils' `forEachComment` reports them. */
export function typescriptComments(sourceFile: Typescript.SourceFile): SourceComment[] {
  return walkComments(sourceFile) ?? commentsByForEachComment(sourceFile);
}

/**
 * The tree the walk leaves to `forEachComment` is one it cannot read: its `getChildren()` fails a
 * TypeScript debug assertion, and the rule reports that error, as it always has.
 */
function commentsByForEachComment(sourceFile: Typescript.SourceFile): SourceComment[] {
  const ts = loadTypescript();
  withParentLinks(sourceFile);
  const comments: SourceComment[] = [];
  loadTsApiUtils().forEachComment(sourceFile, (fullText, range) => {
    const isLine = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    comments.push({
      kind: isLine ? 'line' : 'block',
      value: fullText.slice(range.pos + 2, isLine ? range.end : range.end - 2),
      start: range.pos,
      end: range.end,
    });
  });
  return comments;
}

/** What `createSourceFile(…, setParentNodes: true)` would have set: `forEachComment` reads parents. */
function linkParents(ts: typeof Typescript, node: Typescript.Node): void {
  const link = (child: Typescript.Node): undefined => {
    (child as { parent: Typescript.Node }).parent = node;
    linkParents(ts, child);
    return undefined;
  };
  for (const jsDoc of (node as { jsDoc?: Typescript.JSDoc[] }).jsDoc ?? []) link(jsDoc);
  ts.forEachChild(node, link);
}
