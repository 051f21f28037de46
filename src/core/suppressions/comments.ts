// Every comment of a file, from the real parser of its language (or, for the languages Lastline
// has no parser for, from a lexical scan that tells strings from comments): suppression words
// inside strings or docs never reach the dialect parsers.
import { CONFIG_FORMATS, JS_LANGUAGES } from '../languages/language';
import { isCommentSpan, lexicalStructure } from '../languages/lexical';
import { isInsideError } from '../languages/python';
import { typescriptComments, typescriptSourceFile } from '../languages/typescript-ast';
import type { RuleContext } from '../rule';
import type { CommentSite } from './model';

export type { CommentFamily, CommentSite } from './model';

/** A site that is a comment (not code). */
export type CommentOnlySite = CommentSite & { kind: 'line' | 'block' };

export function collectComments(context: RuleContext): CommentOnlySite[] {
  const { language, text } = context.file;
  // Only blanks between the line's start and the comment. Scanning back over blanks alone keeps
  // this linear when thousands of comments share one line (a minified file, a fuzzed input).
  const ownLine = (start: number) => {
    let at = start - 1;
    while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
    return at < 0 || text[at] === '\n' || text[at] === '\r';
  };
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
          ? [
              {
                family: 'python' as const,
                text: node.text.slice(1),
                textStart: node.startIndex + 1,
                start: node.startIndex,
                end: node.endIndex,
                ownLine: ownLine(node.startIndex),
                kind: 'line' as const,
              },
            ]
          : [],
      );
  }
  if (CONFIG_FORMATS.has(language)) {
    return context.config().comments.map((comment) => {
      const textStart = Math.max(comment.start, text.indexOf(comment.text, comment.start));
      return { family: 'config', text: comment.text, textStart, start: comment.start, end: comment.end, ownLine: ownLine(comment.start), kind: 'line' };
    });
  }
  const structure = lexicalStructure(context);
  if (!structure) return [];
  const { spans, firstCode } = structure.scan;
  return spans.filter(isCommentSpan).map((span) => ({
    family: structure.scan.language,
    text: text.slice(span.contentStart, span.contentEnd),
    textStart: span.contentStart,
    start: span.start,
    end: span.end,
    ownLine: ownLine(span.start),
    kind: span.kind === 'line-comment' ? ('line' as const) : ('block' as const),
    leading: span.start < firstCode,
  }));
}
