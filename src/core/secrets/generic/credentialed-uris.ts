// `credentialed-uri`: connection URIs with a password in their user-info
// (`postgres://app:<password>@db.internal/app`). The match covers the password; the whole URI is
// what the fix moves to the environment (containerStart/containerEnd).
import { embeddedPasswordSeverity } from './embedded-password';
import type { EmbeddedSecretMatch } from './types';
import { httpEnvName, schemeInfo, URI_SCHEME } from './uri-schemes';

/** Longest user-info + host part considered; real ones are far shorter. Bounds the work per URI. */
const MAX_AUTHORITY_LENGTH = 512;
const MAX_URI_LENGTH = 2048;

/** Characters that end the authority: whitespace, quotes, path/query/fragment starts, escapes. */
const ENDS_AUTHORITY = charTable(' \t\r\n\f\v"\'`/?#\\');
/** Characters that end a URI written in code, config or prose. */
const ENDS_URI = charTable(' \t\r\n\f\v"\'`<>\\');
const CHAR_AT = 64;
const CHAR_COLON = 58;

/** GitHub's "token as user name" convention: `https://<token>:x-oauth-basic@github.com`. */
const TOKEN_AS_USER_PASSWORD = 'x-oauth-basic';

export function detectCredentialedUris(text: string): EmbeddedSecretMatch[] {
  const matches: EmbeddedSecretMatch[] = [];
  if (!text.includes('://')) return matches;
  URI_SCHEME.lastIndex = 0;
  for (let scheme = URI_SCHEME.exec(text); scheme !== null; scheme = URI_SCHEME.exec(text)) {
    const match = credentialIn(text, scheme.index, scheme.index + scheme[0].length, scheme[1]);
    if (match) matches.push(match);
  }
  return matches;
}

function credentialIn(text: string, uriStart: number, authorityStart: number, scheme: string): EmbeddedSecretMatch | undefined {
  // The authority runs to the first `/`, so the authorities of two URIs never overlap and the
  // whole scan stays linear. The last `@` wins: unencoded `@` in passwords is common.
  const limit = Math.min(text.length, authorityStart + MAX_AUTHORITY_LENGTH);
  let authorityEnd = authorityStart;
  let at = -1;
  let colon = -1;
  for (; authorityEnd < limit; authorityEnd++) {
    const code = text.charCodeAt(authorityEnd);
    if (code < 128 && ENDS_AUTHORITY[code]) break;
    if (code === CHAR_AT) at = authorityEnd;
    else if (code === CHAR_COLON && colon < 0) colon = authorityEnd;
  }
  if (at < 0 || colon < 0 || colon > at) return undefined;

  const info = schemeInfo(scheme);
  if (!info) return undefined;
  let user = text.slice(authorityStart, colon);
  let passwordStart = colon + 1;
  let passwordEnd = at;
  if (text.slice(passwordStart, passwordEnd).toLowerCase() === TOKEN_AS_USER_PASSWORD) {
    [passwordStart, passwordEnd, user] = [authorityStart, colon, ''];
  }
  if (passwordEnd <= passwordStart) return undefined;

  const host = hostOf(text.slice(at + 1, authorityEnd));
  const severity = embeddedPasswordSeverity(text.slice(passwordStart, passwordEnd), user, host);
  if (!severity) return undefined;
  return {
    kind: info.kind,
    start: passwordStart,
    end: passwordEnd,
    severity,
    envName: info.envName ?? httpEnvName(host),
    containerStart: uriStart,
    containerEnd: uriEnd(text, authorityEnd, uriStart),
  };
}

/** The first host of `host[:port][,host2…]`, IPv6 brackets kept. */
function hostOf(hosts: string): string {
  if (hosts.startsWith('[')) {
    const close = hosts.indexOf(']');
    return close > 0 ? hosts.slice(0, close + 1) : hosts;
  }
  const end = hosts.search(/[:,]/);
  return end < 0 ? hosts : hosts.slice(0, end);
}

/**
 * Where the URI ends: at whitespace, a quote or an escape. Trailing sentence punctuation and
 * closers without an opener inside the URI (`(see postgres://…)`) are not part of it. Bracket
 * balance is counted once, then updated as characters are trimmed: linear however many there are.
 */
export function uriEnd(text: string, from: number, uriStart: number): number {
  const limit = Math.min(text.length, uriStart + MAX_URI_LENGTH);
  let end = from;
  while (end < limit) {
    const code = text.charCodeAt(end);
    if (code < 128 && ENDS_URI[code]) break;
    end++;
  }
  const balance = new Map<string, number>([[')', 0], [']', 0], ['}', 0]]);
  for (let index = uriStart; index < end; index++) {
    const character = text[index];
    const closer = CLOSER_OF.get(character);
    if (closer !== undefined) balance.set(closer, (balance.get(closer) ?? 0) + 1);
    else if (balance.has(character)) balance.set(character, (balance.get(character) ?? 0) - 1);
  }
  while (end > from) {
    const last = text[end - 1];
    const lastBalance = balance.get(last);
    if (TRAILING_PUNCTUATION.includes(last)) end--;
    else if (lastBalance !== undefined && lastBalance < 0) {
      balance.set(last, lastBalance + 1);
      end--;
    } else break;
  }
  return end;
}

const TRAILING_PUNCTUATION = '.,;:!?';
const CLOSER_OF = new Map([['(', ')'], ['[', ']'], ['{', '}']]);

function charTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters) table[character.charCodeAt(0)] = 1;
  return table;
}
