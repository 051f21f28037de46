// `.env` files: `KEY=value` lines as the dotenv packages (Node's dotenv, python-dotenv, Docker
// Compose) read them. Quoted values may span lines; an unquoted value ends at ` #`.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder, type Quote } from './document';
import { LineCursor } from './lines';
import { replaceSimpleEscapes } from './backslash-escapes';
import {
  BACKTICK,
  COLON,
  DOT,
  DOUBLE_QUOTE,
  EQUALS,
  HASH,
  MINUS,
  SINGLE_QUOTE,
  UNDERSCORE,
  findUnescapedQuote,
  isAsciiLetter,
  isBlank,
  isDigit,
  normalizeLineBreaks,
  skipBlanks,
  startsWithWord,
  trimBlanksEnd,
} from './chars';

export function readDotenv(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'dotenv');
  const lines = new LineCursor(text);
  while (lines.advance()) readLine(text, lines, doc);
  return doc.build();
}

function readLine(text: string, lines: LineCursor, doc: ConfigDocumentBuilder): void {
  const end = lines.end;
  let pos = skipBlanks(text, lines.start, end);
  if (pos === end) return;
  if (text.charCodeAt(pos) === HASH) {
    doc.addComment(pos, trimBlanksEnd(text, pos, end), 1);
    return;
  }
  if (startsWithWord(text, pos, end, 'export')) pos = skipBlanks(text, pos + 'export'.length, end);

  const keyStart = pos;
  while (pos < end && isKeyCharacter(text.charCodeAt(pos))) pos++;
  const keyEnd = pos;
  pos = skipBlanks(text, pos, end);
  if (keyEnd === keyStart) {
    doc.addProblem('expected KEY=value', lines.start, end);
    return;
  }
  // A bare `KEY` (python-dotenv reads it as unset) has no value to report.
  if (pos === end || (pos > keyEnd && text.charCodeAt(pos) === HASH)) {
    if (pos < end) doc.addComment(pos, trimBlanksEnd(text, pos, end), 1);
    return;
  }
  const separator = text.charCodeAt(pos);
  // Node's dotenv also accepts `KEY: value`.
  const isSeparator = separator === EQUALS || (separator === COLON && isBlank(text.charCodeAt(pos + 1)));
  if (!isSeparator) {
    doc.addProblem('expected KEY=value', lines.start, end);
    return;
  }
  const afterSeparator = pos + 1;
  const keyPath = [text.slice(keyStart, keyEnd)];
  const keySpan = { start: keyStart, end: keyEnd };
  const valueStart = skipBlanks(text, afterSeparator, end);
  const quote = text.charCodeAt(valueStart);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE || quote === BACKTICK) {
    readQuotedValue(text, lines, doc, keyPath, keySpan, valueStart);
  } else {
    readUnquotedValue(text, lines.end, doc, keyPath, keySpan, afterSeparator, valueStart);
  }
}

function readUnquotedValue(
  text: string,
  end: number,
  doc: ConfigDocumentBuilder,
  keyPath: string[],
  keySpan: Span,
  afterSeparator: number,
  valueStart: number,
): void {
  let commentStart = -1;
  for (let i = valueStart; i < end; i++) {
    // `#` right after `=` or inside a word (`https://host/#fragment`) is part of the value.
    if (text.charCodeAt(i) === HASH && isBlank(text.charCodeAt(i - 1)) && i - 1 >= afterSeparator) {
      commentStart = i;
      break;
    }
  }
  const valueEnd = trimBlanksEnd(text, valueStart, commentStart === -1 ? end : commentStart);
  // An empty value sits right after `=`, where a fix would insert one.
  const start = valueEnd === valueStart ? afterSeparator : valueStart;
  const finish = valueEnd === valueStart ? afterSeparator : valueEnd;
  doc.addEntry(keyPath, keySpan, text.slice(start, finish), { start, end: finish });
  if (commentStart !== -1) doc.addComment(commentStart, trimBlanksEnd(text, commentStart, end), 1);
}

/**
 * Quoted values may continue over several lines (PEM keys, JSON blobs). The closing quote must be
 * followed by nothing but blanks or a comment; otherwise the opening quote was never closed and
 * the quote we found belongs to a later line, so we report the line and read on after it.
 */
function readQuotedValue(text: string, lines: LineCursor, doc: ConfigDocumentBuilder, keyPath: string[], keySpan: Span, quotePos: number): void {
  const code = text.charCodeAt(quotePos);
  const quote: Quote = code === DOUBLE_QUOTE ? '"' : code === SINGLE_QUOTE ? "'" : '`';
  const contentStart = quotePos + 1;
  const openingLineEnd = lines.end;
  const resumeAfterOpeningLine = lines.next;
  const close = findUnescapedQuote(text, quote, contentStart, text.length);
  if (close === -1) {
    doc.addProblem(`unterminated quoted value (no closing ${quote})`, quotePos, openingLineEnd);
    return;
  }
  while (lines.end < close && lines.advance()) {
    // Move onto the line that holds the closing quote; its tail is checked below.
  }
  const tail = skipBlanks(text, close + 1, lines.end);
  if (tail < lines.end && text.charCodeAt(tail) !== HASH) {
    const onOpeningLine = close < openingLineEnd;
    doc.addProblem(onOpeningLine ? 'unexpected text after the closing quote' : `unterminated quoted value (no closing ${quote})`, quotePos, openingLineEnd);
    lines.resumeAt(resumeAfterOpeningLine);
    return;
  }
  const value = quote === '"' ? unescapeDoubleQuoted(text.slice(contentStart, close)) : normalizeLineBreaks(text.slice(contentStart, close));
  doc.addEntry(keyPath, keySpan, value, { start: contentStart, end: close }, quote);
  if (tail < lines.end) doc.addComment(tail, trimBlanksEnd(text, tail, lines.end), 1);
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };

/** The escapes python-dotenv and Node's dotenv expand; any other backslash stays as written. */
function unescapeDoubleQuoted(raw: string): string {
  return replaceSimpleEscapes(normalizeLineBreaks(raw), DOUBLE_QUOTED_ESCAPES);
}

function isKeyCharacter(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || code === DOT || code === MINUS;
}
