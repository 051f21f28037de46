// Which check ids of which tool would report what Lastline reports: a directive masks a finding
// only if it silences the tool that would have caught it (blanket, or an id for that category).
// `# noqa: E501` on a string-built query hides nothing; `# nosec B608` hides it.
import type { Category } from '../types';
import type { SuppressionTool } from './model';

type IdsByCategory = Partial<Record<Category, readonly string[]>>;

const BANDIT: IdsByCategory = {
  'string-built-query': ['B608', 'B610', 'B611'],
  'string-built-command': ['B602', 'B603', 'B604', 'B605', 'B606', 'B607', 'B609'],
  'inline-secret': ['B105', 'B106', 'B107'],
};
const RUFF: IdsByCategory = {
  'string-built-query': ['S608', 'S610', 'S611'],
  'string-built-command': ['S602', 'S603', 'S604', 'S605', 'S606', 'S607', 'S609'],
  'inline-secret': ['S105', 'S106', 'S107'],
};
const ESLINT: IdsByCategory = {
  'string-built-command': ['security/detect-child-process', 'security-node/detect-child-process'],
  'inline-secret': ['no-secrets/no-secrets'],
};

/** Tools whose silence hides security findings; type checkers and style linters do not. */
const SECURITY_TOOLS: ReadonlySet<SuppressionTool> = new Set(['bandit', 'flake8', 'ruff', 'semgrep', 'detect-secrets', 'gitleaks', 'eslint', 'sonar', 'secretlint', 'snyk']);
/** Tools that only look for secrets. */
const SECRET_TOOLS: ReadonlySet<SuppressionTool> = new Set(['detect-secrets', 'gitleaks', 'secretlint']);

export function isSecurityTool(tool: SuppressionTool): boolean {
  return SECURITY_TOOLS.has(tool);
}

/** Whether a directive of `tool` naming `ids` (empty = blanket) silences checks for `category`. */
export function silencesCategory(tool: SuppressionTool, ids: readonly string[], category: Category): boolean {
  if (!SECURITY_TOOLS.has(tool)) return false;
  if (SECRET_TOOLS.has(tool)) return category === 'inline-secret';
  if (ids.length === 0) return true;
  if (tool === 'semgrep' || tool === 'sonar' || tool === 'snyk') return true; // rule ids we cannot map
  const known = idsFor(tool, category);
  return ids.some((id) => {
    const upper = id.toUpperCase();
    if (tool === 'flake8' || tool === 'ruff') return upper === 'S' || known.some((code) => code.startsWith(upper) || upper === code);
    if (tool === 'eslint') return id.startsWith('security/') || id.startsWith('security-node/') || known.includes(id);
    return known.includes(upper);
  });
}

/** The ids a blanket directive of `tool` should be narrowed to, to cover `category` only. */
export function idsFor(tool: SuppressionTool, category: Category): readonly string[] {
  const table = tool === 'bandit' ? BANDIT : tool === 'flake8' || tool === 'ruff' ? RUFF : tool === 'eslint' ? ESLINT : {};
  return table[category] ?? [];
}
