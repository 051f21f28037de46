// `# noqa` as flake8 and Ruff read it (both honour it, so a comment counts when either does), and
// the file-level `# ruff: noqa` / `# flake8: noqa`.
//
// flake8 (src/flake8/defaults.py) searches the physical line for
//   r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?"   (re.IGNORECASE)
// so it wants exactly `# noqa`, accepts any suffix (`# noqa-like` and `# noqa: unused-import` are
// blanket noqa to flake8), and reads codes only right after the colon.
// Ruff (crates/ruff_linter/src/noqa.rs, lex_inline_noqa) takes `#`, any whitespace, `noqa` in any
// case, then requires the end, `#`, `:` or whitespace (`# noqa-like` is an error, not a directive);
// `# noqa : E501` is fine; codes are `[A-Z]+[0-9]+` separated by commas or whitespace, and the first
// word that is not a code ends the list (`# noqa: S608 trusted input`).
//
// We report a directive when either tool honours the comment, except for a keyword glued to a
// following word or `-` (`# noqa-like`, `# noqasomething`): only flake8's missing word boundary
// accepts those, never as a deliberate syntax. The ids are what the honouring readings name; if
// one of them is a blanket, the directive is a blanket. The reason is the text after the codes
// (` -- why`, ` - why` or plain) or a following `# …` segment (post-pass in index.ts).
import type { SuppressionDirective, SuppressionTool } from '../model';
import type { DirectiveMatcher } from './context';
import {
  REASON_SEPARATORS,
  directiveWithReason,
  hashAnchors,
  isDigit,
  isLetter,
  isUpperCaseLetter,
  isWhitespace,
  readReason,
  segmentEnd,
  skipWhitespace,
  startsWithIgnoringCase,
} from './scan';

const HASH = 35;
const COLON = 58;
const COMMA = 44;
const EQUALS = 61;
const SPACE = 32;

export const matchNoqa: DirectiveMatcher = (text) => {
  const directives: SuppressionDirective[] = [];
  const inline = findInlineNoqa(text);
  if (inline) directives.push(inline);
  const file = findFileNoqa(text);
  if (file) directives.push(file);
  return directives;
};

interface Code {
  value: string;
  end: number;
}

/** One tool's reading: a blanket, or the codes it names; `end` is where that reading stops. */
interface Reading {
  codes: Code[];
  end: number;
}

function findInlineNoqa(text: string): SuppressionDirective | undefined {
  for (const anchor of hashAnchors(text)) {
    const keyword = skipWhitespace(text, anchor);
    if (!startsWithIgnoringCase(text, keyword, 'noqa')) continue;
    const keywordEnd = keyword + 4;
    if (!endsKeyword(text, keywordEnd)) continue;
    const readings: Reading[] = [];
    const ruff = readRuffDirective(text, keywordEnd);
    if (ruff) readings.push(ruff);
    // flake8 wants the literal `# noqa`: one space between the `#` and the keyword.
    if (keyword === anchor + 1 && text.charCodeAt(anchor) === SPACE) readings.push(readFlake8Directive(text, keywordEnd));
    if (readings.length > 0) return combine(text, 'flake8', 'line', keyword, keywordEnd, readings);
  }
  return undefined;
}

/**
 * Ruff's `lex_file_exemption`: `#`, whitespace, `ruff` or `flake8`, whitespace, `:`, whitespace,
 * `noqa`, then the same suffix and codes as an inline noqa. flake8's own NOQA_FILE
 * (`\s*# flake8[:=]\s*noqa`, case-insensitive) also takes `=` and any case of `flake8`.
 */
function findFileNoqa(text: string): SuppressionDirective | undefined {
  for (const anchor of hashAnchors(text)) {
    const prefix = skipWhitespace(text, anchor);
    let tool: SuppressionTool;
    let afterPrefix: number;
    if (text.startsWith('ruff', prefix)) {
      tool = 'ruff';
      afterPrefix = prefix + 4;
    } else if (startsWithIgnoringCase(text, prefix, 'flake8')) {
      tool = 'flake8';
      afterPrefix = prefix + 6;
    } else {
      continue;
    }
    const separator = skipWhitespace(text, afterPrefix);
    const separatorCode = text.charCodeAt(separator);
    if (separatorCode !== COLON && !(tool === 'flake8' && separatorCode === EQUALS)) continue;
    const keyword = skipWhitespace(text, separator + 1);
    if (!startsWithIgnoringCase(text, keyword, 'noqa')) continue;
    const keywordEnd = keyword + 4;
    if (!endsKeyword(text, keywordEnd)) continue;
    const reading = readRuffDirective(text, keywordEnd) ?? { codes: [], end: keywordEnd };
    return combine(text, tool, 'file', prefix, keywordEnd, [reading]);
  }
  return undefined;
}

