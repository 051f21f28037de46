// The environment variable a named secret should move to, derived from its name:
// `dbPassword` → DB_PASSWORD, `stripe.apiKey` → STRIPE_API_KEY, `SECRET_KEY` stays SECRET_KEY.
import type { SecretKind } from './types';
import { identifierWords } from './words';

/**
 * Key-path segments that only say where the value lives in the program, not what it is:
 * `this.apiKey`, `app.config['SECRET_KEY']`, `settings.DATABASES.default.PASSWORD`,
 * Kubernetes `stringData.password`.
 */
const CONTAINER_SEGMENTS = new Set([
  'this',
  'self',
  'cls',
  'process',
  'env',
  'environ',
  'os',
  'config',
  'conf',
  'cfg',
  'configs',
  'configuration',
  'settings',
  'setting',
  'options',
  'option',
  'opts',
  'props',
  'params',
  'args',
  'kwargs',
  'window',
  'global',
  'globalthis',
  'module',
  'exports',
  'app',
  'default',
  'defaults',
  'data',
  'stringdata',
  'values',
  'value',
  'vars',
  'variables',
  'secrets',
  'spec',
  'environment',
  'locals',
  'headers',
  'header',
  'auth',
  'credentials',
  'creds',
  'properties',
]);

/** Names that say only "a secret" (`password`, `apiKey`): they borrow the segment before them. */
const BARE_NAMES = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'pw',
  'passphrase',
  'secret',
  'token',
  'key',
  'api key',
  'apikey',
  'secret key',
  'private key',
  'access key',
  'access token',
  'auth token',
  'api token',
  'api secret',
  'client secret',
  'bearer',
  'authorization',
  'credentials',
  'creds',
  'signing key',
  'encryption key',
]);

const DEFAULT_ENV_NAMES: Record<SecretKind, string> = {
  password: 'PASSWORD',
  'API key': 'API_KEY',
  secret: 'SECRET',
  token: 'API_TOKEN',
};

/** `segments` are the name's key-path segments; `segmentIndex` the one holding the secret word. */
export function envNameFor(segments: readonly string[], segmentIndex: number, kind: SecretKind): string {
  const kept = segments.slice(0, segmentIndex + 1).filter((segment, index) => index === segmentIndex || !isContainer(segment));
  let words = ownWords(kept[kept.length - 1]);
  if (BARE_NAMES.has(words.join(' ')) && kept.length > 1) words = [...ownWords(kept[kept.length - 2]), ...words];
  // A header value (`Authorization: Bearer …`) moves to a token variable, not to AUTHORIZATION.
  if (words.length > 0 && (words[words.length - 1] === 'authorization' || words[words.length - 1] === 'bearer')) {
    words = [...words.slice(0, -1), 'api', 'token'];
  }
  if (words.length === 0) return DEFAULT_ENV_NAMES[kind];
  const envName = words.join('_').toUpperCase();
  // POSIX shells reject variable names that start with a digit.
  return /^\d/.test(envName) ? `APP_${envName}` : envName;
}

function isContainer(segment: string): boolean {
  return /^\d+$/.test(segment) || CONTAINER_SEGMENTS.has(segment.toLowerCase().replace(/[_-]/g, ''));
}

/** Words of a segment, without the `x-` of custom header names (`X-API-Key` → API_KEY). */
function ownWords(segment: string | undefined): string[] {
  if (segment === undefined) return [];
  const words = identifierWords(segment);
  return words.length > 1 && words[0] === 'x' ? words.slice(1) : words;
}
