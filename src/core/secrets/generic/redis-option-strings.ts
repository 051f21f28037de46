// StackExchange.Redis configuration strings, as .NET projects keep them in appsettings*.json
// (Azure Cache for Redis): `acme.redis.cache.windows.net:6380,password=…,ssl=True,abortConnect=False`
// — endpoints, then `key=value` options, all separated by commas. The match covers the password;
// containerStart/containerEnd the whole string, which is what moves.
import { embeddedPasswordSeverity } from './embedded-password';
import type { EmbeddedSecretMatch } from './types';

export const REDIS_OPTIONS_KIND = 'Redis password in connection string';

/** Longest configuration string read to the left of `password=`; real ones are far shorter. */
const MAX_WALK = 512;
/** `host`, `host:6380`, `[::1]:6379`: the endpoints the options follow. */
const ENDPOINT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::\d{1,5})?$/;
const OPTION = /^[A-Za-z][A-Za-z0-9]*=[^,]*$/;
/** StackExchange.Redis option keys: one of them, or a port on the endpoint, marks the format. */
const REDIS_OPTIONS =
  /(?:^|,)(?:ssl|abortConnect|allowAdmin|connectTimeout|connectRetry|syncTimeout|asyncTimeout|defaultDatabase|keepAlive|sslHost|sslProtocols|serviceName|tiebreaker|user|name|resolveDns|channelPrefix)=/i;
/** Calls and brackets are code (`f(host,password=get_pw())`), not a configuration string. */
const CODE = /[()[\]{}]/;
/** What ends the string in code or config: white space and quotes. */
const ENDS = /[\s"'`]/;

/** The password of the configuration string whose `password=` key starts at `keyStart` (after a comma). */
export function redisOptionsPassword(text: string, keyStart: number, valueStart: number): EmbeddedSecretMatch | undefined {
  let start = keyStart - 1;
  const floor = Math.max(0, keyStart - MAX_WALK);
  while (start > floor && !ENDS.test(text[start - 1])) start--;
  const before = text.slice(start, keyStart - 1).split(',');
  const endpoints = before.filter((part) => ENDPOINT.test(part));
  // Endpoints first, then options: anything else is no Redis configuration string.
  if (endpoints.length === 0 || !before.every((part, index) => (index < endpoints.length ? ENDPOINT.test(part) : OPTION.test(part)))) return undefined;
  let valueEnd = valueStart;
  while (valueEnd < text.length && valueEnd - valueStart < MAX_WALK && text[valueEnd] !== ',' && !ENDS.test(text[valueEnd])) valueEnd++;
  let end = valueEnd;
  while (end < text.length && end - start < 2 * MAX_WALK && !ENDS.test(text[end])) end++;
  const whole = text.slice(start, end);
  if (CODE.test(whole) || !(/:\d+$/.test(endpoints[0]) || REDIS_OPTIONS.test(whole))) return undefined;
  const user = /(?:^|,)user=([^,]*)/.exec(whole)?.[1];
  const severity = embeddedPasswordSeverity(text.slice(valueStart, valueEnd), user, endpoints[0].replace(/:\d+$/, ''));
  if (!severity) return undefined;
  return { kind: REDIS_OPTIONS_KIND, start: valueStart, end: valueEnd, severity, envName: 'REDIS_CONNECTION_STRING', containerStart: start, containerEnd: end };
}
