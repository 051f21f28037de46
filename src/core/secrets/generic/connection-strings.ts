// Passwords in `key=value;` connection strings (ADO.NET, ODBC, OLE DB, JDBC SQL Server), in
// the query of database URLs (`jdbc:mysql://h/db?user=app&password=…`) and in StackExchange.Redis
// configuration strings (`host:6380,password=…,ssl=True`). The match covers the
// password; containerStart/containerEnd the whole connection string, which is what moves.
import { parseConnectionStringAround, type ParsedConnectionString } from './connection-string-syntax';
import { embeddedPasswordSeverity } from './embedded-password';
import { uriEnd } from './credentialed-uris';
import { redisOptionsPassword } from './redis-option-strings';
import type { EmbeddedSecretMatch } from './types';

export const CONNECTION_STRING_KIND = 'database password in connection string';

/** `Password=` / `Pwd=` as a whole key (not `DB_PASSWORD=`), after `;`, a quote, `?`/`&` or a line start. */
const PASSWORD_KEY = /(?<![A-Za-z0-9_$-])(?:password|pwd)[ \t]*=/gi;
/** A parsed key that names the password: `Password`, `PWD`, `Jet OLEDB:Database Password`. */
const PASSWORD_KEY_NAME = /(?:^|[\s:])(?:password|pwd)$/;
/** Keys that make `a=b;c=d` a connection string and not, say, a cookie or a shell line. */
const CONNECTION_KEYS = new Set([
  'server',
  'data source',
  'datasource',
  'host',
  'hostname',
  'address',
  'addr',
  'network address',
  'database',
  'initial catalog',
  'databasename',
  'database name',
  'dbname',
  'user id',
  'userid',
  'uid',
  'user',
  'username',
  'user name',
  'port',
  'driver',
  'provider',
  'dsn',
  'trusted_connection',
  'integrated security',
  'encrypt',
  'trustservercertificate',
  'sslmode',
  'ssl mode',
  'dbq',
  'servername',
  'server name',
  'service name',
  'servicename',
  'sid',
  'protocol',
  'charset',
  'pooling',
  'connect timeout',
  'connection timeout',
  'application name',
  'persist security info',
  'multipleactiveresultsets',
  'attachdbfilename',
]);
const HOST_KEYS = new Set(['server', 'data source', 'datasource', 'host', 'hostname', 'address', 'addr', 'network address', 'servername', 'server name']);
const USER_KEYS = new Set(['user id', 'userid', 'uid', 'user', 'username', 'user name']);
/** Database URLs whose query may carry `password=` (JDBC drivers, libpq, many ORMs). */
const DATABASE_URL_START =
  /^(?:jdbc:[a-z0-9]+(?::[a-z0-9]+)*:|(?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|mongodb|rediss?|clickhouse|cockroachdb)(?:\+[a-z0-9]+)?:)\/\//i;
