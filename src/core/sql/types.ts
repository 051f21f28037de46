// Public shapes of the SQL template analysis: a query written as constant text with interpolated
// expressions ("holes") between the pieces, and what the constant text says about each hole.

/** An interpolated expression; `hole` is the expression's index in the caller's own list. */
export interface SqlHole {
  readonly hole: number;
}

/** A piece of a query template: constant text as it reaches the database, or a hole. */
export type SqlTemplatePart = string | SqlHole;

/** The statement a template starts with. `DDL` covers CREATE / ALTER / DROP / TRUNCATE. */
export type SqlStatementKind = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'WITH' | 'MERGE' | 'CALL' | 'EXEC' | 'REPLACE' | 'UPSERT' | 'DDL';

/**
 * What a hole stands for in the query.
 *
 * - `value`: one SQL value (a comparison operand, an item of VALUES (…), `SET col = …`, LIMIT,
 *   a function argument in a value position, an IN list). A bound parameter can replace it. When
 *   the hole is written inside a quoted literal that is in a value position, the role is still
 *   `value` and `quotedAlone` / `quotedWithText` say which delimiters to remove.
 * - `identifier`: a table, column, schema or alias name (also a hole glued into a name:
 *   `logs_{suffix}`, `{schema}.users`). Parameters cannot replace it; the fix is an allow-list.
 * - `keyword-or-fragment`: the hole replaces SQL syntax: a whole condition (`WHERE {cond}`), a
 *   clause appended after a complete one (`FROM t {where}`), a sort direction, an assignment list.
 * - `inside-string`: inside a quoted literal that is not a plain value: a typed literal
 *   (`INTERVAL '{n} days'`, `DATE '{d}'`), a literal holding several holes (`'{a}-{b}'`), or a
 *   literal in a position that is not a value position (dynamic SQL, a procedure body). When
 *   the literal holds only this hole, `quotedAlone` / `quotedWithText` still describe it.
 * - `inside-comment`: inside a `--`, `#` or `/* … *\/` comment.
 * - `unknown`: none of the above could be told with confidence.
 */
export type HoleRoleKind = 'value' | 'identifier' | 'keyword-or-fragment' | 'inside-string' | 'inside-comment' | 'unknown';

/**
 * A literal's delimiter inside the template: `length` characters at `offset` of `parts[part]`
 * (always a constant part). The opening delimiter includes a literal prefix (`N'`, `E'`, `U&'`,
 * `_utf8mb4'`) or a dollar tag (`$$`, `$fn$`), so removing exactly these characters unquotes it.
 */
export interface DelimiterPosition {
  part: number;
  offset: number;
  length: number;
}

/** A literal whose whole content is the hole: `'{code}'`. Parameterising removes both delimiters. */
export interface QuotedAlone {
  quoteBefore: DelimiterPosition;
  quoteAfter: DelimiterPosition;
}

/**
 * A literal holding the hole plus constant text: `'%{term}%'`. Parameterising replaces the whole
 * literal (both delimiters and everything between) by one placeholder bound to
 * `prefix + value + suffix`. `prefix` and `suffix` are the SQL string values (doubled quotes and
 * backslash escapes already resolved), ready to be written as host-language strings.
 */
export interface QuotedWithText extends QuotedAlone {
  prefix: string;
  suffix: string;
}

export interface HoleRole {
  /** The hole's `hole` index, as given in the template. */
  hole: number;
  role: HoleRoleKind;
  quotedAlone?: QuotedAlone;
  quotedWithText?: QuotedWithText;
  /**
   * The hole is the whole list of an IN predicate: `IN ({ids})`, or `IN {ids}` with the
   * parentheses inside the hole's own text. Needs one placeholder per item or an array parameter.
   */
  inList?: boolean;
}

export interface SqlTemplateAnalysis {
  /** The template starts with a recognised SQL statement (heuristics: see the header of `analyze.ts`). */
  isSql: boolean;
  statement?: SqlStatementKind;
  /**
   * One entry per hole, in the order the holes appear in the template. Roles are only worked
   * out when `isSql` is true; otherwise every role is `unknown`.
   */
  holes: HoleRole[];
}

/**
 * Placeholder syntax already present in constant text. `numeric` covers `$1` (Postgres), `:1`
 * (Oracle, DB-API numeric) and `?1` (SQLite); `qmark` is a bare `?`; `format` is `%s`;
 * `pyformat` is `%(name)s`; `named-colon` is `:name`; `named-at` is `@name`.
 */
export type PlaceholderStyle = 'qmark' | 'format' | 'numeric' | 'named-colon' | 'named-at' | 'pyformat';