/** Ruff's suffix rule: the keyword ends the comment or is followed by `#`, `:` or whitespace. */
function endsKeyword(text: string, keywordEnd: number): boolean {
  if (keywordEnd >= text.length) return true;
  const code = text.charCodeAt(keywordEnd);
  return code === HASH || code === COLON || isWhitespace(code);
}

/** Ruff's `lex_directive`; undefined when Ruff rejects the comment (`# noqa:` without a code). */
function readRuffDirective(text: string, keywordEnd: number): Reading | undefined {
  let colon = -1;
  if (text.charCodeAt(keywordEnd) === COLON) colon = keywordEnd;
  else if (isWhitespace(text.charCodeAt(keywordEnd))) {
    const next = skipWhitespace(text, keywordEnd);
    if (text.charCodeAt(next) === COLON) colon = next;
  }
  if (colon === -1) return { codes: [], end: keywordEnd };
  const codes = lexRuffCodes(text, colon + 1);
  return codes && codes.length > 0 ? { codes, end: codes[codes.length - 1].end } : undefined;
}

/** Ruff's `lex_codes`; undefined on a hard error (`F401abc`, `F401;`). */
function lexRuffCodes(text: string, pos: number): Code[] | undefined {
  const codes: Code[] = [];
  let missingDelimiter = false;
  while (pos < text.length) {
    pos = skipWhitespace(text, pos);
    if (pos >= text.length) break;
    if (text.charCodeAt(pos) === COMMA) {
      pos++;
      continue;
    }
    if (!isUpperCaseLetter(text.charCodeAt(pos))) break; // a trailing comment starts here
    const start = pos;
    while (isUpperCaseLetter(text.charCodeAt(pos))) pos++;
    if (!isDigit(text.charCodeAt(pos))) {
      if (missingDelimiter) return undefined;
      break;
    }
    while (isDigit(text.charCodeAt(pos))) pos++;
    codes.push({ value: text.slice(start, pos), end: pos });
    if (pos >= text.length) break;
    const next = text.charCodeAt(pos);
    if (next === COMMA) {
      pos++;
      missingDelimiter = false;
    } else if (isUpperCaseLetter(next)) {
      missingDelimiter = true;
    } else if (isWhitespace(next) || next === HASH) {
      missingDelimiter = false;
    } else {
      return undefined;
    }
  }
  return codes;
}

/** flake8: codes only right after the colon (one optional whitespace), letters in any case. */
function readFlake8Directive(text: string, keywordEnd: number): Reading {
  if (text.charCodeAt(keywordEnd) !== COLON) return { codes: [], end: keywordEnd };
  let pos = keywordEnd + 1;
  if (isWhitespace(text.charCodeAt(pos))) pos++;
  const codes: Code[] = [];
  for (;;) {
    const start = pos;
    let letters = pos;
    while (isLetter(text.charCodeAt(letters))) letters++;
    let digits = letters;
    while (isDigit(text.charCodeAt(digits))) digits++;
    if (letters === start || digits === letters) break;
    codes.push({ value: text.slice(start, digits), end: digits });
    pos = digits;
    while (pos < text.length && (text.charCodeAt(pos) === COMMA || isWhitespace(text.charCodeAt(pos)))) pos++;
  }
  return codes.length > 0 ? { codes, end: codes[codes.length - 1].end } : { codes: [], end: keywordEnd + 1 };
}

function combine(text: string, tool: SuppressionTool, scope: 'line' | 'file', start: number, keywordEnd: number, readings: Reading[]): SuppressionDirective {
  const isBlanket = readings.some((reading) => reading.codes.length === 0);
  const ids = isBlanket ? [] : [...new Set(readings.flatMap((reading) => reading.codes.map((code) => code.value)))];
  const bodyEnd = Math.max(...readings.map((reading) => reading.end));
  // After `noqa:` with no code (`# noqa: unused-import`) the words are a mistaken code list, not a reason.
  const danglingColon = isBlanket && text.charCodeAt(keywordEnd) === COLON;
  const reason = danglingColon ? undefined : readReason(text, bodyEnd, segmentEnd(text, bodyEnd), REASON_SEPARATORS, true);
  return directiveWithReason({
    tool,
    scope,
    ids,
    start,
    bodyEnd,
    reason,
    idsInsertAt: text.charCodeAt(keywordEnd) === COLON ? keywordEnd + 1 : keywordEnd,
    reasonSeparator: ' -- ',
  });
}
