// Lastline's one TOML reader. It walks the file's lines and hands over, in text order, what it
// finds: `[table]` and `[[array.of.tables]]` headers, `key = value` statements with their values
// as trees (toml-values.ts), comments, and problems. Each item goes to a callback as soon as it
// is read, so that on a large lock file the items die young instead of piling up for the garbage
// collector's old generation. Every other TOML view is built from this:
// the config document (toml.ts), the statements the Python manifests use (toml-statements.ts) and
// the config-switch tree (suppressions/config-switches/toml-tree.ts).
//
// It never throws. A line that does not read becomes a problem and reading goes on at the next
// line; an array left open ends at the first line that holds `key =` or a header. What a reader
// does with such text beyond that (a trailing word after a value, an invalid escape, a bare value
// that is no number) is its own choice: the items carry what it needs to make it.
import type { Span } from './model';
import { LineCursor } from './lines';
import {
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
} from './chars';
import { findMultiLineClose } from './toml-strings';
import { looksLikeStatement, readBare, readDottedKey, readString, readValue, unreadable, type DottedKey, type TomlValue } from './toml-values';

export type TomlItem = TomlHeaderItem | TomlKeyValueItem | TomlCommentItem | TomlProblemItem | TomlOpenStringItem;

export interface TomlHeaderItem {
  kind: 'header';
  /** Offset of the opening `[`. */
  start: number;
  isArrayTable: boolean;
  key?: DottedKey;
  /**
   * The table path the statements below begin with, an array-of-tables element marked `[]`
   * (`[a.b]` after `[[a]]` is `a`, `[]`, `b`); absent when the header does not read.
   */
  path?: string[];
  /** Offset after the closing bracket(s); absent when the header does not read. */
  end?: number;
  /** End of the header's line, before the line break. */
  lineEnd: number;
}

export interface TomlKeyValueItem {
  kind: 'keyValue';
  /** Offset of the key's first character (its quote, if quoted). */
  start: number;
  key: DottedKey;
  /** Set when the value is an array or inline table (by its opening bracket). */
  bracket?: '[' | '{';
  /**
   * The value as a tree; an array's or inline table's inside is read on the first call, so a
   * reader that steps over arrays never pays for them. A bare value here may be empty or no TOML
   * value: readers check isBareValue as they need.
   */
  value(): TomlValue;
  /**
   * Offset after the value as the line reader stepped over it: after the bracket matching an
   * array's or inline table's first one, which on broken text may lie past value.end.
   */
  end: number;
  /** End of the line the value ends on, before the line break. */
  lineEnd: number;
}

/** From the `#` to the end of its line. Comments after a header or value are left to the reader (see lineEnd). */
export interface TomlCommentItem {
  kind: 'comment';
  start: number;
  end: number;
}

export interface TomlProblemItem {
  kind: 'problem';
  message: string;
  span: Span;
}

/**
 * The first multi-line string left open, at the top level (then also a problem) or inside an
 * array, where the line reader still looks for the closing bracket: by TOML the rest of the file
 * is the string's content.
 */
export interface TomlOpenStringItem {
  kind: 'openString';
  start: number;
}

/** Hands every item of `text`, in text order, to `visit`. */
export function parseToml(text: string, visit: (item: TomlItem) => void): void {
  new TomlParser(text, visit).read();
}

class TomlParser {
  private openStringSeen = false;
  private readonly lines: LineCursor;
  /** Paths (segments joined by NUL) declared with `[[...]]`, whose sub-tables belong to the last element. */
  private readonly arrayTables = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly visit: (item: TomlItem) => void,
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
    const close = key ? key.next : -1;
    const closesProperly = key !== undefined && text.charCodeAt(close) === CLOSE_BRACKET && (!isArrayTable || text.charCodeAt(close + 1) === CLOSE_BRACKET);
    const header: TomlHeaderItem = { kind: 'header', start: open, isArrayTable, lineEnd: lines.end };
    if (key) header.key = key;
    if (key && closesProperly) {
      header.path = this.resolveTablePath(key.segments, isArrayTable);
      header.end = close + (isArrayTable ? 2 : 1);
    } else {
      this.addProblem('malformed table header', open, lines.end);
    }
    this.visit(header);
  }

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
      this.addProblem('expected key = value', pos, lines.end);
      return;
    }
    const valueStart = skipBlanks(text, key.next + 1, lines.end);
    if (valueStart === lines.end || text.charCodeAt(valueStart) === HASH) {
      this.addProblem('missing value', pos, lines.end);
      return;
    }
    const value = this.readStatementValue(valueStart);
    if (value) this.visit({ kind: 'keyValue', start: pos, key, lineEnd: lines.end, ...value });
  }

  /** The value at `pos` and the offset after it; the cursor is left on the line it ends on. */
  private readStatementValue(pos: number): Pick<TomlKeyValueItem, 'value' | 'end' | 'bracket'> | undefined {
    const { text, lines } = this;
    const code = text.charCodeAt(pos);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const isMultiLine = text.charCodeAt(pos + 1) === code && text.charCodeAt(pos + 2) === code;
      // `"""` and `'''` strings run to their closing delimiter, whatever the lines between hold.
      const string = readString(text, pos, isMultiLine ? text.length : lines.end);
      if (string) while (string.end > lines.end && lines.advance());
      else if (isMultiLine) {
        this.addProblem('unterminated multi-line string', pos, lines.end);
        this.addOpenString(pos);
      } else this.addProblem('unterminated string', pos, lines.end);
      return string && { value: () => string, end: string.end };
    }
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      const close = this.skipBracketed(pos);
      if (close === -1) return undefined;
      let value: TomlValue | undefined;
      const read = (): TomlValue => (value ??= readValue(text, pos, close + 1) ?? unreadable(text, pos, close + 1));
      return { value: read, end: close + 1, bracket: code === OPEN_BRACKET ? '[' : '{' };
    }
    const bare = readBare(text, pos, lines.end);
    return { value: () => bare, end: bare.end };
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
            if (close === -1) {
              // The closing bracket is still looked for on the next lines; TOML would read no further.
              this.addOpenString(i);
              break;
            }
            while (close >= lines.end && lines.advance()) end = lines.end;
            i = close + 3;
            continue;
          }
          const close = code === DOUBLE_QUOTE ? findUnescapedQuote(text, '"', i + 1, end) : findQuote(text, "'", i + 1, end);
          if (close === -1) {
            this.addProblem('unterminated string', i, end);
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
        this.addProblem('unterminated array or inline table', open, end);
        return -1;
      }
      i = skipBlanks(text, lines.start, lines.end);
      end = lines.end;
      if (openers[openers.length - 1] === OPEN_BRACKET && i < end && looksLikeStatement(text, i, end)) {
        this.addProblem('unterminated array', open, open + 1);
        lines.resumeAt(lines.start);
        return -1;
      }
    }
  }

  private addOpenString(start: number): void {
    if (this.openStringSeen) return;
    this.openStringSeen = true;
    this.visit({ kind: 'openString', start });
  }

  private addComment(start: number, end: number): void {
    this.visit({ kind: 'comment', start, end });
  }

  private addProblem(message: string, start: number, end: number): void {
    this.visit({ kind: 'problem', message, span: { start, end } });
  }
}
