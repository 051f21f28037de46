// Collects what a reader finds into a ConfigDocument and enforces the rules every reader shares:
// entries never carry binary garbage, comment text loses its marker, spans are plain offsets.
import type { ConfigFormat } from '../language';
import { HASH, skipBlanks, trimBlanksEnd } from './chars';
import type { ConfigCommand, ConfigDocument, ConfigEntry, ConfigComment, ConfigFlow, Span } from './model';

export type Quote = '"' | "'" | '`';

export class ConfigDocumentBuilder {
  private readonly entries: ConfigEntry[] = [];
  private readonly comments: ConfigComment[] = [];
  private readonly problems: { message: string; span: Span }[] = [];
  private readonly flows: ConfigFlow[] = [];
  private readonly commands: ConfigCommand[] = [];

  constructor(
    private readonly text: string,
    private readonly format: ConfigFormat,
  ) {}

  /**
   * Records a scalar entry, unless the key or the raw value holds control characters: such a line
   * is binary data or a misread, and an entry made from it could only produce a false finding, so
   * it becomes a problem instead.
   */
  addEntry(keyPath: string[], keySpan: Span, value: string, valueSpan: Span, quote?: Quote): void {
    if (hasControlCharacter(this.text, keySpan.start, keySpan.end) || hasControlCharacter(this.text, valueSpan.start, valueSpan.end)) {
      this.addProblem('control characters in a key or value; the line looks binary', keySpan.start, valueSpan.end);
      return;
    }
    const entry: ConfigEntry = {
      keyPath,
      key: keyPath[keyPath.length - 1],
      keySpan,
      value,
      valueSpan,
    };
    if (quote) entry.quote = quote;
    this.entries.push(entry);
  }

  /**
   * Records a comment spanning [start, end), markers included. Its text drops the opening marker
   * (`markerLength` characters), the closing one (`closingLength`, for block comments) and the
   * surrounding white space, so rules can match suppression comments without knowing the format.
   */
  addComment(start: number, end: number, markerLength: number, closingLength = 0): void {
    const text = this.text.slice(start + markerLength, Math.max(start + markerLength, end - closingLength)).trim();
    this.comments.push({ start, end, text });
  }

  addFlow(keyPath: string[], start: number, end: number): void {
    this.flows.push({ keyPath, span: { start, end } });
  }

  addCommand(instruction: string, span: Span): void {
    this.commands.push({ instruction, span });
  }

  addProblem(message: string, start: number, end: number): void {
    this.problems.push({ message, span: { start, end: Math.max(start, end) } });
  }

  build(): ConfigDocument {
    const document: ConfigDocument = { format: this.format, entries: this.entries, comments: this.comments, problems: this.problems };
    if (this.flows.length > 0) document.flows = this.flows;
    if (this.commands.length > 0) document.commands = this.commands;
    return document;
  }
}

/**
 * C0 controls other than tab and line breaks, DEL, and U+FFFD (what undecodable bytes turn into)
 * never occur in a hand-written config value.
 */
function hasControlCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 ? code !== 9 && code !== 10 && code !== 13 : code === 127 || code === 0xfffd) return true;
  }
  return false;
}

/**
 * For the `#`-comment formats (TOML, YAML): checks that only blanks or a comment follow `pos` on
 * the line, keeping the comment and reporting anything else.
 */
export function readLineTail(doc: ConfigDocumentBuilder, text: string, pos: number, end: number): boolean {
  const tail = skipBlanks(text, pos, end);
  if (tail === end) return true;
  if (text.charCodeAt(tail) === HASH) {
    addHashComment(doc, text, tail, end);
    return true;
  }
  doc.addProblem('unexpected text after the value', tail, end);
  return false;
}

/** A `#` comment from `hash` to the end of its line, trailing blanks dropped. */
export function addHashComment(doc: ConfigDocumentBuilder, text: string, hash: number, end: number): void {
  doc.addComment(hash, trimBlanksEnd(text, hash, end), 1);
}
