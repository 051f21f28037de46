// Which ESLint rules are security checks, and when a rule's configuration switches it off.
// Security rules: eslint-plugin-security (`security/*`), eslint-plugin-security-node
// (`security-node/*`), eslint-plugin-no-unsanitized (`no-unsanitized/*`), @microsoft/eslint-plugin-sdl
// (`@microsoft/sdl/*`), and the core/React rules against code from strings and raw HTML.
// `@typescript-eslint/no-implied-eval` is typescript-eslint's replacement for `no-implied-eval`.
// Severity (eslint.org "Configure Rules"): `"off"` or `0`, alone or first in an array; config files
// compare the string case-insensitively (`"OFF"` works), a quoted `"0"` is not a severity.
import type { ConfigNode } from './tree';

const SECURITY_PLUGIN_PREFIXES = ['security/', 'security-node/', 'no-unsanitized/', '@microsoft/sdl/'];
const SECURITY_RULES: ReadonlySet<string> = new Set(['no-eval', 'no-implied-eval', 'no-new-func', 'react/no-danger', '@typescript-eslint/no-implied-eval']);

export function isSecurityRule(name: string): boolean {
  return SECURITY_RULES.has(name) || SECURITY_PLUGIN_PREFIXES.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** A rule configuration (`"off"`, `0`, `["off", {…}]`) that sets severity off. */
export function isSeverityOff(node: ConfigNode): boolean {
  const severity = node.kind === 'list' ? node.items[0] : node;
  if (severity?.kind !== 'scalar') return false;
  if (severity.value.toLowerCase() === 'off') return true;
  return !severity.quoted && severity.value === '0';
}
