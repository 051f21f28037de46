// Dockerfiles: `ENV` and `ARG` instructions give entries with keyPath ['ENV', KEY] / ['ARG', KEY].
// Every instruction is read as one logical line (continuations joined), so that the lines of a
// long `RUN ... \` are never taken for instructions; heredoc bodies (`RUN <<EOF`) are stepped over
// for the same reason. `#` starts a comment only at the start of a line, as in Docker.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder, type Quote } from './document';
import { JoinedLine } from './joined-line';
import { LineCursor } from './lines';
import { BACKSLASH, DOUBLE_QUOTE, EQUALS, HASH, LESS_THAN, SINGLE_QUOTE, isAsciiLetter, isBlank, skipBlanks, trimBlanksEnd } from './chars';

export function readDockerfile(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'dockerfile');
  new DockerfileReader(text, doc).read();
  return doc.build();
}

/** `# escape=\`` and friends: only in comment lines before anything else. */
const PARSER_DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(\S+)[ \t]*$/;
const HEREDOC_MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

class DockerfileReader {
  private readonly lines: LineCursor;
  /** The line continuation and escape character; `# escape=\`` switches it (Windows images). */
  private escape = BACKSLASH;

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
  ) {
    this.lines = new LineCursor(text);
  }

  read(): void {
    const { text, lines } = this;
    let directivesAllowed = true;
    while (lines.advance()) {
      const pos = skipBlanks(text, lines.start, lines.end);
      if (pos === lines.end) {
        directivesAllowed = false;
        continue;
      }
      if (text.charCodeAt(pos) === HASH) {
        directivesAllowed &&= this.readDirective(pos);
        this.addComment(pos, lines.end);
        continue;
      }
      directivesAllowed = false;
      this.readInstruction(pos);
    }
  }

  /** Applies a parser directive; false when the comment is none (directives end there). */
  private readDirective(hash: number): boolean {
    const match = PARSER_DIRECTIVE.exec(this.text.slice(hash, this.lines.end));
    if (!match) return false;
    if (match[1].toLowerCase() === 'escape' && (match[2] === '`' || match[2] === '\\')) this.escape = match[2].charCodeAt(0);
    return true;
  }

  private readInstruction(pos: number): void {
    const { text, lines } = this;
    let wordEnd = readWord(text, pos, lines.end);
    let instruction = text.slice(pos, wordEnd).toUpperCase();
    if (instruction === 'ONBUILD') {
      // `ONBUILD ENV KEY=value` sets the variable in every image built from this one.
      const next = skipBlanks(text, wordEnd, lines.end);
      wordEnd = readWord(text, next, lines.end);
      instruction = text.slice(next, wordEnd).toUpperCase();
    }
    const line = this.joinContinuationLines(wordEnd);
    if (wordEnd === pos) {
      this.doc.addProblem('expected an instruction', pos, lines.end);
    } else if (instruction === 'ENV' || instruction === 'ARG') {
      new AssignmentReader(this.doc, line, instruction, this.escape).read();
    } else {
      this.skipHeredocs(line);
    }
  }

  /** The rest of the instruction from `start`, over every line a trailing escape character continues. */
  private joinContinuationLines(start: number): JoinedLine {
    const { text, lines } = this;
    const segments: Span[] = [];
    let segmentStart = start;
    for (;;) {
      const contentEnd = trimBlanksEnd(text, segmentStart, lines.end);
      const continues = contentEnd > segmentStart && text.charCodeAt(contentEnd - 1) === this.escape;
      segments.push({ start: segmentStart, end: continues ? contentEnd - 1 : lines.end });
      if (!continues || !this.advanceToContinuation()) break;
      segmentStart = lines.start;
    }
    return new JoinedLine(text, segments);
  }

  /** Moves to the next line that continues an instruction; Docker drops comment and empty lines there. */
  private advanceToContinuation(): boolean {
    const { text, lines } = this;
    while (lines.advance()) {
      const pos = skipBlanks(text, lines.start, lines.end);
      if (pos === lines.end) continue;
      if (text.charCodeAt(pos) === HASH) {
        this.addComment(pos, lines.end);
        continue;
      }
      return true;
    }
    return false;
  }

  /** Steps over the bodies of `<<EOF` heredocs, which hold file content or scripts, not instructions. */
  private skipHeredocs(line: JoinedLine): void {
    const { text, lines } = this;
    if (!line.containsPair(LESS_THAN)) return;
    const instructionText = line.slice(0, line.length);
    const resumeAfterInstruction = lines.next;
    for (const match of instructionText.matchAll(HEREDOC_MARKER)) {
      const stripsTabs = match[1] === '-';
      const terminator = match[3];
      let found = false;
      while (!found && lines.advance()) {
        let start = lines.start;
        if (stripsTabs) while (start < lines.end && text.charCodeAt(start) === 9) start++;
        found = lines.end - start === terminator.length && text.startsWith(terminator, start);
      }
      if (!found) {
        this.doc.addProblem(`unterminated heredoc <<${terminator}`, line.sourceOffset(match.index ?? 0), line.sourceOffset(line.length));
        lines.resumeAt(resumeAfterInstruction);
        return;
      }
    }
  }

  private addComment(hash: number, end: number): void {
    this.doc.addComment(hash, trimBlanksEnd(this.text, hash, end), 1);
  }
}

/**
 * Reads `KEY=value KEY2="v 2"` (and for ENV the legacy `KEY value with spaces`) with Docker's
 * word rules: quotes group, the escape character escapes, `$VAR` stays as written.
 */
