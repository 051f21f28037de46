// Dockerfiles: `ENV` and `ARG` instructions give entries with keyPath ['ENV', KEY] / ['ARG', KEY];
// RUN, CMD, ENTRYPOINT and HEALTHCHECK are recorded as commands (their arguments' span), for rules
// that read command lines. Every instruction is read as one logical line (continuations joined),
// so that the lines of a long `RUN ... \` are never taken for instructions; heredoc bodies
// (`RUN <<EOF`) are stepped over for the same reason. `#` starts a comment only at the start of a
// line, as in Docker.
import type { ConfigDocument, Span } from './model';
import { ConfigDocumentBuilder } from './document';
import { AssignmentReader } from './dockerfile-assignments';
import { JoinedLine } from './joined-line';
import { LineCursor } from './lines';
import { BACKSLASH, HASH, LESS_THAN, isAsciiLetter, skipBlanks, trimBlanksEnd } from './chars';

export function readDockerfile(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'dockerfile');
  new DockerfileReader(text, doc).read();
  return doc.build();
}

/** `# escape=\`` and friends: only in comment lines before anything else. */
const PARSER_DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(\S+)[ \t]*$/;
const HEREDOC_MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const COMMAND_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

class DockerfileReader {
  private readonly lines: LineCursor;
  /** The line continuation and escape character; `# escape=\`` switches it (Windows images). */
  private escape = BACKSLASH;
  /**
   * Heredoc terminators known to be missing from the given offset on, so that a file full of
   * unterminated heredocs is not searched to its end once per heredoc.
   */
  private readonly missingTerminators = new Map<string, number>();

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
      // With the `\` escape the arguments are shell, continuations included; with `` ` `` (Windows) they are not.
      if (COMMAND_INSTRUCTIONS.has(instruction) && this.escape === BACKSLASH) {
        this.doc.addCommand(instruction, { start: line.sourceOffset(0), end: line.sourceOffset(line.length) });
      }
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
      const marker = match[1] + terminator;
      const searchStart = lines.next;
      const searchEnd = this.missingTerminators.get(marker) ?? text.length;
      let found = false;
      while (!found && lines.next < searchEnd && lines.advance()) {
        let start = lines.start;
        if (stripsTabs) while (start < lines.end && text.charCodeAt(start) === 9) start++;
        found = lines.end - start === terminator.length && text.startsWith(terminator, start);
      }
      if (!found) {
        this.missingTerminators.set(marker, Math.min(searchStart, searchEnd));
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

/** The instruction word at `pos`: letters only (`ENV`, `run`). */
function readWord(text: string, pos: number, end: number): number {
  while (pos < end && isAsciiLetter(text.charCodeAt(pos))) pos++;
  return pos;
}
