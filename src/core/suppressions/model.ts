// A suppression directive: a comment (or config entry) that tells some tool to stay quiet.
// Dialect parsers turn comment text into these; the `suppression` rule judges them.

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
  | 'ruff'; // Ruff config: ignore / per-file-ignores

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
 * - `config`: a config-level switch (Bandit skips, Ruff ignore of S rules, ESLint security rules
 *   off, .semgrepignore / .gitleaksignore entries), covering `configScope` files.
 */
export type SuppressionScope = 'line' | 'next-line' | 'block-start' | 'block-end' | 'file' | 'config';

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
  /**
   * For `config` scope: globs or paths the switch applies to; empty = the whole project. (For config
   * scope, `start`/`end` are offsets into the file text, not into a comment.)
   */
  configScope?: string[];
}
