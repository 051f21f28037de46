// secretlint's comment directives, as @secretlint/secretlint-rule-filter-comments reads them: the
// whole file is searched with
//   /(?<type>secretlint-(?:disable-next-line|disable-line|disable|enable))(?<options>.*)/g
// (case-sensitive, anywhere in a line, in any file type), and the options are rule ids separated
// by commas, each cut at a `\s-{2,}\s` justification. A keyword glued to more letters (the
// `disable` keyword followed by a `d`) turns its tail into a rule id that names no rule, so it
// disables nothing and is not reported. Upstream splits the options with `/\s{0, 5},\s{0,5}/`, whose
// `{0, 5}` is literal text, so `a, b` stays one unknown id there; we report the ids as written.
// In `#` comments (Python, config) the options stop at the next `#`: secretlint would read a
// trailing `# noqa` as the name of a rule to disable, which is no rule at all; we treat that `#`
// as the start of the next comment, like every other Python tool.
// Scope: disable / enable open and close a region, -line and -next-line cover one line.
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { DirectiveMatcher } from './context';
import { directiveWithReason, isComma, isWhitespace, lineEnd, readReason, reasonLimit, splitList } from './scan';

const PREFIX = 'secretlint-';
const KEYWORDS: readonly [string, SuppressionScope][] = [
  ['disable-next-line', 'next-line'],
  ['disable-line', 'line'],
  ['disable', 'block-start'],
  ['enable', 'block-end'],
];

export const matchSecretlint: DirectiveMatcher = (text, context) => {
  const directives: SuppressionDirective[] = [];
  let from = 0;
  for (let at = text.indexOf(PREFIX, from); at !== -1; at = text.indexOf(PREFIX, from)) {
    const keyword = KEYWORDS.find(([word]) => text.startsWith(word, at + PREFIX.length));
    const keywordEnd = keyword ? at + PREFIX.length + keyword[0].length : -1;
    if (!keyword || (keywordEnd < text.length && !isWhitespace(text.charCodeAt(keywordEnd)))) {
      from = at + PREFIX.length;
      continue;
    }
    const end = lineEnd(text, keywordEnd);
    directives.push(readOptions(text, at, keywordEnd, reasonLimit(text, keywordEnd, context.family), keyword[1]));
    from = end; // the regular expression's `.*` takes the rest of the line
  }
  return directives;
};

function readOptions(text: string, start: number, keywordEnd: number, end: number, scope: SuppressionScope): SuppressionDirective {
  const justification = justificationStart(text, keywordEnd, end);
  const ids = splitList(text, keywordEnd, justification, isComma);
  const bodyEnd = ids.length > 0 ? ids[ids.length - 1].end : keywordEnd;
  return directiveWithReason({
    tool: 'secretlint',
    scope,
    ids: ids.map((item) => item.value),
    start,
    bodyEnd,
    reason: justification < end ? readReason(text, justification, end, ['--'], false) : undefined,
    idsInsertAt: keywordEnd,
    reasonSeparator: ' -- ',
  });
}

/** The blank before a `\s-{2,}\s` separator, or `end`. */
function justificationStart(text: string, pos: number, end: number): number {
  for (let i = pos; i < end; i++) {
    if (!isWhitespace(text.charCodeAt(i)) || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 45) continue;
    let j = i + 3;
    while (j < end && text.charCodeAt(j) === 45) j++;
    if (j === end || isWhitespace(text.charCodeAt(j))) return i;
  }
  return end;
}
