// Access keys in Azure connection strings: `AccountKey=` (Storage), `SharedAccessKey=` (Service
// Bus, Event Hubs, IoT Hub) and `AccessKey=` (SignalR, Web PubSub), as .NET projects keep them in
// appsettings*.json. The provider rule knows a Storage key by its exact format (88 base64
// characters); keys of other lengths and the other services' keys are judged here as named values,
// so a placeholder (`<account-key>`) or a word is not reported. The match covers the key;
// containerStart/containerEnd the whole connection string, which is what moves.
import { parseConnectionStringAround, type ParsedConnectionString } from './connection-string-syntax';
import { embeddedPasswordSeverity } from './embedded-password';
import { judgeNamedValue } from './judge-named-value';
import type { EmbeddedSecretMatch } from './types';

const ACCESS_KEY = /(?<![A-Za-z0-9_$-])(?:Account|SharedAccess|Access)Key[ \t]*=/gi;

const KEYS: ReadonlyMap<string, { kind: string; envName: string }> = new Map([
  ['accountkey', { kind: 'Azure Storage account key in connection string', envName: 'AZURE_STORAGE_CONNECTION_STRING' }],
  ['sharedaccesskey', { kind: 'Azure shared access key in connection string', envName: 'AZURE_SERVICE_BUS_CONNECTION_STRING' }],
  ['accesskey', { kind: 'Azure access key in connection string', envName: 'AZURE_SIGNALR_CONNECTION_STRING' }],
]);
/** Keys beside the access key that make the pairs an Azure connection string. */
const AZURE_KEYS = new Set([
  'accountname',
  'defaultendpointsprotocol',
  'endpointsuffix',
  'endpoint',
  'sharedaccesskeyname',
  'entitypath',
  'blobendpoint',
  'queueendpoint',
  'tableendpoint',
  'fileendpoint',
  'hostname',
  'deviceid',
  'version',
]);
const ENDPOINT_KEYS = new Set(['endpoint', 'blobendpoint', 'queueendpoint', 'tableendpoint', 'fileendpoint', 'hostname']);
/** The Storage emulator's account (Azurite): its key is published with it. */
const EMULATOR_ACCOUNT = 'devstoreaccount1';
/** Connection strings without an endpoint address Azure's public cloud. */
const PUBLIC_CLOUD_HOST = 'core.windows.net';

export function detectConnectionStringKeys(text: string): EmbeddedSecretMatch[] {
  const matches: EmbeddedSecretMatch[] = [];
  let coveredUntil = 0;
  ACCESS_KEY.lastIndex = 0;
  for (let key = ACCESS_KEY.exec(text); key !== null; key = ACCESS_KEY.exec(text)) {
    if (key.index < coveredUntil) continue;
    const parsed = parseConnectionStringAround(text, key.index);
    if (parsed) matches.push(...accessKeys(text, parsed));
    coveredUntil = Math.max(key.index + key[0].length, parsed?.end ?? 0);
  }
  return matches;
}

function accessKeys(text: string, parsed: ParsedConnectionString): EmbeddedSecretMatch[] {
  const values = new Map(parsed.pairs.map((pair) => [pair.key.toLowerCase(), text.slice(pair.valueStart, pair.valueEnd)]));
  if (![...values.keys()].some((key) => AZURE_KEYS.has(key))) return [];
  if (values.get('accountname')?.toLowerCase() === EMULATOR_ACCOUNT) return [];
  const host = endpointHost(values);
  const matches: EmbeddedSecretMatch[] = [];
  for (const pair of parsed.pairs) {
    const described = KEYS.get(pair.key.toLowerCase());
    const value = text.slice(pair.valueStart, pair.valueEnd);
    if (!described || !judgeNamedValue({ name: pair.key, value }).secret) continue;
    const severity = embeddedPasswordSeverity(value, undefined, host);
    if (!severity) continue;
    matches.push({ ...described, start: pair.valueStart, end: pair.valueEnd, severity, containerStart: parsed.start, containerEnd: parsed.end });
  }
  return matches;
}

/** The host of the first endpoint (`sb://acme.servicebus.windows.net/`, `http://127.0.0.1:10000/…`). */
function endpointHost(values: ReadonlyMap<string, string>): string {
  for (const [key, value] of values) {
    if (!ENDPOINT_KEYS.has(key)) continue;
    const host = /^(?:[a-z][\w+.-]*:\/\/)?([^/:;\s]+)/i.exec(value.trim())?.[1];
    if (host) return host;
  }
  return PUBLIC_CLOUD_HOST;
}
