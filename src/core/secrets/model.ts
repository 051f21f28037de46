// Shared vocabulary of the secret rules (provider-token, generic-secret, credentialed-uri).
// Detectors are pure functions over text; the rules decide where to look, how to report and fix.
import type { Severity } from '../types';

/** A credential found in a piece of text. Offsets are relative to the text the detector was given. */
export interface SecretMatch {
  /** Human name of what was found, e.g. "GitHub personal access token", "Stripe live secret key". */
  kind: string;
  /** [start, end) of the secret value itself (what must leave the code). */
  start: number;
  end: number;
  /** error: validated provider format (checksum/structure verified); warning: plausible; info: test/sandbox key. */
  severity: Severity;
  /** Suggested environment variable name, UPPER_SNAKE_CASE, e.g. GITHUB_TOKEN, STRIPE_SECRET_KEY. */
  envName: string;
  /** Optional extra ranges that belong to the same credential (e.g. the AWS secret key paired with its id). */
  related?: { start: number; end: number; kind: string }[];
}

/**
 * A provider-format detector. `keywords` are cheap substrings at least one of which every match
 * contains (the engine's pre-filter; case-sensitive); `detect` must be linear-time on any input
 * (no catastrophic backtracking) and must not throw.
 */
export interface SecretDetector {
  id: string;
  keywords: readonly string[];
  detect(text: string): SecretMatch[];
}
