// Java `.properties` files, read as java.util.Properties reads them: `key=value`, `key: value` or
// `key value`; `#`/`!` comment lines; a trailing odd backslash continues the line; `\uXXXX` and
// other backslash escapes in keys and values. There are no trailing comments: in
// `password=abc # note` the value is `abc # note`, as Java sees it.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder } from './document';
import { JoinedLine } from './joined-line';
import { LineCursor } from './lines';
import { BACKSLASH, BANG, COLON, EQUALS, HASH, SPACE, TAB, readHexNumber } from './chars';

const FORM_FEED = 12;

export function readProperties(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'properties');
  const lines = new LineCursor(text);
  while (lines.advance()) {
    const contentStart = skipWhiteSpace(text, lines.start, lines.end);
    if (contentStart === lines.end) continue;
    const first = text.charCodeAt(contentStart);
    if (first === HASH || first === BANG) {
      // Comment lines never continue, even when they end with a backslash.
      doc.addComment(contentStart, lines.end, 1);
      continue;
    }
    readKeyValue(doc, joinContinuationLines(text, lines, contentStart));
  }
  return doc.build();
}

/** The physical lines of one logical line, continuation backslashes and leading blanks removed. */
function joinContinuationLines(text: string, lines: LineCursor, contentStart: number): JoinedLine {
  const segments: Span[] = [];
  let start = contentStart;
  for (;;) {
    const end = lines.end;
    if (!endsWithContinuation(text, start, end) || !lines.advance()) {
      segments.push({ start, end: endsWithContinuation(text, start, end) ? end - 1 : end });
      break;
    }
    segments.push({ start, end: end - 1 });
    start = skipWhiteSpace(text, lines.start, lines.end);
  }
  return new JoinedLine(text, segments);
}

function readKeyValue(doc: ConfigDocumentBuilder, line: JoinedLine): void {
  let pos = 0;
  while (pos < line.length) {
    const code = line.charCodeAt(pos);
    if (code === BACKSLASH) pos += 2;
    else if (code === EQUALS || code === COLON || isWhiteSpace(code)) break;
    else pos++;
  }
  const keyEnd = Math.min(pos, line.length);
  while (pos < line.length && isWhiteSpace(line.charCodeAt(pos))) pos++;
  const separator = line.charCodeAt(pos);
  if (separator === EQUALS || separator === COLON) pos++;
  const separatorEnd = pos;
  while (pos < line.length && isWhiteSpace(line.charCodeAt(pos))) pos++;

  const key = unescape(line, 0, keyEnd);
  const value = unescape(line, pos, line.length);
  const keySpan = line.sourceSpan(0, keyEnd);
  if (key === undefined || value === undefined) {
    doc.addProblem('malformed \\uXXXX escape', keySpan.start, line.sourceOffset(line.length));
    return;
  }
  // A key without a value is an empty value placed after the separator.
  const valueStart = pos === line.length ? separatorEnd : pos;
  doc.addEntry([key], keySpan, value, line.sourceSpan(valueStart, line.length));
}

const ESCAPES: Record<number, string> = { 116: '\t', 110: '\n', 114: '\r', 102: '\f' }; // t n r f

/** Java's escapes: `\t \n \r \f`, `\uXXXX`, and `\x` → `x` for any other character. */
function unescape(line: JoinedLine, start: number, end: number): string | undefined {
  if (!containsBackslash(line, start, end)) return line.slice(start, end);
  let result = '';
  let copiedUpTo = start;
  for (let i = start; i < end; i++) {
    if (line.charCodeAt(i) !== BACKSLASH) continue;
    result += line.slice(copiedUpTo, i);
    const escaped = line.charCodeAt(i + 1);
    if (i + 1 >= end) {
      copiedUpTo = end; // a lone trailing backslash is dropped, as Java does
      break;
    }
    if (escaped === 117 /* u */) {
      const hex = line.slice(i + 2, i + 6);
      // Java reads UTF-16 code units, so a surrogate pair is written as two escapes.
      const codeUnit = readHexNumber(hex, 0, 4, hex.length);
      if (codeUnit === undefined) return undefined;
      result += String.fromCharCode(codeUnit);
      i += 5;
    } else {
      result += ESCAPES[escaped] ?? String.fromCharCode(escaped);
      i += 1;
    }
    copiedUpTo = i + 1;
  }
  return result + line.slice(copiedUpTo, end);
}

function containsBackslash(line: JoinedLine, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (line.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

function endsWithContinuation(text: string, start: number, end: number): boolean {
  let backslashes = 0;
  while (end - backslashes - 1 >= start && text.charCodeAt(end - backslashes - 1) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

function isWhiteSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === FORM_FEED;
}

function skipWhiteSpace(text: string, pos: number, end: number): number {
  while (pos < end && isWhiteSpace(text.charCodeAt(pos))) pos++;
  return pos;
}
