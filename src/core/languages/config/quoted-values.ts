// Single-line quoted values shared by the INI-like readers: `key = "va;lue" ; comment`.
import type { ConfigDocumentBuilder, Quote } from './document';
import { replaceSimpleEscapes } from './backslash-escapes';
import { DOUBLE_QUOTE, HASH, SEMICOLON, findQuote, findUnescapedQuote, skipBlanks, trimBlanksEnd } from './chars';
import type { Span } from './model';

/** The escapes git config and npm's ini agree on in a double-quoted value. */
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', '\\': '\\', '"': '"' };

/**
 * Reads a value that opens with a quote at `quotePos` and must close on the same line, followed
 * only by blanks or a `;`/`#` comment. Anything else is reported and yields no entry: a value
 * whose end we cannot find is exactly the misread that would turn into a false finding.
 */
export function readQuotedLineValue(text: string, doc: ConfigDocumentBuilder, keyPath: string[], keySpan: Span, quotePos: number, lineEnd: number): void {
  const quote: Quote = text.charCodeAt(quotePos) === DOUBLE_QUOTE ? '"' : "'";
  const contentStart = quotePos + 1;
  const close = quote === '"' ? findUnescapedQuote(text, quote, contentStart, lineEnd) : findQuote(text, quote, contentStart, lineEnd);
  if (close === -1) {
    doc.addProblem(`unterminated quoted value (no closing ${quote})`, quotePos, lineEnd);
    return;
  }
  const tail = skipBlanks(text, close + 1, lineEnd);
  const tailCode = text.charCodeAt(tail);
  if (tail < lineEnd && tailCode !== HASH && tailCode !== SEMICOLON) {
    doc.addProblem('unexpected text after the closing quote', quotePos, lineEnd);
    return;
  }
  const raw = text.slice(contentStart, close);
  const value = quote === '"' ? replaceSimpleEscapes(raw, ESCAPES) : raw;
  doc.addEntry(keyPath, keySpan, value, { start: contentStart, end: close }, quote);
  if (tail < lineEnd) doc.addComment(tail, trimBlanksEnd(text, tail, lineEnd), 1);
}
