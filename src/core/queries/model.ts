// Shared vocabulary of the string-built query/command rules. A language analyzer (Python,
// JS/TS) finds sinks, reconstructs the string that reaches each one as constant parts and holes,
// and decides taint; the SQL module (src/core/sql) says whether the constant parts are SQL and what
// role each hole plays; `parameterizeSql` turns the parts into placeholder SQL for the fix.

/** What a rebuilt string is: SQL text, a shell command line, or JavaScript for MongoDB (`$where`). */
export type StringFamily = 'sql' | 'shell' | 'script';

/** A constant fragment (decoded string value) or an interpolated expression. */
export type Part = string | { hole: number };

export interface Span {
  start: number;
  end: number;
}

export interface Hole extends Span {
  /** Source text of the interpolated expression, e.g. `couponCode`, `req.query.id`. */
  text: string;
  /**
   * Where the value comes from when it is untrusted within the function: a request value
   * (`request.args`, `req.query`) or a parameter of the function/handler (`parameter couponCode`).
   */
  taint?: string;
}

/** The string reaching a sink, rebuilt from the code. */
export interface BuiltString {
  parts: Part[];
  holes: Hole[];
  /** Where the string was built (f-string, `+=` lines…): related locations for the finding. */
  buildSites: Span[];
}

/** Placeholder syntaxes of the database drivers. */
export type PlaceholderStyle =
  | 'qmark' // ?            sqlite3, pyodbc, mysql/mysql2, better-sqlite3, knex, sequelize replacements
  | 'format' // %s          psycopg2/3, PyMySQL, MySQLdb, mysql-connector, Django
  | 'numeric' // $1, $2     pg, asyncpg
  | 'named-colon' // :name  SQLAlchemy text(), oracledb
  | 'named-at'; // @name    mssql

/** A parameter of the rewritten query: a hole's value (wrapped for LIKE patterns) or an existing parameter. */
export type ParameterizedParam = { hole: number; name?: string; prefix: string; suffix: string } | { existing: number; name?: string };

export type ParameterizeResult = { ok: true; sql: string; params: ParameterizedParam[] } | { ok: false; reason: string };
