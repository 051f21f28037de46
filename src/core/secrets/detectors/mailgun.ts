// Mailgun private API keys:
//   key-<32 hex>                  original format (gitleaks' mailgun-private-api-token rule)
//   <32 hex>-<8 hex>-<8 hex>      current format: secret + "-" + the key id
//                                 (https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Keys/,
//                                 key ids look like "f2153fd0-f1277777")
// "mailgun" near the key (the line itself or the 3 lines around it, e.g. MAILGUN_API_KEY=,
// api.mailgun.net, mailgun.client(…)) makes it an "error". The prefixed format without that context
// is a "warning" (`key-` + hex is also how some code names cache entries); the current format has
// no prefix at all and is only reported with the context.
// Public validation keys (pubkey-…) are meant to be public and are not matched.
import type { SecretDetector, SecretMatch } from '../model';
import { nearbyLines } from './support/line-window';
import { HEX, looksRandom } from '../randomness';
import { standaloneRuns } from './support/token-runs';

const PREFIXED_KEY = /key-[0-9A-Za-z]*/g;
const PREFIXED_BODY = /^[0-9a-f]{32}$/;
/** Starts only at the start of a hex run (lookbehind), so long hex strings are scanned once. */
const CURRENT_KEY = /(?<![A-Za-z0-9_-])[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}/g;
const CONTEXT_LINES = 3;
const CONTEXT_RADIUS = 400;
const MAILGUN = /mailgun/i;

function nearMailgun(text: string, start: number, end: number): boolean {
  return MAILGUN.test(nearbyLines(text, start, end, CONTEXT_LINES, CONTEXT_RADIUS));
}

export const mailgunDetector: SecretDetector = {
  id: 'mailgun',
  keywords: ['key-', 'mailgun', 'Mailgun', 'MAILGUN'],
  detect(text) {
    const matches: SecretMatch[] = [];
    for (const run of standaloneRuns(text, PREFIXED_KEY)) {
      const body = run.value.slice(4);
      if (!PREFIXED_BODY.test(body) || !looksRandom(body, HEX)) continue;
      const severity = nearMailgun(text, run.start, run.end) ? 'error' : 'warning';
      matches.push({ kind: 'Mailgun API key', start: run.start, end: run.end, severity, envName: 'MAILGUN_API_KEY' });
    }
    if (!MAILGUN.test(text)) return matches;
    for (const run of standaloneRuns(text, CURRENT_KEY)) {
      if (!looksRandom(run.value.slice(0, 32), HEX) || !nearMailgun(text, run.start, run.end)) continue;
      matches.push({ kind: 'Mailgun API key', start: run.start, end: run.end, severity: 'error', envName: 'MAILGUN_API_KEY' });
    }
    return matches;
  },
};
