// TOML strings: where a multi-line one ends, basic strings' escapes, and the multi-line rules (the
// newline right after the opening delimiter is dropped; a line-ending backslash joins lines).
import { BACKSLASH, CR, LF, isBlank, isLineBreak, decodeEscape } from './chars';

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/**
 * The value of a basic string whose content is [start, end); undefined on an invalid escape
 * (TOML rejects the whole document then, so no value may be reported).
 */
export function decodeBasicString(text: string, start: number, end: number, multiLine: boolean): string | undefined {
  let result = '';
  let copiedUpTo = start;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === CR && multiLine) {
      // Line breaks inside a value are LF, whatever the file uses.
      result += text.slice(copiedUpTo, i) + '\n';
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      copiedUpTo = i;
      continue;
    }
    if (code !== BACKSLASH) {
      i++;
      continue;
    }
    result += text.slice(copiedUpTo, i);
    if (multiLine && isLineEndingBackslash(text, i + 1, end)) {
      i = i + 1;
      while (i < end && (isBlank(text.charCodeAt(i)) || isLineBreak(text.charCodeAt(i)))) i++;
    } else {
      const decoded = decodeEscape(text, i, end, ESCAPES);
      if (!decoded) return undefined;
      result += decoded.value;
      i = decoded.next;
    }
    copiedUpTo = i;
  }
  return result + text.slice(copiedUpTo, end);
}

/** The value of a multi-line literal string: no escapes, line breaks read as LF. */
export function decodeMultiLineLiteral(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** Offset after the newline that directly follows an opening `"""`/`'''`, which is not content. */
export function skipLeadingNewline(text: string, pos: number): number {
  if (text.charCodeAt(pos) === LF) return pos + 1;
  if (text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF) return pos + 2;
  return pos;
}

/**
 * The offset of the closing `"""`/`'''` searched from `pos`, or -1. Up to two quotes right before
 * the delimiter belong to the content (`""""` ends with a quote), and in basic strings a quote
 * escaped by a backslash does not count.
 */
export function findMultiLineClose(text: string, pos: number, isBasic: boolean): number {
  const delimiter = isBasic ? '"""' : "'''";
  let from = pos;
  for (;;) {
    let found = text.indexOf(delimiter, from);
    if (found === -1) return -1;
    if (isBasic) {
      let backslashes = 0;
      while (found - backslashes - 1 >= pos && text.charCodeAt(found - backslashes - 1) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 1) {
        from = found + 1;
        continue;
      }
    }
    let extra = 0;
    while (extra < 2 && text.charCodeAt(found + 3) === delimiter.charCodeAt(0)) {
      found++;
      extra++;
    }
    return found;
  }
}

/** A `\` followed only by blanks up to the line break: the break and the next indentation vanish. */
function isLineEndingBackslash(text: string, pos: number, end: number): boolean {
  while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
  return pos < end && isLineBreak(text.charCodeAt(pos));
}
