// The data that crosses every boundary of Lastline: rules produce Findings, Findings carry Fixes,
// and the editor, the CLI and the git hooks all consume the same plain objects.

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Higher is more severe; used for thresholds (`--fail-on`) and sorting. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/**
 * What a rule is about. Unreviewed AI-written lines are not a category: no rule reports them; the
 * commit gate stops them (src/gate), outside the findings model.
 */
export type Category = 'suppression' | 'string-built-query' | 'string-built-command' | 'open-route' | 'inline-secret' | 'risky-dependency';

/** 0-based line and UTF-16 character offset, as in VS Code. The CLI converts to 1-based. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A change to another file than the one analysed, e.g. `.env` or `.gitignore` for "move to
 * environment". Lines are appended (the file is created if missing); with `unlessPresent`, a line
 * that the file already holds is not added again.
 */
export interface FileAppend {
  /** Relative to the workspace (scan) root, with `/` separators. */
  path: string;
  appendLines: string[];
  unlessPresent?: boolean;
  /** The lines hold secret values (`NAME=value` for .env): outputs show names only. */
  sensitive?: boolean;
}

export interface Fix {
  title: string;
  /** Safe fixes change no behaviour a user relies on and may be applied by `lastline scan --fix`. */
  safe: boolean;
  /** Edits to the analysed file; they must not overlap. */
  edits: TextEdit[];
  files?: FileAppend[];
  /**
   * Records the finding as accepted in `.lastline.json`; the reason is asked of the user when the
   * fix is applied (never applied by `--fix`).
   */
  allowlist?: { fingerprint: string; rule: string };
}

export interface RelatedLocation {
  message: string;
  range: Range;
  /** Relative path of another file; absent means the same file. */
  file?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes: Fix[];
  /**
   * Stable identity that survives line shifts: rule id plus the normalised text of the flagged
   * code. Set by the engine; used for allowlists and SARIF partialFingerprints.
   */
  fingerprint: string;
  /** The finding lies in lines an AI assistant wrote (set from provenance, outside the rules). */
  aiWritten?: boolean;
}

/** What a rule reports; the engine adds category, default severity and the fingerprint. */
export interface Report {
  message: string;
  range: Range;
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /**
   * The text the fingerprint is computed from, when the flagged range is not the right identity
   * (e.g. a secret's value rather than the whole assignment). Never printed.
   */
  fingerprintText?: string;
}
