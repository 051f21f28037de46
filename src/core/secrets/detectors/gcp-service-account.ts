// Google Cloud service-account key files (JSON): an object with "type": "service_account" and a
// "private_key" holding a PEM PKCS#8 key (https://cloud.google.com/iam/docs/keys-create-delete,
// gitleaks' gcp-service-account-key rule). The match is the private_key string value, which is
// the part that must leave the code; the file as a whole belongs in a secret store.
// Also found when the JSON is embedded in a string with escaped quotes
// (`"{\"type\":\"service_account\",…}"`), as it is in env files and CI variables.
import type { SecretDetector, SecretMatch } from '../model';
import { nearestIndex } from './support/nearest';

const PRIVATE_KEY_FIELD = /(\\?)"private_key\1"\s*:\s*\1"/g;
const SERVICE_ACCOUNT_TYPE = /(\\?)"type\1"\s*:\s*\1"service_account\1"/g;
/** A service-account file is ~2.4 KB; the type field is at most this far from the key. */
const SAME_OBJECT_DISTANCE = 8 * 1024;
const MAX_VALUE_LENGTH = 16 * 1024;
const MIN_KEY_BODY = 256;

/** End of the string value starting at `start`: the next `"` (or `\"` when the JSON is itself escaped). */
function stringValueEnd(text: string, start: number, escapedQuotes: boolean): number {
  const limit = Math.min(text.length, start + MAX_VALUE_LENGTH);
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (escapedQuotes) {
      if (ch === '\\' && text[i + 1] === '"') return i;
      if (ch === '\\') i++;
    } else {
      if (ch === '"') return i;
      if (ch === '\\') i++;
      if (ch === '\n') return -1;
    }
  }
  return -1;
}

/** The PEM body with `\n` escapes (single or double) and line breaks removed. */
function pemBody(value: string): string | undefined {
  const begin = /^-----BEGIN (?:RSA )?PRIVATE KEY-----/.exec(value);
  const endAt = value.indexOf('-----END');
  if (!begin || endAt < 0) return undefined;
  // Bounded escape run (\n, \\n, …): an unbounded `\\+n` would go quadratic on a long run of backslashes.
  return value.slice(begin[0].length, endAt).replace(/\\{1,4}n|\s/g, '');
}

function looksLikeKeyMaterial(body: string): boolean {
  return body.length >= MIN_KEY_BODY && /^[A-Za-z0-9+/]+={0,2}$/.test(body) && new Set(body).size >= 40;
}

export const gcpServiceAccountDetector: SecretDetector = {
  id: 'gcp-service-account',
  keywords: ['service_account'],
  detect(text) {
    const typeMarkers = [...text.matchAll(SERVICE_ACCOUNT_TYPE)].map((match) => match.index);
    if (typeMarkers.length === 0) return [];
    const matches: SecretMatch[] = [];
    for (const field of text.matchAll(PRIVATE_KEY_FIELD)) {
      const start = field.index + field[0].length;
      const end = stringValueEnd(text, start, field[1] === '\\');
      if (end < 0) continue;
      const body = pemBody(text.slice(start, end));
      if (!body || !looksLikeKeyMaterial(body)) continue;
      const nearest = nearestIndex(typeMarkers, start);
      if (Math.abs(typeMarkers[nearest] - start) > SAME_OBJECT_DISTANCE) continue;
      matches.push({
        kind: 'GCP service account private key',
        start,
        end,
        severity: 'error',
        envName: 'GOOGLE_APPLICATION_CREDENTIALS_JSON',
      });
    }
    return matches;
  },
};
