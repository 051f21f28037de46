// Why an interpolated value cannot change the structure of the string it is written into, as both
// analyses of the string-built rules name it. One model for JS/TS and Python; each language marks
// the cases it can see (Python: numeric conversions and shell quoting; JS/TS: all but shell quoting).
import type { StringFamily } from './model';

export type ValueSafety =
  /** A number: `Number(x)`, `parseInt(x, 10)`, `arr.length`, arithmetic; `int(x)`, `%d`, `{x:d}` (a non-number raises before the string is used). */
  | 'numeric'
  /** Escaped by the database driver: `mysql.escape(x)`, `client.escapeLiteral(x)`. */
  | 'escaped'
  /** Quoted into one literal shell word: `shlex.quote(x)`. Means nothing to SQL or JavaScript. */
  | 'shell-quoted'
  /** A choice between constants: `asc ? 'ASC' : 'DESC'`, `SORT_COLUMNS[key]` of a module constant map. */
  | 'constant-choice'
  /** Checked against an allowlist before use. */
  | 'allowlisted'
  /** A constant defined elsewhere: an enum member, an imported `UPPER_CASE` name. */
  | 'named-constant';

/**
 * Whether a value with this safety cannot inject into a string of this family. Each escaping
 * protects only the language it escapes for: shell quoting a command line, a database driver's
 * escaping SQL (`mysql.escape(x)` leaves `;`, `$(…)` and spaces intact for a shell).
 */
export function isHarmless(safety: ValueSafety | undefined, family: StringFamily): boolean {
  if (!safety) return false;
  if (safety === 'shell-quoted') return family === 'shell';
  if (safety === 'escaped') return family === 'sql';
  return true;
}
