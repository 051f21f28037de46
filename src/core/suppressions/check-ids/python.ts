// Python's security linters. Sources: Bandit's plugin ids (bandit/plugins/*.py, see
// ../dialects/bandit-tests.ts); Ruff's and flake8-bandit's `S` rules mirror them one to one
// (docs.astral.sh/ruff/rules, "flake8-bandit (S)").
import { tableChecks, type IdsByCategory, type ToolChecks } from './model';

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

/** Every Bandit test is a security check. */
export const BANDIT_CHECKS: ToolChecks = tableChecks(BANDIT, {
  sameId: (id, listed) => id.toUpperCase() === listed,
  isSecurity: () => true,
  narrowTo: BANDIT,
  blanketHides: 'all',
});

/** flake8's and Ruff's codes select by prefix: `S` is every Bandit rule, `S6` the injection ones. */
export const RUFF_CHECKS: ToolChecks = {
  blanketHides: 'all',
  hides: (id, category) => id.toUpperCase() === 'S' || (RUFF[category] ?? []).some((code) => code.startsWith(id.toUpperCase())),
  isSecurity: (id) => /^S\d{0,3}$/i.test(id),
  narrowTo: RUFF,
};
