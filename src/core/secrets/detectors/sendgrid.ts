// SendGrid API keys: "SG." + 22 base64url characters (key id) + "." + 43 base64url characters
// (secret), 69 characters in all (https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
// states the 69-character length; the layout is gitleaks' sendgrid-api-token rule).
import type { SecretDetector, SecretMatch } from '../model';
import { BASE64, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const SENDGRID_KEY = /SG\.[A-Za-z0-9_.-]*/g;
const LAYOUT = /^SG\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export const sendgridDetector: SecretDetector = {
  id: 'sendgrid',
  keywords: ['SG.'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, SENDGRID_KEY)) {
      // A period right after the key ends the sentence.
      const value = run.value.endsWith('.') ? run.value.slice(0, -1) : run.value;
      const parts = LAYOUT.exec(value);
      if (!parts || !looksRandom(parts[1], BASE64) || !looksRandom(parts[2], BASE64)) continue;
      matches.push({ kind: 'SendGrid API key', start: run.start, end: run.start + value.length, severity: 'error', envName: 'SENDGRID_API_KEY' });
    }
    return matches;
  },
};
