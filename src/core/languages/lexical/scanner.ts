// One pass over a file that tells comments and string literals from code, for the languages
// Lastline reads without a parser. Each character is looked at a bounded number of times: strings,
// comments and heredoc bodies are read straight through, and code inside an interpolation
// (`"#{x}"`, `"${x}"`, `$"{x}"`, `"$(x)"`) is read as code on an explicit stack (no recursion, so
// deep nesting cannot overflow the call stack).
import type { LexicalLanguage } from './languages';
import type { LexicalScan, LexicalSpan, SpanKind } from './model';
import { isWordCharacter, lineEnd, type PendingHeredoc, type ScannerState, type SpecialReader } from './reader';
import { readHeredocBodies } from './heredocs';
import { SPECIAL_READERS, readInlineText } from './special-readers';
import { SYNTAX, type Interpolation, type LexicalSyntax, type StringKind } from './syntax';

interface Frame {
  kind: StringKind;
  interpolation: Interpolation;
  depth: number;
}

export function scanLexically(text: string, language: LexicalLanguage): LexicalScan {
  const scanner = new Scanner(text, SYNTAX[language], SPECIAL_READERS[language] ?? []);
  scanner.run();
  return { language, text, spans: scanner.spans, firstCode: scanner.firstCode === -1 ? text.length : scanner.firstCode };
}

class Scanner implements ScannerState {
  readonly spans: LexicalSpan[] = [];
  readonly heredocs: PendingHeredoc[] = [];
  firstCode = -1;
  lastCode = -1;
  private readonly frames: Frame[] = [];

  constructor(
    readonly text: string,
    readonly syntax: LexicalSyntax,
    private readonly readers: readonly SpecialReader[],
  ) {}

  run(): void {
    let at = this.syntax.phpTags ? readInlineText(this, 0) : 0;
    while (at < this.text.length) at = this.step(at);
  }

  record(start: number, end: number, kind: SpanKind, contentStart = start, contentEnd = end): void {
    if (end > start) this.spans.push({ start, end, kind, contentStart, contentEnd });
  }

  markCode(at: number): void {
    if (this.firstCode === -1) this.firstCode = at;
    this.lastCode = at;
  }

  private step(at: number): number {
    const { text } = this;
    const code = text.charCodeAt(at);
    const frame = this.frames[this.frames.length - 1];
    if (frame) {
      if (code === frame.interpolation.closer) {
        if (frame.depth === 0) {
          this.frames.pop();
          return this.readString(frame.kind, at, at + 1, at + 1);
        }
        frame.depth--;
      } else if (code === frame.interpolation.nest) {
        frame.depth++;
      }
    }
    if (code === 10) return this.heredocs.length > 0 ? readHeredocBodies(this, at + 1) : at + 1;
    if (code === 32 || (code >= 9 && code <= 13)) return at + 1;
    for (const reader of this.readers) {
      const next = reader(this, at);
      if (next !== undefined) return next;
    }
    const comment = this.comment(at);
    if (comment !== undefined) return comment;
    const kind = this.stringAt(at);
    if (kind) return this.readString(kind, at, at + kind.open.length, at + kind.open.length);
    this.markCode(at);
    return at + 1;
  }

  private comment(at: number): number | undefined {
    const { text, syntax } = this;
    for (const line of syntax.lineComments) {
      if (!text.startsWith(line.open, at) || (line.when && !line.when(text, at))) continue;
      const end = syntax.phpTags ? phpLineCommentEnd(text, at) : lineEnd(text, at);
      this.record(at, end, 'line-comment', at + line.open.length, end);
      return end;
    }
    const block = syntax.blockComment;
    if (!block || !text.startsWith(block.open, at)) return undefined;
    let depth = 0;
    for (let i = at + block.open.length; i < text.length;) {
      if (text.startsWith(block.close, i)) {
        if (depth === 0) {
          const end = i + block.close.length;
          this.record(at, end, 'block-comment', at + block.open.length, i);
          return end;
        }
        depth--;
        i += block.close.length;
      } else if (block.nests && text.startsWith(block.open, i)) {
        depth++;
        i += block.open.length;
      } else {
        i++;
      }
    }
    this.record(at, text.length, 'block-comment', at + block.open.length, text.length);
    return text.length;
  }

  private stringAt(at: number): StringKind | undefined {
    const { text } = this;
    for (const kind of this.syntax.strings) {
      if (!text.startsWith(kind.open, at)) continue;
      if (kind.notAfterWord && at > 0 && isWordCharacter(text.charCodeAt(at - 1))) return undefined;
      return kind;
    }
    return undefined;
  }

  /**
   * Reads a literal (or the piece of one after an interpolation) from `from`, its content from
   * `contentStart`; stops at its close, at an interpolation (whose code is then read as code), or
   * at the line's end for a single-line kind left open.
   */
  private readString(kind: StringKind, from: number, contentStart: number, pos: number): number {
    const { text } = this;
    const close = kind.close;
    for (let i = pos; i < text.length;) {
      const code = text.charCodeAt(i);
      if (kind.escape === 'backslash' && code === 92) {
        i += 2;
        continue;
      }
      if (text.startsWith(close, i)) {
        if (kind.escape === 'doubled' && text.startsWith(close, i + close.length)) {
          i += 2 * close.length;
          continue;
        }
        this.record(from, i + close.length, 'string', contentStart, i);
        return i + close.length;
      }
      const interpolation = kind.interpolations && interpolationAt(text, i, kind.interpolations);
      if (interpolation) {
        if (kind.doubledOpenIsText && text.startsWith(interpolation.open, i + interpolation.open.length)) {
          i += 2 * interpolation.open.length;
          continue;
        }
        const end = i + interpolation.open.length;
        this.record(from, end, 'string', contentStart, i);
        this.frames.push({ kind, interpolation, depth: 0 });
        return end;
      }
      if (!kind.multiline && (code === 10 || code === 13)) {
        this.record(from, i, 'string', contentStart, i);
        return i;
      }
      i++;
    }
    this.record(from, text.length, 'string', contentStart, text.length);
    return text.length;
  }
}

/** A PHP line comment ends at the line's end or at a `?>`, which leaves PHP. */
function phpLineCommentEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || (code === 63 && text.charCodeAt(i + 1) === 62)) return i;
  }
  return text.length;
}

function interpolationAt(text: string, at: number, interpolations: readonly Interpolation[]): Interpolation | undefined {
  for (const interpolation of interpolations) if (text.startsWith(interpolation.open, at)) return interpolation;
  return undefined;
}
