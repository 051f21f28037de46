// Anthropic API keys: sk-ant-api03-<93 base64url characters>AA (API key) and
// sk-ant-admin01-<93>AA (Admin API key), 108 and 110 characters in all. The trailing "AA" is part of
// every issued key. Source: gitleaks' anthropic-api-key and anthropic-admin-api-key rules
// (rules/anthropic.go). OAuth tokens (sk-ant-oat01-, sk-ant-ort01-) have no published fixed layout
// and are left to the generic detectors.
import type { SecretDetector, SecretMatch } from '../model';
import { BASE64, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const ANTHROPIC_KEY = /sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]*/g;
const RANDOM_LENGTH = 93;
const SUFFIX = 'AA';

export const anthropicDetector: SecretDetector = {
  id: 'anthropic',
  keywords: ['sk-ant-api03-', 'sk-ant-admin01-'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, ANTHROPIC_KEY)) {
      const admin = run.value.startsWith('sk-ant-admin01-');
      const body = run.value.slice(admin ? 'sk-ant-admin01-'.length : 'sk-ant-api03-'.length);
      if (body.length !== RANDOM_LENGTH + SUFFIX.length || !body.endsWith(SUFFIX)) continue;
      if (!looksRandom(body.slice(0, RANDOM_LENGTH), BASE64)) continue;
      matches.push({
        kind: admin ? 'Anthropic admin API key' : 'Anthropic API key',
        start: run.start,
        end: run.end,
        severity: 'error',
        envName: admin ? 'ANTHROPIC_ADMIN_KEY' : 'ANTHROPIC_API_KEY',
      });
    }
    return matches;
  },
};
