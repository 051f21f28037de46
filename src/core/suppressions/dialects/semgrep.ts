// Semgrep's `nosemgrep` (also `nosem`), as semgrep/constants.py and semgrep-core (Nosemgrep.ml)
// define it, case-insensitively on each source line ([ ] is one literal space):
//   ids            (?:[:=][\s]?(?P<ids>([^,\s](?:[,\s]+)?)+))?
//   same line      "[ ]nosem(?:grep)?" + ids                  (search)
//   line above     "^[^a-zA-Z0-9]*[ ]nosem(?:grep)?" + ids   (covers the next line)
// The keyword needs a literal space before it and may sit anywhere in the line, prose included
// (a comment saying we used to put the keyword here suppresses), with no word boundary after it
// (`nosemantics` is a blanket suppression). With no space after the `#` Semgrep ignores it.
// Config comments reach us trimmed by the config reader, so there a keyword at the very start
// counts as preceded by a blank.
// Ids follow `:` or `=` (one optional blank), separated by commas or blanks; Semgrep would also
// read every later word as an id, but words that name no rule suppress nothing, so we stop the
// ids at ` -- ` (the reason) or at `#`/`//` (another comment, see the post-pass in index.ts).
// Alone on its line with nothing alphanumeric before it, it covers the next line.
import type { DirectiveMatcher } from './context';
import {
  directiveWithReason,
  indexOfIgnoringCase,
  isCommaOrWhitespace,
  isDigit,
  isLetter,
  isWhitespace,
  isWordCharacter,
  lineEnd,
  readReason,
  reasonLimit,
  splitList,
  startsWithIgnoringCase,
} from './scan';

const SPACE = 32;

export const matchNosemgrep: DirectiveMatcher = (text, context) => {
  for (let at = indexOfIgnoringCase(text, 'nosem', 0); at !== -1; at = indexOfIgnoringCase(text, 'nosem', at + 1)) {
    const spaced = at === 0 ? context.family === 'config' : text.charCodeAt(at - 1) === SPACE;
    if (!spaced) continue;
    const end = lineEnd(text, at);
    let keywordEnd = at + 'nosem'.length;
    if (startsWithIgnoringCase(text, keywordEnd, 'grep')) keywordEnd += 'grep'.length;
    const ids = readIds(text, keywordEnd, end);
    let bodyEnd = ids ? ids.end : keywordEnd;
    if (!ids) while (bodyEnd < end && isWordCharacter(text.charCodeAt(bodyEnd))) bodyEnd++;
    const nextLine = context.standalone === true && !hasAlphanumeric(text, 0, at);
    return [
      directiveWithReason({
        tool: 'semgrep',
        scope: nextLine ? 'next-line' : 'line',
        ids: ids ? ids.values : [],
        start: at,
        bodyEnd,
        reason: readReason(text, bodyEnd, reasonLimit(text, bodyEnd, context.family), ['--', '—'], false),
        idsInsertAt: keywordEnd,
        reasonSeparator: ' -- ',
      }),
    ];
  }
  return [];
};

/** `:` or `=`, one optional blank, then ids up to a reason separator, another comment or the line end. */
function readIds(text: string, keywordEnd: number, end: number): { values: string[]; end: number } | undefined {
  const separator = text.charCodeAt(keywordEnd);
  if (separator !== 58 && separator !== 61) return undefined;
  let pos = keywordEnd + 1;
  if (isWhitespace(text.charCodeAt(pos))) pos++;
  if (pos >= end || isCommaOrWhitespace(text.charCodeAt(pos))) return undefined;
  const limit = idsLimit(text, pos, end);
  const items = splitList(text, pos, limit, isCommaOrWhitespace);
  if (items.length === 0) return undefined;
  return { values: items.map((item) => item.value), end: items[items.length - 1].end };
}

function idsLimit(text: string, pos: number, end: number): number {
  for (let i = pos; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 35) return i; // #
    if (code === 47 && text.charCodeAt(i + 1) === 47) return i; // //
    if (isWhitespace(code) && text.startsWith('--', i + 1) && (i + 3 >= end || isWhitespace(text.charCodeAt(i + 3)))) return i;
  }
  return end;
}

function hasAlphanumeric(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isLetter(code) || isDigit(code)) return true;
  }
  return false;
}
