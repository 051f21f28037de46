import { createHash } from 'node:crypto';

/**
 * Identity of a finding that survives line shifts and reformatting: the rule id plus the flagged
 * text with white space collapsed. Hashed, so a secret's value never appears in an allowlist or a
 * SARIF file.
 */
export function fingerprintOf(ruleId: string, flaggedText: string): string {
  const normalised = flaggedText.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(ruleId).update('\0').update(normalised).digest('hex').slice(0, 32);
}
