// Biome's suppression comments (crates/biome_suppression, biomejs.dev/analyzer/suppressions):
//   // biome-ignore lint/suspicious/noExplicitAny: <explanation>      the next node / line
//   // biome-ignore-all lint/style: <explanation>                      the whole file
//   // biome-ignore-start lint: <explanation> … // biome-ignore-end lint: <explanation>
// Each line of the comment may hold one (block comments: after leading `*`). Biome matches the
// keyword case-insensitively and accepts `_` for `-`; categories (`lint`, `lint/group`,
// `lint/group/rule`, `lint/group/rule(value)`, `format`, `assist/…`) are separated by blanks and
// end at the `:` that introduces the mandatory explanation. Without the `:` Biome reports the
// comment as malformed and suppresses nothing, so we report nothing either. A bare `lint`
// suppresses every lint rule: a blanket (ids empty).
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { DirectiveMatcher } from './context';
import { isWhitespace, lineEnd, makeDirective, skipWhitespace, splitList, startsWithIgnoringCase, trimEnd } from './scan';

const VARIANTS: readonly [string, SuppressionScope][] = [
  ['-all', 'file'],
  ['-start', 'block-start'],
  ['-end', 'block-end'],
  ['', 'next-line'],
];

export const matchBiome: DirectiveMatcher = (text) => {
  const directives: SuppressionDirective[] = [];
  for (let lineStart = 0; lineStart <= text.length;) {
    const end = lineEnd(text, lineStart);
    const directive = readLine(text, lineStart, end);
    if (directive) directives.push(directive);
    lineStart = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return directives;
};

function readLine(text: string, lineStart: number, end: number): SuppressionDirective | undefined {
  let start = skipWhitespace(text, lineStart, end);
  while (text.charCodeAt(start) === 42) start++; // a block comment's leading stars
  start = skipWhitespace(text, start, end);
  if (!isBiomeIgnore(text, start)) return undefined;
  let keywordEnd = start + 'biome-ignore'.length;
  const variant = VARIANTS.find(([suffix]) => suffix === '' || startsWithSuffix(text, keywordEnd, suffix));
  if (!variant) return undefined;
  keywordEnd += variant[0].length;
  if (keywordEnd < end && !isWhitespace(text.charCodeAt(keywordEnd)) && text.charCodeAt(keywordEnd) !== 58) return undefined;
  let colon = keywordEnd;
  while (colon < end && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= end) return undefined; // Biome: "expected one of ':', '(' or whitespace"

  const categories = splitList(text, keywordEnd, colon, isWhitespace);
  if (categories.length === 0) return undefined;
  const isBlanket = categories.length === 1 && categories[0].value.toLowerCase() === 'lint';
  const explanationStart = skipWhitespace(text, colon + 1, end);
  const explanationEnd = trimEnd(text, explanationStart, end);
  const reason = explanationEnd > explanationStart ? text.slice(explanationStart, explanationEnd) : undefined;
  const directiveEnd = reason ? explanationEnd : colon + 1;
  return makeDirective({
    tool: 'biome',
    scope: variant[1],
    ids: isBlanket ? [] : categories.map((category) => category.value),
    start,
    end: directiveEnd,
    reason,
    idsInsertAt: isBlanket ? categories[0].start : undefined,
    reasonInsertAt: directiveEnd,
    reasonSeparator: ' ',
  });
}

/** `biome-ignore` in any case, `_` accepted for `-`. */
function isBiomeIgnore(text: string, pos: number): boolean {
  const dash = pos + 'biome'.length;
  const separator = text.charCodeAt(dash);
  return startsWithIgnoringCase(text, pos, 'biome') && (separator === 45 || separator === 95) && startsWithIgnoringCase(text, dash + 1, 'ignore');
}

function startsWithSuffix(text: string, pos: number, suffix: string): boolean {
  const separator = text.charCodeAt(pos);
  return (separator === 45 || separator === 95) && startsWithIgnoringCase(text, pos + 1, suffix.slice(1));
}
