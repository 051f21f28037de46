// Go. Source: gosec's rule list (github.com/securego/gosec, README "Available rules"): every
// rule, G101 to G602, is a security check; G101 looks for hard-coded credentials, G201/G202 for
// SQL built by formatting or concatenation, G204 for a subprocess launched with a variable.
// golangci-lint runs gosec under the linter name `gosec` (`gas` before v1.30).
import { tableChecks, type IdsByCategory, type ToolChecks } from './model';

const GOSEC: IdsByCategory = {
  'inline-secret': ['G101'],
  'string-built-query': ['G201', 'G202'],
  'string-built-command': ['G204'],
};

export const GOSEC_CHECKS: ToolChecks = tableChecks(GOSEC, { isSecurity: (id) => /^G\d{3}$/.test(id), narrowTo: GOSEC });

const GOLANGCI_SECURITY_LINTERS = ['gosec', 'gas'];

export const GOLANGCI_CHECKS: ToolChecks = {
  blanketHides: Object.keys(GOSEC) as (keyof typeof GOSEC)[],
  hides: (id, category) => GOLANGCI_SECURITY_LINTERS.includes(id) && (GOSEC[category]?.length ?? 0) > 0,
  isSecurity: (id) => GOLANGCI_SECURITY_LINTERS.includes(id),
  narrowTo: { 'inline-secret': ['gosec'], 'string-built-query': ['gosec'], 'string-built-command': ['gosec'] },
};
