// Line-level YAML syntax the structure reader relies on: what a key, a list item, a document
// marker or a plain scalar looks like on one line.
import type { Span } from './model';
import { decodeQuoted } from './yaml-scalars';
import {
  AMPERSAND,
  ASTERISK,
  AT,
  BACKTICK,
  BANG,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DOUBLE_QUOTE,
  GREATER_THAN,
  HASH,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PERCENT,
  PIPE,
  QUESTION,
  SINGLE_QUOTE,
  SPACE,
  UNDERSCORE,
  findUnescapedQuote,
  isBlank,
  skipBlanks,
  trimBlanksEnd,
} from './chars';
import { isAsciiLetter, isKeyNameCharacter } from '../ascii';

export interface Key {
  name: string;
  span: Span;
  colon: number;
}

/** YAML's null spellings: `key: ~` is no value, like a bare `key:`. */
export const NULLS = new Set(['~', 'null', 'Null', 'NULL']);

/** `key:` at `pos`: a quoted key or a plain one, ended by `:` and a blank or the line end. */
export function readKey(text: string, pos: number, end: number): Key | undefined {
  const code = text.charCodeAt(pos);
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
    const close = findClosingQuote(text, pos, end);
    if (close === -1) return undefined;
    const colon = skipBlanks(text, close + 1, end);
    if (!isMappingColon(text, colon, end)) return undefined;
    const name = decodeQuoted(text, pos, close);
    return name === undefined ? undefined : { name, span: { start: pos + 1, end: close }, colon };
  }
  if (INDICATORS.has(code)) {
    // `-`, `?` and `:` only act as indicators before a blank: `-x: 1` has the key `-x`.
    const canStartPlain = (code === MINUS || code === QUESTION || code === COLON) && pos + 1 < end && !isBlank(text.charCodeAt(pos + 1));
    if (!canStartPlain) return undefined;
  }
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON && isMappingColon(text, i, end)) {
      const keyEnd = trimBlanksEnd(text, pos, i);
      return { name: text.slice(pos, keyEnd), span: { start: pos, end: keyEnd }, colon: i };
    }
    if (c === HASH && i > pos && isBlank(text.charCodeAt(i - 1))) return undefined;
  }
  return undefined;
}

const INDICATORS = new Set([
  MINUS,
  QUESTION,
  COLON,
  COMMA,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  OPEN_BRACE,
  CLOSE_BRACE,
  HASH,
  AMPERSAND,
  ASTERISK,
  BANG,
  PIPE,
  GREATER_THAN,
  PERCENT,
  AT,
  BACKTICK,
]);

function isMappingColon(text: string, pos: number, end: number): boolean {
  return pos < end && text.charCodeAt(pos) === COLON && (pos + 1 === end || isBlank(text.charCodeAt(pos + 1)));
}

/** One line of a plain scalar: where its text ends, where a ` #` comment starts, and whether `: ` occurs. */
export function scanPlainLine(text: string, start: number, end: number): { contentEnd: number; commentStart: number; hasMappingIndicator: boolean } {
  let commentStart = -1;
  let hasMappingIndicator = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === HASH && i > start && isBlank(text.charCodeAt(i - 1))) {
      commentStart = i;
      break;
    }
    if (code === COLON && isMappingColon(text, i, end)) hasMappingIndicator = true;
  }
  return { contentEnd: trimBlanksEnd(text, start, commentStart === -1 ? end : commentStart), commentStart, hasMappingIndicator };
}

/** What a value is, by its first character once its anchor and tag are stepped over. */
export type ValueStart = 'empty' | 'comment' | 'alias' | 'block' | 'quoted' | 'flow' | 'item' | 'reserved' | 'plain';

