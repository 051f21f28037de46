// Character-code helpers shared by the config readers. The readers walk the text by offset with
// charCodeAt instead of slicing lines, so that reading stays linear and allocation-free until an
// entry is actually emitted.
import { isHexDigit } from '../ascii';

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const DOUBLE_QUOTE = 34;
export const HASH = 35;
export const DOLLAR = 36;
export const PERCENT = 37;
export const AMPERSAND = 38;
export const SINGLE_QUOTE = 39;
export const ASTERISK = 42;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const SLASH = 47;
export const COLON = 58;
export const SEMICOLON = 59;
export const LESS_THAN = 60;
export const EQUALS = 61;
export const GREATER_THAN = 62;
export const QUESTION = 63;
export const AT = 64;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const OPEN_BRACE = 123;
export const PIPE = 124;
export const CLOSE_BRACE = 125;
export const BYTE_ORDER_MARK = 0xfeff;

export function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

export function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

export { isAsciiLetter, isDigit } from '../ascii';

/** First offset in [pos, end) that is not a space or tab (or `end`). */
export function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Offset just after the last non-blank character of [start, end) (or `start`). */
export function trimBlanksEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether the text at `pos` reads `word`, followed by a blank or the end of the range. */
export function startsWithWord(text: string, pos: number, end: number, word: string): boolean {
  if (pos + word.length > end || !text.startsWith(word, pos)) return false;
  return pos + word.length === end || isBlank(text.charCodeAt(pos + word.length));
}

/** Parses `digits` hex digits at `pos` (within `end`); undefined when they are not all hex. */
export function readHexNumber(text: string, pos: number, digits: number, end: number): number | undefined {
  if (pos + digits > end) return undefined;
  let result = 0;
  for (let i = pos; i < pos + digits; i++) {
    const code = text.charCodeAt(i);
    if (!isHexDigit(code)) return undefined;
    result = result * 16 + (code <= 57 ? code - 48 : (code | 32) - 87);
  }
  return result;
}

/**
 * Parses `digits` hex digits at `pos` into a code point; undefined when they are not all hex or
 * the code point is not a Unicode scalar value (a surrogate or above U+10FFFF).
 */
/** `\xHH`, `\uHHHH`, `\UHHHHHHHH`: the escapes TOML and YAML both write a code point with. */
const HEX_ESCAPE_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The escape at `text[i]` (a backslash) in a double-quoted string: its value and where the text
 * goes on, or undefined when the format does not know it (`simple`: its one-letter escapes).
 */
export function decodeEscape(text: string, i: number, end: number, simple: Readonly<Record<string, string>>): { value: string; next: number } | undefined {
  const escape = text[i + 1];
  if (simple[escape] !== undefined) return { value: simple[escape], next: i + 2 };
  const digits = HEX_ESCAPE_DIGITS[escape];
  if (digits === undefined) return undefined;
  const codePoint = readHexCodePoint(text, i + 2, digits, end);
  return codePoint === undefined ? undefined : { value: String.fromCodePoint(codePoint), next: i + 2 + digits };
}

export function readHexCodePoint(text: string, pos: number, digits: number, end: number): number | undefined {
  const codePoint = readHexNumber(text, pos, digits, end);
  if (codePoint === undefined || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return codePoint;
}

/**
 * Offset of the next `quote` in [pos, end) that is not escaped by an odd run of backslashes, or
 * -1. Uses indexOf so long values are searched at native speed.
 */
export function findUnescapedQuote(text: string, quote: string, pos: number, end: number): number {
  for (;;) {
    const found = text.indexOf(quote, pos);
    if (found === -1 || found >= end) return -1;
    let backslashes = 0;
    while (found - backslashes - 1 >= pos && text.charCodeAt(found - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return found;
    pos = found + 1;
  }
}

/** Same as findUnescapedQuote, but for quotes where a backslash has no special meaning. */
export function findQuote(text: string, quote: string, pos: number, end: number): number {
  const found = text.indexOf(quote, pos);
  return found === -1 || found >= end ? -1 : found;
}

/** Whether [start, end) contains a line break; used to keep single-line constructs on one line. */
export function containsLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}

/** Replaces CRLF and lone CR with LF, as every format here reads a line break inside a value. */
export function normalizeLineBreaks(value: string): string {
  return value.indexOf('\r') === -1 ? value : value.replace(/\r\n?/g, '\n');
}
