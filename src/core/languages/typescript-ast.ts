// TypeScript's own syntax tree, for rules that need only comments and statement extents: it is
// about a sixth of the cost of typescript-estree's parse (no ESTree conversion), and it never
// refuses a file with syntax errors.
import type * as Typescript from 'typescript';
import type { RuleContext } from '../rule';
import type { SourceComment } from './javascript';
import { walkComments } from './typescript-comment-walk';
import { loadTsApiUtils, loadTypescript } from './typescript-module';

export function typescriptSourceFile(context: RuleContext): Typescript.SourceFile {
  return context.memo('languages:typescript-source-file', () => {
    const ts = loadTypescript();
    const kinds: Record<string, Typescript.ScriptKind> = {
      javascript: ts.ScriptKind.JS,
      javascriptreact: ts.ScriptKind.JSX,
      typescript: ts.ScriptKind.TS,
      typescriptreact: ts.ScriptKind.TSX,
    };
    return parseTypescriptSource(context.file.path || 'file.ts', context.file.text, kinds[context.file.language] ?? ts.ScriptKind.TS);
  });
}

/**
 * TypeScript's tree of `text`, as the rules read it:
 * - no parent links: neither the comment walk nor the statement ranges read them, and setting
 *   them costs time on every file;
 * - JSDoc is not parsed (typescript-estree's own choice when it has no type information): no rule
 *   reads JSDoc nodes, parsing them is ~15% of a parse, and a `/** *\/` comment is then an ordinary
 *   block comment (a parsed JSDoc made the text after a `//` inside it look like a line comment).
 */
export function parseTypescriptSource(fileName: string, text: string, kind: Typescript.ScriptKind): Typescript.SourceFile {
  const ts = loadTypescript();
  return ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
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
  linkParents(ts, sourceFile);
  const comments: SourceComment[] = [];
  loadTsApiUtils().forEachComment(sourceFile, (fullText, range) => {
    const isLine = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    comments.push({ kind: isLine ? 'line' : 'block', value: fullText.slice(range.pos + 2, isLine ? range.end : range.end - 2), start: range.pos, end: range.end });
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
