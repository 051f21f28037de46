// OpenAI API keys. Every current format carries "T3BlbkFJ" (base64 of "OpenAI") between two random
// halves, which is what makes them recognisable; keys without it are not reported.
//   sk-proj-…T3BlbkFJ… project key · sk-svcacct-…T3BlbkFJ… service account key ·
//   sk-admin-…T3BlbkFJ… admin key: halves of base64url characters (58 or 74 in observed keys;
//   20..100 accepted, to survive a length change)
//   sk-<20 alnum>T3BlbkFJ<20 alnum> legacy user key (48 characters after "sk-")
// Source: gitleaks' openai-api-key rule (https://github.com/gitleaks/gitleaks, rules/openai.go).
import type { SecretDetector, SecretMatch } from '../model';
import { BASE62, BASE64, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const MARKER = 'T3BlbkFJ';
const PREFIXED_KEY = /sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]*/g;
const LEGACY_KEY = /sk-[A-Za-z0-9]*/g;
const MIN_HALF = 20;
const MAX_HALF = 100;
const LEGACY_HALF = 20;

const PREFIXED_KINDS: Readonly<Record<string, { kind: string; envName: string }>> = {
  proj: { kind: 'OpenAI project API key', envName: 'OPENAI_API_KEY' },
  svcacct: { kind: 'OpenAI service account key', envName: 'OPENAI_API_KEY' },
  admin: { kind: 'OpenAI admin key', envName: 'OPENAI_ADMIN_KEY' },
};

/** Both halves around the marker have a plausible length and look random. */
function hasRandomHalves(body: string, minHalf: number, maxHalf: number, alphabet: number): boolean {
  const at = body.indexOf(MARKER);
  if (at < 0) return false;
  const before = body.slice(0, at);
  const after = body.slice(at + MARKER.length);
  const fits = (half: string) => half.length >= minHalf && half.length <= maxHalf && looksRandom(half, alphabet);
  return fits(before) && fits(after);
}

export const openaiDetector: SecretDetector = {
  id: 'openai',
  keywords: [MARKER],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, PREFIXED_KEY)) {
      const type = run.value.slice(3, run.value.indexOf('-', 3));
      const body = run.value.slice(type.length + 4);
      if (!hasRandomHalves(body, MIN_HALF, MAX_HALF, BASE64)) continue;
      const { kind, envName } = PREFIXED_KINDS[type];
      matches.push({ kind, start: run.start, end: run.end, severity: 'error', envName });
    }
    for (const run of standaloneRuns(text, LEGACY_KEY)) {
      const body = run.value.slice(3);
      if (body.length !== 2 * LEGACY_HALF + MARKER.length || body.indexOf(MARKER) !== LEGACY_HALF) continue;
      if (!hasRandomHalves(body, LEGACY_HALF, LEGACY_HALF, BASE62)) continue;
      matches.push({ kind: 'OpenAI API key (legacy)', start: run.start, end: run.end, severity: 'error', envName: 'OPENAI_API_KEY' });
    }
    return matches;
  },
};
