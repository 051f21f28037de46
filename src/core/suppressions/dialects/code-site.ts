// The site of a directive written in code (an annotation, attribute or pragma) rather than in a
// comment: the code itself, plus a comment right after it on the same line when that comment is
// its reason (`@SuppressWarnings("unchecked") // the list only holds strings`). A comment that is
// a directive of its own (a no-sonar marker) stays a site of its own.
import type { LexicalSpan, LexicalStructure } from '../../languages/lexical';
import type { CommentSite } from '../model';
import { parseSuppressionComment } from './index';

export interface CodeSite {
  site: CommentSite;
  /** The trailing comment's text, trimmed, when it is the reason; its end is the site's end. */
  reason?: string;
}

export function codeSite(structure: LexicalStructure, start: number, end: number, coversTo?: number): CodeSite {
  const { text, language, firstCode } = structure.scan;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start));
  let after = end;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  const comment = structure.spanAt(after);
  const reason = comment && comment.start === after && comment.kind !== 'string' && comment.kind !== 'text' ? reasonIn(structure, comment) : undefined;
  const siteEnd = reason !== undefined && comment ? comment.end : end;
  const site: CommentSite = {
    family: language,
    text: text.slice(start, siteEnd),
    textStart: start,
    start,
    end: siteEnd,
    ownLine: alone && restOfLineIsBlank(text, siteEnd),
    kind: 'code',
    leading: start < firstCode,
  };
  if (coversTo !== undefined) site.coversTo = coversTo;
  return reason === undefined ? { site } : { site, reason };
}

/** The comment's text as a reason, unless it is empty or holds a directive of its own. */
function reasonIn(structure: LexicalStructure, comment: LexicalSpan): string | undefined {
  const commentText = structure.scan.text.slice(comment.contentStart, comment.contentEnd);
  const kind = comment.kind === 'line-comment' ? 'line' : 'block';
  if (parseSuppressionComment(commentText, structure.scan.language, { kind }).length > 0) return undefined;
  let from = 0;
  let to = commentText.length;
  while (from < to && ' \t\r\n*/-'.includes(commentText[from])) from++;
  while (to > from && ' \t\r\n*/'.includes(commentText[to - 1])) to--;
  return to > from ? commentText.slice(from, to) : undefined;
}

function restOfLineIsBlank(text: string, from: number): boolean {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
