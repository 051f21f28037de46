// A suppression directive: a comment (or config entry, or annotation) that tells some tool to stay
// quiet. Dialect parsers turn comment text into these; the `suppression` rule judges them.
import type { LexicalLanguage } from '../languages/lexical';

export type SuppressionTool =
  | 'bandit' // Bandit's nosec comment
  | 'flake8' // flake8's and Ruff's noqa comment
  | 'mypy' // mypy's type-ignore comment
  | 'pyright' // Pyright's ignore comment
  | 'pylint' // Pylint's disable comments
  | 'semgrep' // Semgrep's no-semgrep comment
  | 'detect-secrets' // detect-secrets' allowlist pragma
  | 'gitleaks' // gitleaks' allow comment and .gitleaksignore
  | 'eslint' // ESLint's disable comments
  | 'typescript' // TypeScript's ignore, expect-error and no-check comments
  | 'biome' // Biome's ignore comments
  | 'sonar' // SonarQube's no-sonar marker
  | 'secretlint' // secretlint's disable comments
  | 'snyk' // Snyk Code's ignore comments
  | 'ruff' // Ruff config: ignore / per-file-ignores
  | 'golangci-lint' // golangci-lint's nolint comment
  | 'gosec' // gosec's nosec comment and its disable directive
  | 'java' // Java's and Kotlin's SuppressWarnings annotation (javac, SonarQube, PMD, Checkstyle, IntelliJ, Error Prone)
  | 'kotlin' // Kotlin's Suppress annotation (the compiler, detekt, ktlint, SonarQube, Android Lint)
  | 'android-lint' // Android Lint's SuppressLint annotation
  | 'spotbugs' // SpotBugs' (and Find Security Bugs') SuppressFBWarnings annotation
  | 'pmd' // PMD's no-PMD marker
  | 'checkstyle' // Checkstyle's suppression comments
  | 'csharp' // C#'s warning pragma and SuppressMessage attribute (the compiler and every Roslyn analyzer)
  | 'rubocop' // RuboCop's disable / todo / enable comments
  | 'phpcs' // PHP_CodeSniffer's ignore / disable / enable comments
  | 'phpstan' // PHPStan's ignore comments
  | 'psalm' // Psalm's suppress annotation
  | 'rust' // Rust's allow / expect attributes (rustc and Clippy lints)
  | 'shellcheck'; // ShellCheck's disable directive

/**
 * What the directive covers:
 * - `line`: the statement on the line it is on (all lines of a multi-line statement); a comment
 *   alone on its line covers what the tool's convention says (the parser returns `next-line` or
 *   `block-start` where the tool reads it so, given `standalone`);
 * - `next-line`: the next line (ESLint's disable-next-line, detect-secrets' nextline pragma);
 * - `block-start` / `block-end`: until the matching end or the end of the file (ESLint's and
 *   secretlint's disable/enable pairs, Pylint's disable on its own line / enable);
 * - `file`: the whole file (TypeScript's no-check, ESLint's disable at the top, Ruff's or flake8's
 *   file-level noqa);
 * - `declaration`: the declaration or statement that follows, to its end (an annotation or
 *   attribute on a method or class, golangci-lint's and gosec's comments alone on their line before
 *   a function, ShellCheck's directive before a loop); the language's lexical structure says where
 *   that construct ends;
 * - `config`: a config-level switch (Bandit skips, Ruff ignore of S rules, ESLint security rules
 *   off, .semgrepignore / .gitleaksignore entries), covering `configScope` files.
 */
export type SuppressionScope = 'line' | 'next-line' | 'block-start' | 'block-end' | 'file' | 'declaration' | 'config';

export interface SuppressionDirective {
  tool: SuppressionTool;
  scope: SuppressionScope;
  /** The rule/check ids named (`B608`, `S608`, `security/detect-object-injection`); empty = blanket. */
  ids: string[];
  /** The justification, in the dialect's convention, trimmed; undefined when none is given. */
  reason?: string;
  /**
   * [start, end) of the directive text inside the comment text given to the parser (marker such as
   * `#`/`//` excluded), so a fix can remove exactly the directive and keep the rest of the comment.
   */
  start: number;
  end: number;
  /** Where ids would go / a reason would go when narrowing or justifying (offset in the comment text). */
  idsInsertAt?: number;
  reasonInsertAt?: number;
  /** The separator the dialect uses before a reason (`' -- '`, `': '`, `' // '`, …). */
  reasonSeparator?: string;
  /** What closes an inserted reason, where the dialect quotes it (`reason = "…"` in a Rust attribute). */
  reasonTerminator?: string;
  /**
   * For `config` scope: globs or paths the switch applies to; empty = the whole project. (For config
   * scope, `start`/`end` are offsets into the file text, not into a comment.)
   */
  configScope?: string[];
}

/**
 * Which set of tools reads a comment: Python sources, JS/TS sources, config files, or one of the
 * languages read lexically (Go, Java, Kotlin, C#, Ruby, PHP, Rust, shell, and families of others).
 */
export type CommentFamily = 'python' | 'javascript' | 'config' | LexicalLanguage;

/** Where a directive was found: a comment, or code (an annotation, attribute or pragma). */
export interface CommentSite {
  family: CommentFamily;
  /** The comment's text without its marker (`#`, `//`, `/* *\/`); for code, the code itself. */
  text: string;
  /** Offset in the file where `text` starts. */
  textStart: number;
  /** The whole comment, markers included (for code: the annotation, with a reason comment after it). */
  start: number;
  end: number;
  /** Only white space precedes the comment on its line (for code: and only white space follows it). */
  ownLine: boolean;
  /**
   * `//`/`#` versus `/* *\/`: some directives are honoured in only one of them. `code` for an
   * annotation (`@SuppressWarnings(…)`), attribute or pragma: code, not a comment, found outside
   * strings and comments all the same.
   */
  kind: 'line' | 'block' | 'code';
  /** No code comes before it in the file (see CommentOptions.leading); undefined when unknown. */
  leading?: boolean;
  /**
   * For a `declaration` directive found in code, where what it covers ends (exclusive), when the
   * dialect knows better than the construct that follows (C#'s global suppressions name their target).
   */
  coversTo?: number;
}

export interface DirectiveSite {
  comment: CommentSite;
  directive: SuppressionDirective;
}
