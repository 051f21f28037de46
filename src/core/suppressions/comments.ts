// Every comment of a file, from the real parser of its language: suppression words inside strings
// or docs never reach the dialect parsers.
import { CONFIG_FORMATS, JS_LANGUAGES } from '../languages/language';
import { isInsideError } from '../languages/python';
import { typescriptComments, typescriptSourceFile } from '../languages/typescript-ast';
import type { RuleContext } from '../rule';

export type CommentFamily = 'python' | 'javascript' | 'config';

export interface CommentSite {
  family: CommentFamily;
  /** The comment's text without its marker (`#`, `//`, `/* *\/`). */
  text: string;
  /** Offset in the file where `text` starts. */
  textStart: number;
  /** The whole comment, markers included. */
  start: number;
  end: number;
  /** Only white space precedes the comment on its line. */
  ownLine: boolean;
  /** `//`/`#` versus `/* *\/`: some directives are honoured in only one of them. */
  kind: 'line' | 'block';
}

export function collectComments(context: RuleContext): CommentSite[] {
  const { language, text } = context.file;
  const ownLine = (start: number) => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
  if (JS_LANGUAGES.has(language)) {
    return typescriptComments(typescriptSourceFile(context)).map((comment) => ({
      family: 'javascript',
      text: comment.value,
      textStart: comment.start + 2,
      start: comment.start,
      end: comment.end,
      ownLine: ownLine(comment.start),
      kind: comment.kind,
    }));
  }
  if (language === 'python') {
    return context
      .python()
      .tree.rootNode.descendantsOfType('comment')
      .flatMap((node) =>
        node && !isInsideError(node)
          ? [{ family: 'python' as const, text: node.text.slice(1), textStart: node.startIndex + 1, start: node.startIndex, end: node.endIndex, ownLine: ownLine(node.startIndex), kind: 'line' as const }]
          : [],
      );
  }
  if (CONFIG_FORMATS.has(language)) {
    return context.config().comments.map((comment) => {
      const textStart = Math.max(comment.start, text.indexOf(comment.text, comment.start));
      return { family: 'config', text: comment.text, textStart, start: comment.start, end: comment.end, ownLine: ownLine(comment.start), kind: 'line' };
    });
  }
  return [];
}