const ENDS_QUERY_VALUE = /[&;#\s"'`<>\\]/;
const ENDS_TOKEN = /[\s"'`<>(]/;
const MAX_TOKEN_WALK = 1024;
/** Longest query-parameter password read; bounds the scan when nothing ends the value. */
const MAX_QUERY_VALUE = 512;
/**
 * A braced value that reads as code (`{password}`, `{config.Db.Password}`, `{cfg["Pwd"]}`) is a C#
 * `$"…"` or Python f-string hole, not ODBC quoting: literal ODBC-braced passwords are braced
 * because they hold `;` or other punctuation.
 */
const INTERPOLATION = /^[A-Za-z_][\w.]*(?:\[[^\]]{0,40}\]|\(\))*$/;
const FILE_DATA_SOURCE = /^[A-Za-z]:[\\/]|^\|DataDirectory\||\.(?:mdb|accdb|db|sqlite3?|sdf|mdf)$/i;

export function detectConnectionStringPasswords(text: string): EmbeddedSecretMatch[] {
  const matches: EmbeddedSecretMatch[] = [];
  // Cheap pre-filter: both spellings contain "pw" or "passw" (any case).
  if (!/pw|passw/i.test(text)) return matches;
  // Keys inside a connection string already read belong to it: reading it again from each of
  // them would be wasted (and quadratic on `pwd=;pwd=;…`).
  let coveredUntil = 0;
  PASSWORD_KEY.lastIndex = 0;
  for (let key = PASSWORD_KEY.exec(text); key !== null; key = PASSWORD_KEY.exec(text)) {
    if (key.index < coveredUntil) continue;
    const before = text[key.index - 1];
    const redis = before === ',' ? redisOptionsPassword(text, key.index, key.index + key[0].length) : undefined;
    if (redis) {
      matches.push(redis);
      coveredUntil = redis.containerEnd;
    } else if (before === '?' || before === '&') {
      const found = queryPassword(text, key.index, key.index + key[0].length);
      if (found) matches.push(found);
      coveredUntil = found ? found.containerEnd : key.index + key[0].length;
    } else {
      const parsed = parseConnectionStringAround(text, key.index);
      if (parsed) matches.push(...pairPasswords(text, parsed));
      coveredUntil = Math.max(key.index + key[0].length, parsed?.end ?? 0);
    }
  }
  return matches;
}

/** Every password pair of a connection string that has connection context. */
function pairPasswords(text: string, parsed: ParsedConnectionString): EmbeddedSecretMatch[] {
  const keys = parsed.pairs.map((pair) => pair.key.toLowerCase().replace(/\s+/g, ' '));
  const hasContext = parsed.prefix !== undefined || (parsed.pairs.length >= 2 && keys.some((key) => CONNECTION_KEYS.has(key)));
  if (!hasContext) return [];

  const valueOf = (names: ReadonlySet<string>) => {
    const index = keys.findIndex((key) => names.has(key));
    return index < 0 ? undefined : text.slice(parsed.pairs[index].valueStart, parsed.pairs[index].valueEnd);
  };
  const user = valueOf(USER_KEYS);
  const host = valueOf(HOST_KEYS) ?? (parsed.prefix ? urlHost(text.slice(parsed.prefix.start, parsed.prefix.end)) : undefined);
  const matches: EmbeddedSecretMatch[] = [];
  parsed.pairs.forEach((pair, index) => {
    if (!PASSWORD_KEY_NAME.test(keys[index])) return;
    const value = text.slice(pair.valueStart, pair.valueEnd);
    if (pair.braced && INTERPOLATION.test(value)) return;
    const severity = embeddedPasswordSeverity(value, user, host && serverHost(host));
    if (!severity) return;
    matches.push({
      kind: CONNECTION_STRING_KIND,
      start: pair.valueStart,
      end: pair.valueEnd,
      severity,
      envName: parsed.prefix ? 'DATABASE_URL' : 'DB_CONNECTION_STRING',
      containerStart: parsed.start,
      containerEnd: parsed.end,
    });
  });
  return matches;
}

/** `…?user=app&password=…` inside a database URL. */
function queryPassword(text: string, keyStart: number, valueStart: number): EmbeddedSecretMatch | undefined {
  let tokenStart = keyStart;
  const floor = Math.max(0, keyStart - MAX_TOKEN_WALK);
  while (tokenStart > floor && !ENDS_TOKEN.test(text[tokenStart - 1])) tokenStart--;
  const token = text.slice(tokenStart, keyStart);
  if (!DATABASE_URL_START.test(token)) return undefined;

  const limit = Math.min(text.length, valueStart + MAX_QUERY_VALUE);
  let valueEnd = valueStart;
  while (valueEnd < limit && !ENDS_QUERY_VALUE.test(text[valueEnd])) valueEnd++;
  if (valueEnd === valueStart || valueEnd === valueStart + MAX_QUERY_VALUE) return undefined;
  const user = /[?&](?:user|username|uid)=([^&#;]*)/i.exec(token)?.[1];
  const severity = embeddedPasswordSeverity(text.slice(valueStart, valueEnd), user, urlHost(token));
  if (!severity) return undefined;
  return {
    kind: CONNECTION_STRING_KIND,
    start: valueStart,
    end: valueEnd,
    severity,
    envName: 'DATABASE_URL',
    containerStart: tokenStart,
    containerEnd: uriEnd(text, valueEnd, tokenStart),
  };
}

/** Host of a URL: after `//` and any user-info, before port, path or query. */
function urlHost(url: string): string | undefined {
  const authority = /\/\/([^/?#;]*)/.exec(url)?.[1];
  if (authority === undefined) return undefined;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(/[:,]/)[0];
}

/** `tcp:server.example.net,1433` → `server.example.net`; a database file (`c:\\app.mdb`) is this machine. */
function serverHost(value: string): string {
  const host = value.trim().replace(/^(?:tcp|np|lpc|admin):/i, '');
  return FILE_DATA_SOURCE.test(host) ? 'localhost' : host;
}
