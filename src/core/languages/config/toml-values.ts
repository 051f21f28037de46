// TOML values as a tree with source offsets: strings (all four kinds, decoded), bare values
// (numbers, booleans, dates, as written), arrays and inline tables, nested to any depth and over
// several lines. Also the pieces of syntax that do not depend on where a line sits: dotted keys
// and the check of a bare value. The reading here is bounded by an end offset that the line-level
// reader (toml-parser.ts) has already found, so it never looks past the value it was given.
import type { Span } from './model';
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  DOT,
  DOUBLE_QUOTE,
  EQUALS,
  HASH,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  SINGLE_QUOTE,
  UNDERSCORE,
  containsLineBreak,
  findQuote,
  findUnescapedQuote,
  isAsciiLetter,
  isBlank,
  isDigit,
  isLineBreak,
  skipBlanks,
  trimBlanksEnd,
} from './chars';
import { decodeBasicString, decodeMultiLineLiteral, findMultiLineClose, skipLeadingNewline } from './toml-strings';

export interface DottedKey {
  segments: string[];
  /** Span of the last segment, inside its quotes. */
  lastSpan: Span;
  /** First offset after the key and the blanks behind it. */
  next: number;
}

/** Every value spans from its first character to the one after its last, quotes and brackets included. */
export type TomlValue = TomlString | TomlBare | TomlArray | TomlTable | TomlUnreadable;

export interface TomlString extends Span {
  kind: 'string';
  /** Decoded; undefined on an invalid escape (TOML rejects the whole document then). */
  value: string | undefined;
  /** The content: quotes and the newline right after a multi-line opening excluded. */
  content: Span;
  quote: '"' | "'";
  multiLine: boolean;
}

/** A number, boolean, date or time as written (possibly not valid: see isBareValue). */
export interface TomlBare extends Span {
  kind: 'bare';
  raw: string;
}

export interface TomlArray extends Span {
  kind: 'array';
  items: TomlValue[];
  /** A comma is missing or doubled (`["a" "b"]`, `[1,, 2]`). */
  loose: boolean;
}

export interface TomlTable extends Span {
  kind: 'table';
  entries: TomlKeyValue[];
  /** A comma is missing or doubled (`{ a = 1 b = 2 }`). */
  loose: boolean;
}

/** An array or inline table whose brackets match but whose inside does not read. */
export interface TomlUnreadable extends Span {
  kind: 'unreadable';
  opener: '[' | '{';
}

export interface TomlKeyValue {
  key: DottedKey;
  value: TomlValue;
}

/** `a.b."c d".'e'` at `pos`; undefined when there is no well-formed key. */
export function readDottedKey(text: string, pos: number, end: number): DottedKey | undefined {
  const segments: string[] = [];
  let i = pos;
  for (;;) {
    i = skipBlanks(text, i, end);
    const code = text.charCodeAt(i);
    let name: string | undefined;
    let span: Span;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findQuote(text, "'", i + 1, end);
      if (close === -1) return undefined;
      name = code === DOUBLE_QUOTE ? decodeBasicString(text, i + 1, close, false) : text.slice(i + 1, close);
      span = { start: i + 1, end: close };
      i = close + 1;
    } else {
      const start = i;
      while (i < end && isBareKeyCharacter(text.charCodeAt(i))) i++;
      if (i === start) return undefined;
      name = text.slice(start, i);
      span = { start, end: i };
    }
    if (name === undefined) return undefined;
    segments.push(name);
    const next = skipBlanks(text, i, end);
    if (text.charCodeAt(next) !== DOT || next >= end) return { segments, lastSpan: span, next };
    i = next + 1;
  }
}

function isBareKeyCharacter(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || code === MINUS;
}

/**
 * Numbers, booleans, dates and times as written. The check is deliberately loose about their
 * inner syntax but strict about the first character, so a misquoted string (`key = abc"`) is not
 * taken for a value. One character class and no nested repetition: linear on any input.
 */
