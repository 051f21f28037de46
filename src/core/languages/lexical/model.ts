// What the lexical scanner makes of a file: where comments, string literals and other text that
// is not code (heredoc bodies, PHP's inline HTML) sit. Everything else is code.
import type { LexicalLanguage } from './languages';

export type SpanKind = 'line-comment' | 'block-comment' | 'string' | 'text';

export interface LexicalSpan {
  /** Offsets into the file text: [start, end), markers and quotes included. */
  start: number;
  end: number;
  kind: SpanKind;
  /**
   * For a comment, its text without the markers (`//`, `#`, `/* *\/`); for a string literal, its
   * content without the quotes. A string interpolated with code (`"a #{b} c"`) is recorded as its
   * literal pieces (`"a #{` and `} c"`), the code between them left as code.
   */
  contentStart: number;
  contentEnd: number;
}

export interface LexicalScan {
  language: LexicalLanguage;
  text: string;
  /** Sorted by start, non-overlapping. */
  spans: LexicalSpan[];
  /** The first character of code (outside spans and white space); the text's length when none. */
  firstCode: number;
}

export function isCommentSpan(span: LexicalSpan): boolean {
  return span.kind === 'line-comment' || span.kind === 'block-comment';
}
