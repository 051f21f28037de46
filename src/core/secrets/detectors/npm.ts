// npm access tokens (granular and classic, format introduced 2021): `npm_` + 30 random base62
// characters + 6-character base62 CRC-32 checksum of those 30, the same scheme as GitHub's tokens
// (verified, see support/token-checksum.ts). Checksum-invalid look-alikes are not reported.
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
// Legacy npm tokens are bare UUIDs, indistinguishable from any other UUID: left out.
import type { SecretDetector, SecretMatch } from '../model';
import { BASE62, looksRandom } from '../randomness';
import { hasValidCrc32Checksum } from './support/token-checksum';
import { standaloneRuns } from './support/token-runs';

const NPM_TOKEN = /npm_[A-Za-z0-9_]*/g;
const BODY = /^[A-Za-z0-9]{36}$/;

export const npmDetector: SecretDetector = {
  id: 'npm',
  keywords: ['npm_'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, NPM_TOKEN)) {
      const body = run.value.slice(4);
      if (!BODY.test(body) || !hasValidCrc32Checksum(body) || !looksRandom(body.slice(0, 30), BASE62)) continue;
      matches.push({ kind: 'npm access token', start: run.start, end: run.end, severity: 'error', envName: 'NPM_TOKEN' });
    }
    return matches;
  },
};
