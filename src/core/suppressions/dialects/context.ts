// What a matcher knows about the comment besides its text. The caller found the comment with a
// real parser, so it can tell us where the comment sits; matchers use this only where a tool's
// behaviour depends on it, and fall back to the tool's most permissive reading when it is unknown.
import type { CommentFamily, SuppressionDirective } from '../model';

export type { CommentFamily } from '../model';

/** Families whose line comments start with `#`: there a later `#` starts another comment. */
const HASH_FAMILIES: ReadonlySet<CommentFamily> = new Set<CommentFamily>(['python', 'config', 'ruby', 'shell', 'hash-comments']);

export function isHashFamily(family: CommentFamily): boolean {
  return HASH_FAMILIES.has(family);
}

export interface CommentOptions {
  /**
   * The comment is alone on its line (no code before it). Decides pylint's `disable` (block-start
   * alone, line when trailing), Semgrep's marker (next line alone), and detect-secrets' `nextline` form
   * (only honoured alone). Unknown: a trailing comment is assumed, except that forms only a
   * standalone comment can have (detect-secrets `nextline`) are still reported.
   */
  standalone?: boolean;
  /**
   * `line` for `//`, `block` for `/* *\/`. ESLint honours `eslint-disable`/`eslint-enable`/`eslint`
   * only in block comments, TypeScript `@ts-nocheck` only in line comments and `@ts-ignore` in a
   * block comment only on its last line. Unknown: both kinds are assumed possible.
   */
  kind?: 'line' | 'block';
  /**
   * No code comes before the comment in the file (it is in the file's header). golangci-lint's and
   * gosec's comments there cover the whole file, and so does ShellCheck's directive after the
   * shebang. Unknown: not in the header.
   */
  leading?: boolean;
}

export interface CommentContext extends CommentOptions {
  family: CommentFamily;
}

/** Finds one tool's directives in a comment's text (marker excluded); offsets are into that text. */
export type DirectiveMatcher = (text: string, context: CommentContext) => SuppressionDirective[];
