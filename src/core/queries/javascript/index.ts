// JS/TS/JSX/TSX analysis for the string-built query and command rules: finds the sinks, rebuilds
// the string that reaches each one (constant parts and holes), judges taint and SQL roles, and
// offers "Parameterize query" / "Run without a shell" where the rewrite is certain.
//
// Decisions, in one place (details next to the code):
// - A file that does not parse gives no findings: no structure, no guessing.
// - "Is it SQL?" is the SQL module's call on the rebuilt string; raw-SQL-only APIs (knex *Raw,
//   Prisma *Unsafe, Drizzle sql.raw, Sequelize literal, TypeORM builder clauses) are read behind a
//   statement prefix of their clause. A string without holes, or without constant text, is not built.
// - Values that cannot carry syntax are not holes that count: numeric conversions (Number(x),
//   parseInt(x, 10), .length, arithmetic), driver escaping (escape, escapeLiteral…), a choice between
//   constants, a module constant map lookup, enum members and imported UPPER_CASE names, and values
//   checked against an allowlist (includes/has/in, anchored word regex) before use.
// - Flows: local let/var through `=`/`+=` in order; appends in branches or loops count as taken (and
//   block the fix); a base assigned differently per branch is not followed (the read is one hole).
// - Severity: error when a request value or a parameter of an enclosing function reaches a hole
//   (through locals and destructuring, not through awaited calls), else warning. Identifier and
//   fragment holes get their own finding at the hole, without a fix.
// - Fixes are re-parsed before being offered. "Parameterize query" is `safe` unless the new literal
//   inlines a named constant's value; "Run without a shell" is never `safe` (word splitting and globs
//   of a value stop happening). New literals use the file's prevailing quote (ties: single), the
//   other quote when the SQL holds the preferred one, and a template literal for multi-line SQL.
import type { RuleContext } from '../../rule';
import type { Report } from '../../types';
import { analysisFileOf } from './analysis-file';
import { shellReports } from './shell-reports';
import { sqlReports } from './sql-reports';

export { PARAMETERIZE_QUERY } from './fix-parameterize';
export { RUN_WITHOUT_SHELL } from './fix-command';

/**
 * Reports of one family for a JS/TS file: 'sql' (category string-built-query: SQL sinks and
 * MongoDB `$where`) or 'shell' (category string-built-command). A file that does not parse yields none.
 */
export function javascriptStringBuiltReports(context: RuleContext, family: 'sql' | 'shell'): Report[] {
  const file = analysisFileOf(context);
  if (!file) return [];
  return dedupe(family === 'sql' ? sqlReports(file) : shellReports(file));
}

/** One report per range and message: a hole built once and read by two sinks is one problem there. */
function dedupe(reports: Report[]): Report[] {
  const seen = new Set<string>();
  return reports.filter((report) => {
    const key = `${report.range.start.line}:${report.range.start.character}:${report.range.end.line}:${report.range.end.character}:${report.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
