// A suppression directive: a comment (or config entry) that tells some tool to stay quiet.
// Dialect parsers turn comment text into these; the `suppression` rule judges them.

export type SuppressionTool =
  | 'bandit' // # nosec
  | 'flake8' // # noqa (also Ruff)
  | 'mypy' // # type: ignore
  | 'pyright' // # pyright: ignore
  | 'pylint' // # pylint: disable=
  | 'semgrep' // nosemgrep
  | 'detect-secrets' // pragma: allowlist secret
  | 'gitleaks' // gitleaks:allow, .gitleaksignore
  | 'eslint' // eslint-disable…
  | 'typescript' // @ts-ignore, @ts-nocheck, @ts-expect-error
  | 'biome' // biome-ignore
  | 'sonar' // NOSONAR
  | 'secretlint' // secretlint-disable…
  | 'snyk' // deepcode ignore
  | 'ruff'; // config: ignore / per-file-ignores

/**
 * What the directive covers:
 * - `line`: the statement on the line it is on (all lines of a multi-line statement); a comment
 *   alone on its line covers what the tool's convention says (the parser returns `next-line` or
 *   `block-start` where the tool reads it so, given `standalone`);
 * - `next-line`: the next line (eslint-disable-next-line, pragma: allowlist nextline secret);
 * - `block-start` / `block-end`: until the matching end or the end of the file (eslint-disable /
 *   eslint-enable, pylint: disable on its own line / enable, secretlint-disable / -enable);
 * - `file`: the whole file (@ts-nocheck, eslint-disable at the top, # ruff: noqa, # flake8: noqa);
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
