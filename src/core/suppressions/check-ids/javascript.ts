// ESLint's security rules: eslint-plugin-security and its kin, and the core rules against code
// from strings (the list config switches use too, ../config-switches/eslint-rules.ts).
import { isSecurityRule } from '../config-switches/eslint-rules';
import type { IdsByCategory, ToolChecks } from './model';

const ESLINT: IdsByCategory = {
  'string-built-command': ['security/detect-child-process', 'security-node/detect-child-process'],
  'inline-secret': ['no-secrets/no-secrets'],
};

/** eslint-plugin-security's rules are taken to cover every category. */
export const ESLINT_CHECKS: ToolChecks = {
  blanketHides: 'all',
  hides: (id, category) => id.startsWith('security/') || id.startsWith('security-node/') || (ESLINT[category] ?? []).includes(id),
  isSecurity: (id) => isSecurityRule(id) || id === 'no-secrets/no-secrets',
  narrowTo: ESLINT,
};
