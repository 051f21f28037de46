import { createHash } from 'node:crypto';

/**
 * Identity of a finding that survives line shifts and reformatting: the rule id plus the flagged
 * text with white space collapsed. Hashed, so a secret's value never appears in an allowlist or a
 * SARIF file.
 */
export function fingerprintOf(ruleId: string, flaggedText: string, salt?: string): string {
  const normalised = flaggedText.replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256');
  // A secret's fingerprint is salted (LastlineConfig.fingerprintSalt): without the salt, a report's
  // fingerprint cannot be matched against guesses of the secret.
  if (salt !== undefined) hash.update(salt).update('\0');
  return hash.update(ruleId).update('\0').update(normalised).digest('hex').slice(0, 32);
}