const BARE_VALUE = /^(?:true|false|[+-]?(?:inf|nan)|[+-]?[0-9][0-9A-Za-z_:.+\- ]*)$/;

export function isBareValue(raw: string): boolean {
  return BARE_VALUE.test(raw);
}

/** Whether a line holds `key =` or a `[table]` header: statements that cannot sit inside an array. */
export function looksLikeStatement(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (code === OPEN_BRACKET) {
    const next = text.charCodeAt(start + 1) === OPEN_BRACKET ? start + 2 : start + 1;
    const first = text.charCodeAt(skipBlanks(text, next, end));
    return isAsciiLetter(first) || first === UNDERSCORE;
  }
  // Every line of a long array is asked this: rule most out without decoding a key.
  const afterKey = skipDottedKey(text, start, end);
  if (afterKey === -1 || text.charCodeAt(afterKey) !== EQUALS || text.charCodeAt(afterKey + 1) === EQUALS) return false;
  const key = readDottedKey(text, start, end);
  return key !== undefined && text.charCodeAt(key.next) === EQUALS;
}

/** The offset after a dotted key at `pos` and the blanks behind it, as readDottedKey would read it, escapes unchecked; -1 when there is none. */
function skipDottedKey(text: string, pos: number, end: number): number {
  let i = pos;
  for (;;) {
    i = skipBlanks(text, i, end);
    const code = text.charCodeAt(i);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findQuote(text, "'", i + 1, end);
      if (close === -1) return -1;
      i = close + 1;
    } else {
      const start = i;
      while (i < end && isBareKeyCharacter(text.charCodeAt(i))) i++;
      if (i === start) return -1;
    }
    const next = skipBlanks(text, i, end);
    if (text.charCodeAt(next) !== DOT || next >= end) return next;
    i = next + 1;
  }
}

/** Deeper nesting than any real configuration; it keeps the recursion below bounded. */
const MAX_DEPTH = 64;

/**
 * The value at `pos`, ending by `end`; undefined when it does not read. An array or inline table
 * whose inside does not read, but whose closing bracket is found, is one unreadable value, so that
 * what holds it still reads.
 */
export function readValue(text: string, pos: number, end: number, depth = 0): TomlValue | undefined {
  const code = text.charCodeAt(pos);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return readString(text, pos, end);
  if (code !== OPEN_BRACKET && code !== OPEN_BRACE) {
    const bare = readBare(text, pos, end);
    return bare.raw === '' ? undefined : bare;
  }
  const read = depth < MAX_DEPTH ? (code === OPEN_BRACKET ? readArray(text, pos, end, depth + 1) : readTable(text, pos, end, depth + 1)) : undefined;
  if (read) return read;
  const close = findClosingBracket(text, pos, end);
  return close === -1 ? undefined : unreadable(text, pos, close + 1);
}

export function unreadable(text: string, start: number, end: number): TomlUnreadable {
  return { kind: 'unreadable', opener: text.charCodeAt(start) === OPEN_BRACE ? '{' : '[', start, end };
}

/** A string at `pos` (its quote), closing by `end`; a single-line one must close on its line. */
export function readString(text: string, pos: number, end: number): TomlString | undefined {
  const code = text.charCodeAt(pos);
  const isBasic = code === DOUBLE_QUOTE;
  const quote = isBasic ? '"' : "'";
  if (text.charCodeAt(pos + 1) === code && text.charCodeAt(pos + 2) === code) {
    const close = findMultiLineClose(text, pos + 3, isBasic);
    if (close === -1 || close + 3 > end) return undefined;
    const start = Math.min(skipLeadingNewline(text, pos + 3), close);
    const value = isBasic ? decodeBasicString(text, start, close, true) : decodeMultiLineLiteral(text, start, close);
    return { kind: 'string', value, content: { start, end: close }, quote, multiLine: true, start: pos, end: close + 3 };
  }
  const close = isBasic ? findUnescapedQuote(text, '"', pos + 1, end) : findQuote(text, "'", pos + 1, end);
  if (close === -1 || containsLineBreak(text, pos, close)) return undefined;
  const value = isBasic ? decodeBasicString(text, pos + 1, close, false) : text.slice(pos + 1, close);
  return { kind: 'string', value, content: { start: pos + 1, end: close }, quote, multiLine: false, start: pos, end: close + 1 };
}

