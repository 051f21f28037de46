// TOML: `[table]` and `[[array.of.tables]]` headers give the keyPath prefix (`[]` marks an element
// of an array of tables), dotted and quoted keys extend it. Strings (basic, literal, multi-line)
// become entries with their decoded value; numbers, booleans and dates become entries with their
// raw text; inline tables are read one level at a time; arrays are stepped over without entries.
import type { ConfigDocument, Span } from './model';
import { addHashComment, ConfigDocumentBuilder, readLineTail } from './document';
import { joinPaths } from './key-paths';
import { LineCursor } from './lines';
import { decodeBasicString, decodeMultiLineLiteral, skipLeadingNewline } from './toml-strings';
import { isBareValue, looksLikeStatement, readDottedKey, readInlineTable } from './toml-values';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  DOUBLE_QUOTE,
  EQUALS,
  HASH,
  OPEN_BRACE,
  OPEN_BRACKET,
  SINGLE_QUOTE,
  findQuote,
  findUnescapedQuote,
  skipBlanks,
  trimBlanksEnd,
} from './chars';

export function readToml(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'toml');
  new TomlReader(text, doc).read();
  return doc.build();
}

class TomlReader {
  private readonly lines: LineCursor;
  private tablePath: string[] = [];
  /** Paths (segments joined by NUL) declared with `[[...]]`, whose sub-tables belong to the last element. */
  private readonly arrayTables = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
  ) {
    this.lines = new LineCursor(text);
  }

  read(): void {
    const { text, lines } = this;
    while (lines.advance()) {
      const pos = skipBlanks(text, lines.start, lines.end);
      if (pos === lines.end) continue;
      const code = text.charCodeAt(pos);
      if (code === HASH) this.addComment(pos, lines.end);
      else if (code === OPEN_BRACKET) this.readHeader(pos);
      else this.readKeyValue(pos);
    }
  }

  private readHeader(open: number): void {
    const { text, lines } = this;
    const isArrayTable = text.charCodeAt(open + 1) === OPEN_BRACKET;
    const key = readDottedKey(text, open + (isArrayTable ? 2 : 1), lines.end);
    let close = key ? key.next : -1;
    const closesProperly = key !== undefined && text.charCodeAt(close) === CLOSE_BRACKET && (!isArrayTable || text.charCodeAt(close + 1) === CLOSE_BRACKET);
    if (!key || !closesProperly) {
      // The keys below still belong somewhere; naming the table by its raw header keeps them apart.
      this.doc.addProblem('malformed table header', open, lines.end);
      this.tablePath = [text.slice(open, trimBlanksEnd(text, open, lines.end))];
      return;
    }
    close += isArrayTable ? 2 : 1;
    this.readLineTail(close, lines.end);
    this.tablePath = this.resolveTablePath(key.segments, isArrayTable);
  }

  /** `[a.b]` after `[[a]]` is a table inside a's last element: `a`, `[]`, `b`. */
  private resolveTablePath(segments: string[], isArrayTable: boolean): string[] {
    if (isArrayTable) this.arrayTables.add(segments.join('\0'));
    const path: string[] = [];
    let prefix = '';
    for (let i = 0; i < segments.length; i++) {
      path.push(segments[i]);
      prefix = i === 0 ? segments[0] : `${prefix}\0${segments[i]}`;
      if (this.arrayTables.has(prefix)) path.push('[]');
    }
    return path;
  }

  private readKeyValue(pos: number): void {
    const { text, lines } = this;
    const key = readDottedKey(text, pos, lines.end);
    if (!key || text.charCodeAt(key.next) !== EQUALS) {
      this.doc.addProblem('expected key = value', pos, lines.end);
      return;
    }
    const valueStart = skipBlanks(text, key.next + 1, lines.end);
    if (valueStart === lines.end || text.charCodeAt(valueStart) === HASH) {
      this.doc.addProblem('missing value', pos, lines.end);
      return;
    }
    this.readValue(valueStart, joinPaths(this.tablePath, key.segments), key.lastSpan);
  }

  private readValue(pos: number, keyPath: string[], keySpan: Span): void {
    const { text, lines } = this;
    const code = text.charCodeAt(pos);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const isTriple = text.charCodeAt(pos + 1) === code && text.charCodeAt(pos + 2) === code;
      if (isTriple) this.readMultiLineString(pos, keyPath, keySpan);
      else this.readLineString(pos, keyPath, keySpan);
    } else if (code === OPEN_BRACKET) {
      const close = this.skipBracketed(pos);
      if (close !== -1) this.readLineTail(close + 1, lines.end);
    } else if (code === OPEN_BRACE) {
      this.readInlineTableValue(pos, keyPath);
    } else {
      this.readBareValue(pos, keyPath, keySpan);
    }
  }

  private readLineString(quotePos: number, keyPath: string[], keySpan: Span): void {
    const { text, lines } = this;
    const isBasic = text.charCodeAt(quotePos) === DOUBLE_QUOTE;
    const close = isBasic ? findUnescapedQuote(text, '"', quotePos + 1, lines.end) : findQuote(text, "'", quotePos + 1, lines.end);
    if (close === -1) {
      this.doc.addProblem('unterminated string', quotePos, lines.end);
      return;
    }
    if (!this.readLineTail(close + 1, lines.end)) return;
    const value = isBasic ? decodeBasicString(text, quotePos + 1, close, false) : text.slice(quotePos + 1, close);
    if (value === undefined) {
      this.doc.addProblem('invalid escape in a string', quotePos, close + 1);
      return;
    }
    this.doc.addEntry(keyPath, keySpan, value, { start: quotePos + 1, end: close }, isBasic ? '"' : "'");
  }

  /**
   * `"""` and `'''` strings run to their closing delimiter, whatever the lines between hold.
   * When it is missing we report the opening line and read on from the next one.
   */
  private readMultiLineString(open: number, keyPath: string[], keySpan: Span): void {
    const { text, lines } = this;
    const isBasic = text.charCodeAt(open) === DOUBLE_QUOTE;
    const contentStart = skipLeadingNewline(text, open + 3);
    const close = findMultiLineClose(text, open + 3, isBasic);
    if (close === -1) {
      this.doc.addProblem('unterminated multi-line string', open, lines.end);
      return;
    }
    while (close >= lines.end && lines.advance()) {
      // Move onto the line holding the closing delimiter.
    }
    if (!this.readLineTail(close + 3, lines.end)) return;
    const start = Math.min(contentStart, close);
    const value = isBasic ? decodeBasicString(text, start, close, true) : decodeMultiLineLiteral(text, start, close);
    if (value === undefined) {
      this.doc.addProblem('invalid escape in a string', open, close + 3);
      return;
    }
    this.doc.addEntry(keyPath, keySpan, value, { start, end: close }, isBasic ? '"' : "'");
  }

  private readInlineTableValue(open: number, keyPath: string[]): void {
    const { text, lines } = this;
    const close = this.skipBracketed(open);
    if (close === -1) return;
    if (!this.readLineTail(close + 1, lines.end)) return;
    const entries = readInlineTable(text, open + 1, close, keyPath);
    if (!entries) {
      this.doc.addProblem('could not read the inline table', open, close + 1);
      return;
    }
    for (const entry of entries) this.doc.addEntry(entry.keyPath, entry.keySpan, entry.value, entry.valueSpan, entry.quote);
  }

  private readBareValue(pos: number, keyPath: string[], keySpan: Span): void {
    const { text, lines } = this;
    let end = pos;
    while (end < lines.end && text.charCodeAt(end) !== HASH) end++;
    const commentStart = end < lines.end ? end : -1;
    end = trimBlanksEnd(text, pos, end);
    const raw = text.slice(pos, end);
    if (!isBareValue(raw)) {
      this.doc.addProblem('not a TOML value (strings need quotes)', pos, lines.end);
      return;
    }
    this.doc.addEntry(keyPath, keySpan, raw, { start: pos, end });
    if (commentStart !== -1) this.addComment(commentStart, lines.end);
  }

  /**
   * Steps over an array or inline table that may span lines, recording its comments, and
   * returns the offset of its closing bracket (the cursor then sits on that line), or -1. Inside
   * an array, a line holding `key =` or a `[table]` header means the bracket was never closed:
   * the search stops there, and that line is read normally.
   */
  private skipBracketed(open: number): number {
    const { text, lines } = this;
    const openers: number[] = [];
    let i = open;
    let end = lines.end;
    for (;;) {
      while (i < end) {
        const code = text.charCodeAt(i);
        if (code === OPEN_BRACKET || code === OPEN_BRACE) {
          openers.push(code);
        } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
          openers.pop();
          if (openers.length === 0) return i;
        } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
          const isTriple = text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === code;
          if (isTriple) {
            const close = findMultiLineClose(text, i + 3, code === DOUBLE_QUOTE);
            if (close === -1) break;
            while (close >= lines.end && lines.advance()) end = lines.end;
            i = close + 3;
            continue;
          }
          const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findQuote(text, "'", i + 1, end);
          if (close === -1) {
            this.doc.addProblem('unterminated string', i, end);
            return -1;
          }
          i = close;
        } else if (code === HASH) {
          this.addComment(i, end);
          break;
        }
        i++;
      }
      if (!lines.advance()) {
        this.doc.addProblem('unterminated array or inline table', open, end);
        return -1;
      }
      i = skipBlanks(text, lines.start, lines.end);
      end = lines.end;
      if (openers[openers.length - 1] === OPEN_BRACKET && i < end && looksLikeStatement(text, i, end)) {
        this.doc.addProblem('unterminated array', open, open + 1);
        lines.resumeAt(lines.start);
        return -1;
      }
    }
  }

  private readLineTail(pos: number, end: number): boolean {
    return readLineTail(this.doc, this.text, pos, end);
  }

  private addComment(hash: number, end: number): void {
    addHashComment(this.doc, this.text, hash, end);
  }
}

/**
 * The offset of the closing `"""`/`'''` searched from `pos`, or -1. Up to two quotes right before
 * the delimiter belong to the content (`""""` ends with a quote), and in basic strings a quote
 * escaped by a backslash does not count.
 */
function findMultiLineClose(text: string, pos: number, isBasic: boolean): number {
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
