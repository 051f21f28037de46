// JS/TS/JSX/TSX analysis for the string-built query and command rules: finds the sinks, rebuilds
// the string that reaches each one (constant parts and holes), judges taint and SQL roles, and
// offers "Parameterize query" / "Run without a shell" where the rewrite is certain.
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
