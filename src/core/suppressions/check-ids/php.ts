// PHP. PHP_CodeSniffer's codes are hierarchical (Standard.Category.Sniff.Message) and a directive
// naming a prefix covers all below it, so a code is a security check when it names a security
// sniff, a part of one, or what contains one. Security sniffs: WordPress Coding Standards'
// WordPress.Security.* and WordPress.DB.PreparedSQL / PreparedSQLPlaceholders (SQL built from
// variables), WordPressVIPMinimum's security sniffs, and the phpcs-security-audit standard
// (`Security.*`, Security.BadFunctions.SystemExecFunctions for shell commands).
// Psalm (psalm.dev/docs/security_analysis): the taint issues, TaintedSql, TaintedShell, …
// PHPStan checks types only.
import type { Category } from '../../types';
import type { IdsByCategory, ToolChecks } from './model';

const PHPCS: IdsByCategory = {
  'string-built-query': ['WordPress.DB.PreparedSQL', 'WordPress.DB.PreparedSQLPlaceholders', 'Security.BadFunctions.SQLFunctions'],
  'string-built-command': ['Security.BadFunctions.SystemExecFunctions'],
};
const PHPCS_SECURITY = [
  ...Object.values(PHPCS).flatMap((sniffs) => sniffs ?? []),
  'WordPress.Security',
  'WordPressVIPMinimum.Security',
  'Security',
  'PHPCS_SecurityAudit',
];

/** Codes compare case-insensitively, part by part: `WordPress.DB` covers `WordPress.DB.PreparedSQL`. */
function related(id: string, sniff: string): boolean {
  const a = id.toLowerCase();
  const b = sniff.toLowerCase();
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`);
}

export const PHPCS_CHECKS: ToolChecks = {
  blanketHides: Object.keys(PHPCS) as Category[],
  hides: (id, category) => (PHPCS[category] ?? []).some((sniff) => related(id, sniff)),
  isSecurity: (id) => PHPCS_SECURITY.some((sniff) => related(id, sniff)),
};

const PSALM: IdsByCategory = {
  'string-built-query': ['TaintedSql', 'TaintedInput'],
  'string-built-command': ['TaintedShell', 'TaintedInput'],
};

export const PSALM_CHECKS: ToolChecks = {
  blanketHides: Object.keys(PSALM) as Category[],
  hides: (id, category) => (PSALM[category] ?? []).includes(id),
  isSecurity: (id) => id.startsWith('Tainted'),
};
