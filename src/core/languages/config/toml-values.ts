// Pieces of TOML syntax that do not depend on where a line sits: dotted keys, bare values
// (numbers, booleans, dates) and the shallow reading of inline tables.
import type { Quote } from './document';
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
import { joinPaths } from './key-paths';
import { decodeBasicString } from './toml-strings';

export interface DottedKey {
  segments: string[];
  /** Span of the last segment, inside its quotes. */
  lastSpan: Span;
  /** First offset after the key and the blanks behind it. */
  next: number;
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
  const key = readDottedKey(text, start, end);
  return key !== undefined && text.charCodeAt(key.next) === EQUALS && text.charCodeAt(key.next + 1) !== EQUALS;
}

/** Deeper nesting than any real configuration; it keeps the recursion below bounded. */
const MAX_DEPTH = 256;

export interface PendingEntry {
  keyPath: string[];
  keySpan: Span;
  value: string;
  valueSpan: Span;
  quote?: Quote;
}

/**
 * Reads `a = "x", b.c = 1, d = { e = "y" }` between the braces of an inline table, [start, end).
 * Arrays inside are stepped over. Returns undefined when anything does not fit, so that a
 * misread table contributes no entries at all.
 */
export function readInlineTable(text: string, start: number, end: number, basePath: string[]): PendingEntry[] | undefined {
  if (basePath.length > MAX_DEPTH) return undefined;
  const entries: PendingEntry[] = [];
  let i = start;
  for (;;) {
    i = skipSpaceAndComments(text, i, end);
    if (i >= end) return entries;
    const key = readDottedKey(text, i, end);
    if (!key || text.charCodeAt(key.next) !== EQUALS) return undefined;
    const keyPath = joinPaths(basePath, key.segments);
    const valueStart = skipBlanks(text, key.next + 1, end);
    const valueEnd = readInlineValue(text, valueStart, end, keyPath, key.lastSpan, entries);
    if (valueEnd === -1) return undefined;
    i = skipSpaceAndComments(text, valueEnd, end);
    if (i >= end) return entries;
    if (text.charCodeAt(i) !== COMMA) return undefined;
    i++;
  }
}

/** Reads one value of an inline table into `entries`; returns the offset after it, or -1. */
function readInlineValue(text: string, pos: number, end: number, keyPath: string[], keySpan: Span, entries: PendingEntry[]): number {
  const code = text.charCodeAt(pos);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    // Multi-line strings inside inline tables are rare enough to give up on.
    if (text.charCodeAt(pos + 1) === code && text.charCodeAt(pos + 2) === code) return -1;
    const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', pos + 1, end) : findQuote(text, "'", pos + 1, end);
    if (close === -1 || containsLineBreak(text, pos, close)) return -1;
    const value = code === DOUBLE_QUOTE ? decodeBasicString(text, pos + 1, close, false) : text.slice(pos + 1, close);
    if (value === undefined) return -1;
    entries.push({ keyPath, keySpan, value, valueSpan: { start: pos + 1, end: close }, quote: code === DOUBLE_QUOTE ? '"' : "'" });
    return close + 1;
  }
  if (code === OPEN_BRACE || code === OPEN_BRACKET) {
    const close = findClosingBracket(text, pos, end);
    if (close === -1) return -1;
    if (code === OPEN_BRACE) {
      const inner = readInlineTable(text, pos + 1, close, keyPath);
      if (!inner) return -1;
      entries.push(...inner);
    }
    return close + 1;
  }
  let valueEnd = pos;
  while (valueEnd < end) {
    const c = text.charCodeAt(valueEnd);
    if (c === COMMA || c === HASH || isLineBreak(c)) break;
    valueEnd++;
  }
  valueEnd = trimBlanksEnd(text, pos, valueEnd);
  const raw = text.slice(pos, valueEnd);
  if (!isBareValue(raw)) return -1;
  entries.push({ keyPath, keySpan, value: raw, valueSpan: { start: pos, end: valueEnd } });
  return valueEnd;
}

/** The bracket closing the one at `open` within [open, end), skipping strings; -1 if none. */
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
