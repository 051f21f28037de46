// Which check ids of which tool would report what Lastline reports, and which are security checks
// at all: a directive masks a finding only if it silences the tool that would have caught it
// (blanket, or an id for that category). `# noqa: E501` on a string-built query hides nothing;
// `# nosec B608` hides it; `//nolint:lll` silences style, `//nolint:gosec` a security linter.
// The tables, with their sources, are one file per ecosystem beside this one.
import type { Category } from '../../types';
import type { SuppressionTool } from '../model';
import { GOLANGCI_CHECKS, GOSEC_CHECKS } from './go';
import { ESLINT_CHECKS } from './javascript';
import { ANDROID_LINT_CHECKS, JAVA_CHECKS, KOTLIN_CHECKS, PMD_CHECKS, SPOTBUGS_CHECKS } from './jvm';
import { ANY_ID_HIDES, SECRETS_ONLY, type ToolChecks } from './model';
import { CSHARP_CHECKS } from './dotnet';
import { PHPCS_CHECKS, PSALM_CHECKS } from './php';
import { BANDIT_CHECKS, RUFF_CHECKS } from './python';
import { RUBOCOP_CHECKS } from './ruby';
import { RUST_CHECKS } from './rust';
import { SHELLCHECK_CHECKS } from './shell';

/**
 * Tools with security checks. Absent ones check types or style only (mypy, Pyright, Pylint,
 * TypeScript, Biome, Checkstyle, PHPStan): their directives never hide a security finding.
 */
const TOOL_CHECKS: Partial<Record<SuppressionTool, ToolChecks>> = {
  bandit: BANDIT_CHECKS,
  flake8: RUFF_CHECKS,
  ruff: RUFF_CHECKS,
  eslint: ESLINT_CHECKS,
  // Rule ids we cannot map: any of them may be the rule that finds it.
  semgrep: ANY_ID_HIDES,
  sonar: ANY_ID_HIDES,
  snyk: ANY_ID_HIDES,
  'detect-secrets': SECRETS_ONLY,
  gitleaks: SECRETS_ONLY,
  secretlint: SECRETS_ONLY,
  gosec: GOSEC_CHECKS,
  'golangci-lint': GOLANGCI_CHECKS,
  java: JAVA_CHECKS,
  kotlin: KOTLIN_CHECKS,
  'android-lint': ANDROID_LINT_CHECKS,
  spotbugs: SPOTBUGS_CHECKS,
  pmd: PMD_CHECKS,
  csharp: CSHARP_CHECKS,
  rubocop: RUBOCOP_CHECKS,
  phpcs: PHPCS_CHECKS,
  psalm: PSALM_CHECKS,
  rust: RUST_CHECKS,
  shellcheck: SHELLCHECK_CHECKS,
};

/** Whether a directive of `tool` naming `ids` (empty = blanket) silences checks for `category`. */
export function silencesCategory(tool: SuppressionTool, ids: readonly string[], category: Category): boolean {
  const checks = TOOL_CHECKS[tool];
  if (!checks) return false;
  if (ids.length === 0) return checks.blanketHides === 'all' || checks.blanketHides.includes(category);
  return ids.some((id) => checks.hides(id, category));
}

/** Whether a directive of `tool` naming `ids` (empty = blanket) silences some security check. */
export function silencesSecurity(tool: SuppressionTool, ids: readonly string[]): boolean {
  const checks = TOOL_CHECKS[tool];
  return checks !== undefined && (ids.length === 0 || ids.some((id) => checks.isSecurity(id)));
}

/** The ids a blanket directive of `tool` should be narrowed to, to cover `category`. */
export function idsFor(tool: SuppressionTool, category: Category): readonly string[] {
  return TOOL_CHECKS[tool]?.narrowTo?.[category] ?? [];
}
