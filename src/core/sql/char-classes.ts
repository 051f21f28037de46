// Character classes of the SQL scanner, on UTF-16 code units (charCodeAt), so the hot loop never
// allocates a one-character string.
import { isAsciiLetter, isDigit } from '../languages/ascii';

export const Char = {
  Tab: 9,
  LineFeed: 10,
  CarriageReturn: 13,
  Space: 32,
  Bang: 33,
  DoubleQuote: 34,
  Hash: 35,
  Dollar: 36,
  Percent: 37,
  Ampersand: 38,
  Quote: 39,
  OpenParen: 40,
  CloseParen: 41,
  Star: 42,
  Plus: 43,
  Minus: 45,
  Dot: 46,
  Slash: 47,
  Digit0: 48,
  Digit9: 57,
  Colon: 58,
  Semicolon: 59,
  Equals: 61,
  Question: 63,
  At: 64,
  UpperA: 65,
  UpperZ: 90,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  Underscore: 95,
  Backtick: 96,
  LowerA: 97,
  LowerZ: 122,
  NoBreakSpace: 160,
} as const;

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

export { isAsciiLetter, isDigit } from '../languages/ascii';

export function isSpace(code: number): boolean {
  return (
    code === Char.Space ||
    code === Char.LineFeed ||
    code === Char.CarriageReturn ||
    code === Char.Tab ||
    code === 11 ||
    code === 12 ||
    code === Char.NoBreakSpace ||
    code === 0xfeff
  );
}

/** First character of a bare name: a letter or `_` (non-ASCII letters too, as Postgres allows). */
export function isWordStart(code: number): boolean {
  return isAsciiLetter(code) || code === Char.Underscore || (code > 127 && isNonAsciiWordChar(code));
}

/** Later characters of a bare name: also digits and `$` (Oracle `v$session`, MySQL). */
export function isWordChar(code: number): boolean {
  return isWordStart(code) || isDigit(code) || code === Char.Dollar;
}

function isNonAsciiWordChar(code: number): boolean {
  // A lone surrogate half is tested as itself; letters outside the BMP are rare in SQL names.
  return NON_ASCII_WORD.test(String.fromCharCode(code));
}