/** A bare value from `pos` to the next separator, comment or line break (blanks trimmed; may be empty). */
export function readBare(text: string, pos: number, end: number): TomlBare {
  let valueEnd = pos;
  while (valueEnd < end && !endsBareValue(text.charCodeAt(valueEnd))) valueEnd++;
  valueEnd = trimBlanksEnd(text, pos, valueEnd);
  return { kind: 'bare', raw: text.slice(pos, valueEnd), start: pos, end: valueEnd };
}

function endsBareValue(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === HASH || isLineBreak(code);
}

/**
 * `[a, b, …]` with line breaks, comments and a trailing comma allowed between the elements. A
 * missing or doubled comma makes the array loose: readers that want exact TOML leave it out.
 */
function readArray(text: string, open: number, end: number, depth: number): TomlArray | undefined {
  const items: TomlValue[] = [];
  const separated = readSeparated(text, open, end, CLOSE_BRACKET, (pos) => {
    const item = readValue(text, pos, end, depth);
    if (item) items.push(item);
    return item?.end;
  });
  return separated && { kind: 'array', items, loose: separated.loose, start: open, end: separated.end };
}

/** `{ a = 1, b.c = "x" }`; line breaks and comments are let through, as most readers do, and missing or doubled commas make it loose. */
function readTable(text: string, open: number, end: number, depth: number): TomlTable | undefined {
  const entries: TomlKeyValue[] = [];
  const separated = readSeparated(text, open, end, CLOSE_BRACE, (pos) => {
    const key = readDottedKey(text, pos, end);
    if (!key || text.charCodeAt(key.next) !== EQUALS) return undefined;
    const value = readValue(text, skipBlanks(text, key.next + 1, end), end, depth);
    if (value) entries.push({ key, value });
    return value?.end;
  });
  return separated && { kind: 'table', entries, loose: separated.loose, start: open, end: separated.end };
}

/**
 * Reads comma-separated parts after the bracket at `open` up to `close` (a closing bracket code);
 * `readPart` reads one and returns the offset after it. Returns the offset after the closing
 * bracket, and whether a comma was missing or doubled; undefined when a part does not read.
 */
function readSeparated(
  text: string,
  open: number,
  end: number,
  close: number,
  readPart: (pos: number) => number | undefined,
): { end: number; loose: boolean } | undefined {
  let loose = false;
  let afterPart = false;
  let pos = skipSpaceAndComments(text, open + 1, end);
  while (pos < end && text.charCodeAt(pos) !== close) {
    if (text.charCodeAt(pos) === COMMA) {
      loose ||= !afterPart;
      afterPart = false;
      pos++;
    } else {
      loose ||= afterPart;
      const next = readPart(pos);
      if (next === undefined) return undefined;
      afterPart = true;
      pos = next;
    }
    pos = skipSpaceAndComments(text, pos, end);
  }
  return pos < end ? { end: pos + 1, loose } : undefined;
}

/** The bracket closing the one at `open` within [open, end), skipping strings and comments; -1 if none. */
function findClosingBracket(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (--depth === 0) return i;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findQuote(text, "'", i + 1, end);
      if (close === -1) return -1;
      i = close;
    } else if (code === HASH) {
      while (i < end && !isLineBreak(text.charCodeAt(i))) i++;
    }
  }
  return -1;
}

function skipSpaceAndComments(text: string, pos: number, end: number): number {
  while (pos < end) {
    const code = text.charCodeAt(pos);
    if (isBlank(code) || isLineBreak(code)) pos++;
    else if (code === HASH) while (pos < end && !isLineBreak(text.charCodeAt(pos))) pos++;
    else break;
  }
  return pos;
}
