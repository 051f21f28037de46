// Fixes for suppression directives, as plain Fix data shared by the editor and `lastline scan --fix`.
import type { LineIndex } from '../text';
import type { Fix, TextEdit } from '../types';
import { insertIds, insertReason } from './dialects';
import type { CommentSite, SuppressionDirective } from './model';

const REASON_PLACEHOLDER = '<why this is safe>';

/**
 * Removes the directive, keeping the rest of the comment; a comment left with nothing but
 * separators goes entirely, and so does a line left empty.
 */
export function removeDirectiveFix(text: string, lines: LineIndex, comment: CommentSite, directive: SuppressionDirective): Fix {
  const start = comment.textStart + directive.start;
  const end = comment.textStart + directive.end;
  const rest = (text.slice(comment.textStart, start) + text.slice(end, comment.end)).replace(/\*\/$/, '');
  const edit = (from: number, to: number, newText = '') => ({ range: lines.rangeOf(from, to), newText });
  let edits;
  if (comment.kind === 'code' && !comment.ownLine) {
    // An annotation before code on its line (`@SuppressWarnings("x") void f()`): it and the blanks after it.
    let to = end;
    while (to < text.length && /[ \t]/.test(text[to])) to++;
    edits = [edit(start, to)];
  } else if (/^[\s#,;:\-*/]*$/.test(rest)) {
    // From the line index, not a search back through the line: one line may hold thousands of directives.
    const lineStart = lines.offsetAt({ line: lines.positionAt(comment.start).line, character: 0 });
    if (comment.ownLine) {
      const lineEnd = text.indexOf('\n', comment.end);
      edits = [edit(lineStart, lineEnd < 0 ? text.length : lineEnd + 1)];
    } else {
      let from = comment.start;
      while (from > lineStart && /[ \t]/.test(text[from - 1])) from--;
      edits = [edit(from, comment.end)];
    }
  } else {
    // Take one neighbouring separator with the directive so "noqa: E501  # nosec" stays tidy.
    let from = start;
    let to = end;
    const after = /^[ \t]*[,;]?[ \t]*#?[ \t]*/.exec(text.slice(to, comment.end))?.[0] ?? '';
    if (after && to + after.length < comment.end) to += after.length;
    else while (from > comment.textStart && /[ \t#,;]/.test(text[from - 1])) from--;
    edits = [edit(from, to)];
  }
  return { title: `Remove ${describeDirective(text, comment, directive)}`, safe: false, edits };
}

/** `@ts-ignore` → `@ts-expect-error`: the compiler then says when the error it hid is gone. */
export function expectErrorFix(lines: LineIndex, comment: CommentSite, directive: SuppressionDirective, text: string): Fix | undefined {
  const start = comment.textStart + directive.start;
  const at = text.indexOf('@ts-ignore', start);
  if (at < 0 || at >= comment.textStart + directive.end) return undefined;
  return {
    title: 'Use @ts-expect-error instead of @ts-ignore',
    safe: false,
    edits: [{ range: lines.rangeOf(at, at + '@ts-ignore'.length), newText: '@ts-expect-error' }],
  };
}

/** Adds a reason placeholder where the dialect expects one (`-- `, `: `, …). */
export function justifyFix(lines: LineIndex, comment: CommentSite, directive: SuppressionDirective): Fix | undefined {
  const updated = insertReason(comment.text, directive, REASON_PLACEHOLDER);
  return updated === undefined ? undefined : { title: 'Add a justification', safe: false, edits: [replaceCommentText(lines, comment, updated)] };
}

/** Narrows a blanket directive to the ids that apply (`# nosec` → `# nosec B608`). */
export function narrowFix(lines: LineIndex, comment: CommentSite, directive: SuppressionDirective, ids: readonly string[]): Fix | undefined {
  const updated = insertIds(comment.text, directive, ids);
  return updated === undefined ? undefined : { title: `Narrow to ${ids.join(', ')}`, safe: false, edits: [replaceCommentText(lines, comment, updated)] };
}

/** The dialect module rewrites comment text; the edit swaps exactly that text (markers kept). */
function replaceCommentText(lines: LineIndex, comment: CommentSite, text: string): TextEdit {
  return { range: lines.rangeOf(comment.textStart, comment.textStart + comment.text.length), newText: text };
}

/** The directive as written, with its comment's own marker (`//`, `#`, `--`; none for code). */
export function describeDirective(text: string, comment: CommentSite, directive: SuppressionDirective): string {
  const raw = text.slice(comment.textStart + directive.start, comment.textStart + directive.end).trim();
  if (comment.kind === 'code') return `\`${raw}\``;
  if (comment.kind === 'block') return `\`/* ${raw} */\``;
  const marker = text.slice(comment.start, comment.textStart).trim();
  return `\`${/^(\/\/|#|--|;)$/.test(marker) ? marker : comment.family === 'javascript' ? '//' : '#'} ${raw}\``;
}