/** Where the value at `pos` starts: anchors (`&name`) and tags (`!!str`, `!Ref`) decorate it. */
export function skipNodeProperties(text: string, pos: number, end: number): number {
  let start = pos;
  while (start < end) {
    const code = text.charCodeAt(start);
    if (code !== AMPERSAND && code !== BANG) break;
    start = skipBlanks(text, skipToBlank(text, start, end), end);
  }
  return start;
}

export function valueStart(text: string, start: number, end: number): ValueStart {
  if (start === end) return 'empty';
  const code = text.charCodeAt(start);
  if (code === HASH) return 'comment';
  if (code === ASTERISK) return 'alias';
  if (code === PIPE || code === GREATER_THAN) return 'block';
  if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return 'quoted';
  if (code === OPEN_BRACE || code === OPEN_BRACKET) return 'flow';
  if (isItemMarker(text, start, end)) return 'item';
  if (code === AT || code === BACKTICK) return 'reserved';
  return 'plain';
}

export function isItemMarker(text: string, pos: number, end: number): boolean {
  return text.charCodeAt(pos) === MINUS && (pos + 1 === end || isBlank(text.charCodeAt(pos + 1)));
}

/** `---` or `...` at the start of a line, alone or followed by a blank. */
export function isDocumentMarker(text: string, lineStart: number, end: number): boolean {
  const code = text.charCodeAt(lineStart);
  if (code !== MINUS && code !== 46 /* . */) return false;
  if (text.charCodeAt(lineStart + 1) !== code || text.charCodeAt(lineStart + 2) !== code) return false;
  return lineStart + 3 === end || isBlank(text.charCodeAt(lineStart + 3));
}

/**
 * Whether the line [start, end) may continue a value owned by a node at `parentIndent`: it is
 * blank, or indented deeper and no document marker.
 */
export function continuesDeeperThan(text: string, start: number, end: number, parentIndent: number): boolean {
  const indent = countSpaces(text, start, end);
  if (skipBlanks(text, start + indent, end) === end) return true;
  return indent > parentIndent && !isDocumentMarker(text, start, end);
}

/** In a flow collection a quote opens a string only at the start of a token: `[don't]` is plain. */
export function startsFlowToken(text: string, lineStart: number, pos: number): boolean {
  if (pos === lineStart) return true;
  const previous = text.charCodeAt(pos - 1);
  return isBlank(previous) || previous === OPEN_BRACKET || previous === OPEN_BRACE || previous === COMMA || previous === COLON;
}

/** JSON-style YAML closes a flow collection at the key's own column: `key: [` … `]`. */
export function startsWithClosingBracket(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(skipBlanks(text, start, end));
  return code === CLOSE_BRACKET || code === CLOSE_BRACE;
}

/** The closing quote of the quoted scalar opening at `quote`, searched up to `end`; -1 when absent. */
export function findClosingQuote(text: string, quote: number, end: number): number {
  return text.charCodeAt(quote) === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', quote + 1, end) : findSingleQuoteClose(text, quote + 1, end);
}

/** The closing `'` of a single-quoted scalar, where `''` is an escaped quote. */
function findSingleQuoteClose(text: string, pos: number, end: number): number {
  for (;;) {
    const found = text.indexOf("'", pos);
    if (found === -1 || found >= end) return -1;
    if (text.charCodeAt(found + 1) !== SINGLE_QUOTE) return found;
    pos = found + 2;
  }
}

/** `KEY=` at the start of a list item (Compose `environment`, `args`); 0 when it is not there. */
export function environmentKeyLength(value: string): number {
  const first = value.charCodeAt(0);
  if (!isAsciiLetter(first) && first !== UNDERSCORE) return 0;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 61 /* = */) return i;
    if (!isKeyNameCharacter(code)) return 0;
  }
  return 0;
}

export function skipSpaces(text: string, pos: number, end: number): number {
  while (pos < end && text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

export function countSpaces(text: string, start: number, end: number): number {
  return skipSpaces(text, start, end) - start;
}

export function skipToBlank(text: string, pos: number, end: number): number {
  while (pos < end && !isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}
