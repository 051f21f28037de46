// Psalm's suppress annotation (psalm.dev, "Dealing with code issues"): `@psalm-suppress IssueName`
// in a docblock, on a function, class or property (it covers all of it) or on a statement (that
// statement). `all` suppresses every issue. Psalm's taint analysis reports `TaintedSql`,
// `TaintedShell`, `TaintedHtml`, …: suppressing those silences a security check. A tag takes its
// docblock line; free text after the issue names is the reason.
import type { SuppressionDirective } from '../model';
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, directiveWithReason, isComma, isLetter, isWhitespace, lineEnd, readReason, skipWhitespace, splitList } from './scan';

const TAG = '@psalm-suppress';

export const matchPsalm: DirectiveMatcher = (text, context) => {
  if (context.kind === 'line' || (context.kind === 'block' && text.charCodeAt(0) !== 42)) return []; // docblocks only
  const directives: SuppressionDirective[] = [];
  let lineBreak = -1; // a docblock tag takes its line: the first on a line counts
  for (let at = text.indexOf(TAG); at !== -1; at = text.indexOf(TAG, Math.max(at + TAG.length, lineBreak))) {
    const tagEnd = at + TAG.length;
    if (!isWhitespace(text.charCodeAt(tagEnd))) continue;
    lineBreak = lineEnd(text, tagEnd);
    const end = docLineEnd(text, tagEnd, lineBreak);
    const namesStart = skipWhitespace(text, tagEnd, end);
    let namesEnd = namesStart;
    while (
      namesEnd < end &&
      (isLetter(text.charCodeAt(namesEnd)) || text.charCodeAt(namesEnd) === 44 || (text.charCodeAt(namesEnd) === 32 && text.charCodeAt(namesEnd - 1) === 44))
    )
      namesEnd++;
    const names = splitList(text, namesStart, namesEnd, isComma).map((name) => name.value);
    if (names.length === 0) continue;
    const bodyEnd = namesStart + text.slice(namesStart, namesEnd).trimEnd().length;
    directives.push(
      directiveWithReason({
        tool: 'psalm',
        scope: context.standalone ? 'declaration' : 'line',
        ids: names.some((name) => name === 'all') ? [] : names,
        start: at,
        bodyEnd,
        reason: readReason(text, bodyEnd, end, REASON_SEPARATORS, true),
        reasonSeparator: ' -- ',
      }),
    );
  }
  return directives;
};

/** The end of a docblock line's text: before a closing `*` run, or the line's end. */
function docLineEnd(text: string, from: number, lineBreak: number): number {
  let end = lineBreak;
  while (end > from && (text.charCodeAt(end - 1) === 42 || text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
