// The arguments of Dockerfile `ENV` and `ARG` instructions, read into entries.
import type { ConfigDocumentBuilder, Quote } from './document';
import type { JoinedLine } from './joined-line';
import { DOLLAR, DOUBLE_QUOTE, EQUALS, SINGLE_QUOTE, isBlank } from './chars';

/**
 * Reads `KEY=value KEY2="v 2"` (and for ENV the legacy `KEY value with spaces`) with Docker's
 * word rules: quotes group, the escape character escapes, `$VAR` stays as written. Indexes are
 * into the joined instruction; spans are mapped back to the file.
 */
export class AssignmentReader {
  /** The joined instruction as one string: words are scanned character by character. */
  private readonly chars: string;

  constructor(
    private readonly doc: ConfigDocumentBuilder,
    private readonly line: JoinedLine,
    private readonly instruction: 'ENV' | 'ARG',
    private readonly escape: number,
  ) {
    this.chars = line.slice(0, line.length);
  }

  read(): void {
    const length = this.chars.length;
    let pos = this.skipBlanks(0);
    if (pos === length) {
      this.problem(`${this.instruction} needs a name`, 0, length);
      return;
    }
    const firstWordEnd = this.findWordEnd(pos);
    if (this.instruction === 'ENV' && firstWordEnd !== -1 && this.findEquals(pos, firstWordEnd) === -1) {
      this.readLegacyEnv(pos, firstWordEnd);
      return;
    }
    while (pos < length) {
      const wordEnd = this.findWordEnd(pos);
      if (wordEnd === -1) {
        this.problem('unterminated quote', pos, length);
        return;
      }
      const equals = this.findEquals(pos, wordEnd);
      if (equals === pos) {
        this.problem(`${this.instruction} names cannot be blank`, pos, wordEnd);
        return;
      }
      if (equals === -1) {
        // `ARG NAME` declares a build argument without a default; in ENV it is an error.
        if (this.instruction === 'ENV') {
          this.problem('expected KEY=value', pos, wordEnd);
          return;
        }
      } else {
        this.emit(pos, equals, equals + 1, wordEnd);
      }
      pos = this.skipBlanks(wordEnd);
    }
  }

  /** `ENV KEY value with spaces`: the whole rest of the instruction is the value. */
  private readLegacyEnv(keyStart: number, keyEnd: number): void {
    const valueStart = this.skipBlanks(keyEnd);
    if (valueStart === this.chars.length) {
      this.problem('ENV needs a value', keyStart, keyEnd);
      return;
    }
    let valueEnd = this.chars.length;
    while (valueEnd > valueStart && isBlank(this.chars.charCodeAt(valueEnd - 1))) valueEnd--;
    this.emit(keyStart, keyEnd, valueStart, valueEnd);
  }

  private emit(keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    const value = this.unquote(valueStart, valueEnd);
    if (value === undefined) {
      this.problem('unterminated quote', valueStart, valueEnd);
      return;
    }
    const { line } = this;
    const keySpan = line.sourceSpan(keyStart, keyEnd);
    const quote = this.wrappingQuote(valueStart, valueEnd);
    const valueSpan = quote ? line.sourceSpan(valueStart + 1, valueEnd - 1) : line.sourceSpan(valueStart, valueEnd);
    this.doc.addEntry([this.instruction, this.chars.slice(keyStart, keyEnd)], keySpan, value, valueSpan, quote);
  }

  /** The quote around the whole value (`"v 2"`), so its span can exclude it. */
  private wrappingQuote(start: number, end: number): Quote | undefined {
    const first = this.chars.charCodeAt(start);
    if (end - start < 2 || (first !== DOUBLE_QUOTE && first !== SINGLE_QUOTE)) return undefined;
    return this.skipQuoted(start) === end ? (first === DOUBLE_QUOTE ? '"' : "'") : undefined;
  }

  /** Removes quotes and escapes from [start, end); undefined when a quote does not close. */
  private unquote(start: number, end: number): string | undefined {
    const { chars } = this;
    let result = '';
    let copiedUpTo = start;
    let i = start;
    while (i < end) {
      const code = chars.charCodeAt(i);
      if (code === this.escape && i + 1 < end) {
        result += chars.slice(copiedUpTo, i) + chars[i + 1];
        i += 2;
        copiedUpTo = i;
      } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        const after = this.skipQuoted(i);
        if (after === -1 || after > end) return undefined;
        result += chars.slice(copiedUpTo, i);
        result += code === DOUBLE_QUOTE ? this.unescapeDoubleQuoted(i + 1, after - 1) : chars.slice(i + 1, after - 1);
        i = copiedUpTo = after;
      } else {
        i++;
      }
    }
    return result + chars.slice(copiedUpTo, end);
  }

  /** Inside double quotes the escape character only escapes `"`, `$` and itself. */
  private unescapeDoubleQuoted(start: number, end: number): string {
    const { chars } = this;
    let result = '';
    let copiedUpTo = start;
    for (let i = start; i + 1 < end; i++) {
      const next = chars.charCodeAt(i + 1);
      if (chars.charCodeAt(i) === this.escape && (next === DOUBLE_QUOTE || next === DOLLAR || next === this.escape)) {
        result += chars.slice(copiedUpTo, i);
        copiedUpTo = i + 1;
        i++;
      }
    }
    return result + chars.slice(copiedUpTo, end);
  }

  /** The index after the quoted run opening at `open`, or -1 when it does not close. */
  private skipQuoted(open: number): number {
    const { chars } = this;
    const quote = chars.charCodeAt(open);
    for (let i = open + 1; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      if (code === quote) return i + 1;
      if (quote === DOUBLE_QUOTE && code === this.escape) i++;
    }
    return -1;
  }

  /** The end of the word at `pos` (white space outside quotes ends it), or -1 on an open quote. */
  private findWordEnd(pos: number): number {
    const { chars } = this;
    let i = pos;
    while (i < chars.length) {
      const code = chars.charCodeAt(i);
      if (isBlank(code)) break;
      if (code === this.escape) i += 2;
      else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        i = this.skipQuoted(i);
        if (i === -1) return -1;
      } else i++;
    }
    return Math.min(i, chars.length);
  }

  /** The first `=` of the word [start, end) that comes before any quote, or -1. */
  private findEquals(start: number, end: number): number {
    for (let i = start; i < end; i++) {
      const code = this.chars.charCodeAt(i);
      if (code === EQUALS) return i;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === this.escape) return -1;
    }
    return -1;
  }

  private skipBlanks(pos: number): number {
    while (pos < this.chars.length && isBlank(this.chars.charCodeAt(pos))) pos++;
    return pos;
  }

  private problem(message: string, start: number, end: number): void {
    const span = this.line.sourceSpan(start, Math.max(start, end));
    this.doc.addProblem(message, span.start, span.end);
  }
}