class AssignmentReader {
  constructor(
    private readonly doc: ConfigDocumentBuilder,
    private readonly line: JoinedLine,
    private readonly instruction: 'ENV' | 'ARG',
    private readonly escape: number,
  ) {}

  read(): void {
    const { line } = this;
    let pos = this.skipBlanks(0);
    if (pos === line.length) {
      this.problem(`${this.instruction} needs a name`, 0, line.length);
      return;
    }
    const firstWordEnd = this.findWordEnd(pos);
    if (this.instruction === 'ENV' && firstWordEnd !== -1 && this.findEquals(pos, firstWordEnd) === -1) {
      this.readLegacyEnv(pos, firstWordEnd);
      return;
    }
    while (pos < line.length) {
      const wordEnd = this.findWordEnd(pos);
      if (wordEnd === -1) {
        this.problem('unterminated quote', pos, line.length);
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
    if (valueStart === this.line.length) {
      this.problem('ENV needs a value', keyStart, keyEnd);
      return;
    }
    let valueEnd = this.line.length;
    while (valueEnd > valueStart && isBlank(this.line.charCodeAt(valueEnd - 1))) valueEnd--;
    this.emit(keyStart, keyEnd, valueStart, valueEnd);
  }

  private emit(keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    const { line } = this;
    const value = this.unquote(valueStart, valueEnd);
    if (value === undefined) {
      this.problem('unterminated quote', valueStart, valueEnd);
      return;
    }
    const keySpan = line.sourceSpan(keyStart, keyEnd);
    const quote = this.wrappingQuote(valueStart, valueEnd);
    const valueSpan = quote ? line.sourceSpan(valueStart + 1, valueEnd - 1) : line.sourceSpan(valueStart, valueEnd);
    this.doc.addEntry([this.instruction, line.slice(keyStart, keyEnd)], keySpan, value, valueSpan, quote);
  }

  /** The quote around the whole value (`"v 2"`), so its span can exclude it. */
  private wrappingQuote(start: number, end: number): Quote | undefined {
    const first = this.line.charCodeAt(start);
    if (end - start < 2 || (first !== DOUBLE_QUOTE && first !== SINGLE_QUOTE)) return undefined;
    return this.skipQuoted(start) === end ? (first === DOUBLE_QUOTE ? '"' : "'") : undefined;
  }

  /** Removes quotes and escapes from [start, end); undefined when a quote does not close. */
  private unquote(start: number, end: number): string | undefined {
    const { line } = this;
    if (!this.hasQuoteOrEscape(start, end)) return line.slice(start, end);
    let result = '';
    let i = start;
    while (i < end) {
      const code = line.charCodeAt(i);
      if (code === this.escape && i + 1 < end) {
        result += String.fromCharCode(line.charCodeAt(i + 1));
        i += 2;
      } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        const after = this.skipQuoted(i);
        if (after === -1 || after > end) return undefined;
        result += code === DOUBLE_QUOTE ? this.unescapeDoubleQuoted(i + 1, after - 1) : line.slice(i + 1, after - 1);
        i = after;
      } else {
        result += String.fromCharCode(code);
        i++;
      }
    }
    return result;
  }

  private hasQuoteOrEscape(start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const code = this.line.charCodeAt(i);
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === this.escape) return true;
    }
    return false;
  }

  /** Inside double quotes the escape character only escapes `"`, `$` and itself. */
  private unescapeDoubleQuoted(start: number, end: number): string {
    const { line } = this;
    let result = '';
    for (let i = start; i < end; i++) {
      const code = line.charCodeAt(i);
      const next = line.charCodeAt(i + 1);
      if (code === this.escape && i + 1 < end && (next === DOUBLE_QUOTE || next === 36 /* $ */ || next === this.escape)) {
        result += String.fromCharCode(next);
        i++;
      } else {
        result += String.fromCharCode(code);
      }
    }
    return result;
  }

  /** The index after the quoted run opening at `open`, or -1 when it does not close. */
  private skipQuoted(open: number): number {
    const { line } = this;
    const quote = line.charCodeAt(open);
    for (let i = open + 1; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === quote) return i + 1;
      if (quote === DOUBLE_QUOTE && code === this.escape) i++;
    }
    return -1;
  }

  /** The end of the word at `pos` (white space outside quotes ends it), or -1 on an open quote. */
  private findWordEnd(pos: number): number {
    const { line } = this;
    let i = pos;
    while (i < line.length) {
      const code = line.charCodeAt(i);
      if (isBlank(code)) break;
      if (code === this.escape) i += 2;
      else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        i = this.skipQuoted(i);
        if (i === -1) return -1;
      } else i++;
    }
    return Math.min(i, line.length);
  }

  /** The first `=` of the word [start, end) that comes before any quote, or -1. */
  private findEquals(start: number, end: number): number {
    for (let i = start; i < end; i++) {
      const code = this.line.charCodeAt(i);
      if (code === EQUALS) return i;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === this.escape) return -1;
    }
    return -1;
  }

  private skipBlanks(pos: number): number {
    while (pos < this.line.length && isBlank(this.line.charCodeAt(pos))) pos++;
    return pos;
  }

  private problem(message: string, start: number, end: number): void {
    const span = this.line.sourceSpan(start, Math.max(start, end));
    this.doc.addProblem(message, span.start, span.end);
  }
}

/** The instruction word at `pos`: letters only (`ENV`, `run`). */
function readWord(text: string, pos: number, end: number): number {
  while (pos < end && isAsciiLetter(text.charCodeAt(pos))) pos++;
  return pos;
}
