// The contract between the scanner and the readers of special literal forms, and the character
// tests they share.
import type { SpanKind } from './model';
import type { LexicalSyntax } from './syntax';

/** A heredoc whose opener was read; its body starts on the next line. */
export interface PendingHeredoc {
  terminator: string;
  /**
   * How the terminator line may be written: exactly the word (`<<EOF`, Ruby's `<<ID`); after
   * leading tabs (shell's `<<-EOF`); with any indentation (Ruby's `<<~ID` and `<<-ID`); or, in
   * PHP 7.3+, indented and followed by more code (`EOT;`).
   */
  match: 'exact' | 'tabs' | 'indented' | 'php';
}

/** What a special reader may do: record spans, queue heredocs, and look at the code read so far. */
export interface ScannerState {
  readonly text: string;
  readonly syntax: LexicalSyntax;
  /** The last code character read (-1 before any). */
  readonly lastCode: number;
  record(start: number, end: number, kind: SpanKind, contentStart?: number, contentEnd?: number): void;
  markCode(at: number): void;
  readonly heredocs: PendingHeredoc[];
}

/** Reads a construct starting at `at`; returns where reading goes on, or undefined when it is not one. */
export type SpecialReader = (state: ScannerState, at: number) => number | undefined;

export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

export { isAsciiWordCharacter as isWordCharacter } from '../ascii';
