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
  const info = schemeInfo(scheme);
  if (!info) return undefined;
  // The authority runs to the first `/`, `?` or `#`, so the authorities of two URIs never overlap
  // and the whole scan stays linear. The last `@` wins: unencoded `@` in passwords is common.
  const limit = Math.min(text.length, authorityStart + MAX_AUTHORITY_LENGTH);
  let { end: authorityEnd, at, colon } = scanAuthority(text, authorityStart, limit);
  if (info.atEndsUserInfo && authorityEnd < limit && !isUriEnd(text.charCodeAt(authorityEnd))) {
    const across = userInfoAcrossDelimiters(text, { end: authorityEnd, at, colon }, authorityStart, limit);
    if (across) ({ end: authorityEnd, at, colon } = across);
  }
  if (at < 0 || colon < 0 || colon > at) return undefined;

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

interface Authority {
  /** Where the authority (or the host after the user-info) ends. */
  end: number;
  /** The `@` ending the user-info and the first `:` before it; -1 when absent. */
  at: number;
  colon: number;
}

function scanAuthority(text: string, from: number, limit: number): Authority {
  let end = from;
  let at = -1;
  let colon = -1;
  for (; end < limit; end++) {
    const code = text.charCodeAt(end);
    if (code < 128 && ENDS_AUTHORITY[code]) break;
    if (code === CHAR_AT) at = end;
    else if (code === CHAR_COLON && colon < 0) colon = end;
  }
  return { end, at, colon };
}

/**
 * `postgres://app:<p@ss#word!>@db/app`, `mysql://root:<ab/cd?e>@db/app` (brackets mark the
 * password): people write passwords with `#`, `/`, `?` and `@` unencoded, and drivers that split on
 * the last `@` accept them. For schemes whose
 * path and query never hold `@`, the user-info then runs to the URI's last `@`, when the user name
 * before the first `:` is plain, what follows that `@` is a host list, and the password is not a
 * port followed by a path (`db:5432/app?x=a@b`).
 */
function userInfoAcrossDelimiters(text: string, plain: Authority, authorityStart: number, limit: number): Authority | undefined {
  const { colon } = plain;
  if (colon < 0 || text.slice(authorityStart, colon).includes('@')) return undefined;
  let at = -1;
  let end = plain.end;
  for (; end < limit && !isUriEnd(text.charCodeAt(end)); end++) if (text.charCodeAt(end) === CHAR_AT) at = end;
  if (at < 0 || PORT_THEN_PATH.test(text.slice(colon + 1, at))) return undefined;
  // `…@db/app?contact=ops@acme.io`: a complete user-info with an `@` later in a query value.
  if (plain.at > colon && QUERY_VALUE_TAIL.test(text.slice(plain.end, at))) return undefined;
  let hostEnd = at + 1;
  while (hostEnd < end && !ENDS_AUTHORITY[text.charCodeAt(hostEnd)]) hostEnd++;
  return HOST_LIST.test(text.slice(at + 1, hostEnd)) ? { end: hostEnd, at, colon } : undefined;
}

/** `5432/app`, `8080?x`: what follows the colon is a port, not a password. */
const PORT_THEN_PATH = /^\d{1,5}[/?#]/;
/** The text before an `@` ends inside a `?key=value` / `&key=value` query parameter. */
const QUERY_VALUE_TAIL = /[?&][\w.-]+=[^&]*$/;
/** `db`, `db.acme.io:5432`, `[::1]:5432`, `h1:27017,h2:27017`. */
const HOST = String.raw`(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9][A-Za-z0-9._-]{0,252})(?::\d{1,5})?`;
const HOST_LIST = new RegExp(`^${HOST}(?:,${HOST}){0,15}$`);

function isUriEnd(code: number): boolean {
  return code < 128 && ENDS_URI[code] === 1;
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
  const balance = new Map<string, number>([
    [')', 0],
    [']', 0],
    ['}', 0],
  ]);
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
const CLOSER_OF = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);

function charTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters) table[character.charCodeAt(0)] = 1;
  return table;
}
