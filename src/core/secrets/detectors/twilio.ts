// Twilio credentials (https://www.twilio.com/docs/iam/api-keys, https://www.twilio.com/docs/glossary/what-is-a-sid):
//   SK + 32 lowercase hex: API key SID. Reported at "warning": it names a key rather than being
//     its secret, but it is the only prefixed part of the pair, and its secret sits next to it.
//   AC + 32 hex: account SID, an identifier, never reported itself. Its auth token (32 hex, no
//     prefix) is reported at "error" when the text holds an account SID and the token is assigned
//     to an auth-token-like name (TWILIO_AUTH_TOKEN, authToken, auth_token…) or follows the SID as
//     the next argument (`twilio('AC…', '…')`, `Client("AC…", "…")`) or as the basic-auth password
//     (`AC…:…`).
// API key secrets (32 base62, no prefix) are left to the generic detectors.
import type { SecretDetector, SecretMatch } from '../model';
import { assignedNameBefore } from './support/assignment';
import { HEX, looksRandom } from '../randomness';
import { standaloneRuns, type TokenRun } from './support/token-runs';

const API_KEY_SID = /SK[0-9a-f]*/g;
const ACCOUNT_SID = /AC[0-9a-f]*/g;
/** Hex runs of 32+ characters, tried only where a run starts (the lookbehind keeps long hex strings linear). */
const HEX_RUN = /(?<![A-Za-z0-9])[0-9a-f]{32,}/g;
const SID_BODY_LENGTH = 32;
const AUTH_TOKEN_NAME = /auth_?token/i;
/**
 * Between an account SID and its auth token: the next argument (quotes, a comma, blanks) or the
 * password of basic auth (`https://AC…:token@api.twilio.com`, `curl -u AC…:token`).
 */
const SID_TOKEN_SEPARATOR = /^(?:["'`]?\s*,\s*["'`]?|:)$/;

function isSid(run: TokenRun): boolean {
  const body = run.value.slice(2);
  return body.length === SID_BODY_LENGTH && looksRandom(body, HEX);
}

function followsSid(text: string, token: TokenRun, sidEnds: ReadonlySet<number>): boolean {
  for (let gap = 1; gap <= 6 && gap <= token.start; gap++) {
    if (sidEnds.has(token.start - gap) && SID_TOKEN_SEPARATOR.test(text.slice(token.start - gap, token.start))) return true;
  }
  return false;
}

function authTokens(text: string): SecretMatch[] {
  const accountSids = standaloneRuns(text, ACCOUNT_SID).filter(isSid);
  if (accountSids.length === 0) return [];
  const sidEnds = new Set(accountSids.map((sid) => sid.end));
  const matches: SecretMatch[] = [];
  for (const token of standaloneRuns(text, HEX_RUN)) {
    if (token.value.length !== SID_BODY_LENGTH || !looksRandom(token.value, HEX)) continue;
    const named = AUTH_TOKEN_NAME.test(assignedNameBefore(text, token.start) ?? '');
    if (!named && !followsSid(text, token, sidEnds)) continue;
    matches.push({ kind: 'Twilio auth token', start: token.start, end: token.end, severity: 'error', envName: 'TWILIO_AUTH_TOKEN' });
  }
  return matches;
}

export const twilioDetector: SecretDetector = {
  id: 'twilio',
  keywords: ['SK', 'AC'],
  detect(text) {
    const apiKeySids: SecretMatch[] = standaloneRuns(text, API_KEY_SID)
      .filter(isSid)
      .map((sid) => ({ kind: 'Twilio API key SID', start: sid.start, end: sid.end, severity: 'warning', envName: 'TWILIO_API_KEY' }));
    return [...apiKeySids, ...authTokens(text)];
  },
};
