// PHPStan's ignore comments (phpstan.org, "Ignoring errors"), in any comment kind:
//   @phpstan-ignore-next-line       every error on the next line
//   @phpstan-ignore-line            every error on this line
//   @phpstan-ignore id, id (why)    the named errors; on this line, or alone on its line the next
// PHPStan checks types; it finds none of what Lastline reports, so these never hide a finding, but
// the first two are blankets. PHPStan reads one of them per comment: the first. The parenthesised
// comment after an identifier is its reason; free text after the line forms counts too.
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, directiveWithReason, isWhitespace, isWordCharacter, lineEnd, makeDirective, readReason, skipWhitespace } from './scan';

const TAG = '@phpstan-ignore';

export const matchPhpstan: DirectiveMatcher = (text, context) => {
  let end = -1; // the end of the current tag's line, found once per line
  for (let at = text.indexOf(TAG); at !== -1; at = text.indexOf(TAG, at + TAG.length)) {
    const tagEnd = at + TAG.length;
    const lineForm = LINE_FORMS.find(
      ([suffix]) =>
        text.startsWith(suffix, tagEnd) && !isWordCharacter(text.charCodeAt(tagEnd + suffix.length)) && text.charCodeAt(tagEnd + suffix.length) !== 45,
    );
    if (lineForm) {
      const keywordEnd = tagEnd + lineForm[0].length;
      return [
        directiveWithReason({
          tool: 'phpstan',
          scope: lineForm[1],
          ids: [],
          start: at,
          bodyEnd: keywordEnd,
          reason: readReason(text, keywordEnd, lineEnd(text, keywordEnd), REASON_SEPARATORS, true),
          reasonSeparator: ' -- ',
        }),
      ];
    }
    if (!isWhitespace(text.charCodeAt(tagEnd))) continue;
    if (tagEnd > end) end = lineEnd(text, tagEnd);
    const named = readIdentifiers(text, skipWhitespace(text, tagEnd, end), end);
    if (named.ids.length === 0) continue;
    return [
      makeDirective({
        tool: 'phpstan',
        scope: context.standalone ? 'next-line' : 'line',
        ids: named.ids,
        start: at,
        end: named.end,
        reason: named.reasons.length ? named.reasons.join('; ') : undefined,
        reasonInsertAt: named.end,
        reasonSeparator: ' (',
        reasonTerminator: ')',
      }),
    ];
  }
  return [];
};

const LINE_FORMS = [
  ['-next-line', 'next-line'],
  ['-line', 'line'],
] as const;

/** `id (comment), id`: identifiers of `[\w.-]`, each with an optional parenthesised comment. */
function readIdentifiers(text: string, from: number, end: number): { ids: string[]; reasons: string[]; end: number } {
  const ids: string[] = [];
  const reasons: string[] = [];
  let at = from;
  let last = from;
  while (at < end) {
    let idEnd = at;
    while (idEnd < end && (isWordCharacter(text.charCodeAt(idEnd)) || text.charCodeAt(idEnd) === 46 || text.charCodeAt(idEnd) === 45)) idEnd++;
    if (idEnd === at) break;
    ids.push(text.slice(at, idEnd));
    last = idEnd;
    at = skipWhitespace(text, idEnd, end);
    if (text.charCodeAt(at) === 40) {
      let close = at + 1;
      while (close < end && text.charCodeAt(close) !== 41) close++;
      if (close >= end) break;
      const comment = text.slice(at + 1, close).trim();
      if (comment) reasons.push(comment);
      last = close + 1;
      at = skipWhitespace(text, close + 1, end);
    }
    if (text.charCodeAt(at) !== 44) break;
    at = skipWhitespace(text, at + 1, end);
  }
  return { ids, reasons, end: last };
}
