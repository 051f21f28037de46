// True examples for the provider table's rows, built at run time from a seeded hash so that no
// credential-shaped literal sits in the repository (Lastline scans itself; push protection reads
// it too): the source holds prefixes and alphabets only. A row whose token is its prefix plus
// random body characters needs no entry here — defaultSample builds it; rows with inner structure,
// a checksum or a lead get a builder of their own in SAMPLES.
import { createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { encodeBase62 } from '../../src/core/secrets/detectors/support/base62';
import { classCharacters } from '../../src/core/secrets/providers/character-class';
import type { ProviderRow } from '../../src/core/secrets/providers';
import { randomString, seededBytes } from './secret-values';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const BASE64URL = `${BASE62}-_`;
const BASE64 = `${BASE62}+/`;
export const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const UPPER36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER36 = '0123456789abcdefghijklmnopqrstuvwxyz';

const digits = (seed: string, length: number) => randomString(`${seed}-lead`, 1, '123456789') + randomString(seed, length - 1, DIGITS);

function uuid(seed: string): string {
  const hex = randomString(seed, 32, HEX);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** base64 of the JSON, unpadded: one character less then breaks the JSON (what the truncation check relies on). */
function base64Json(value: unknown, encoding: 'base64' | 'base64url' = 'base64'): string {
  return Buffer.from(JSON.stringify(value)).toString(encoding).replace(/=+$/, '');
}

/** Bech32 (BIP 173) encoding, written independently of the validator it tests. */
function bech32(hrp: string, data: readonly number[]): string {
  const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const polymod = (values: number[]) =>
    values.reduce((checksum, value) => {
      const top = checksum >>> 25;
      let next = ((checksum & 0x1ffffff) << 5) ^ value;
      generators.forEach((generator, bit) => {
        if ((top >>> bit) & 1) next ^= generator;
      });
      return next;
    }, 1);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((d) => charset[d]).join('')}`;
}

function toFiveBitGroups(bytes: Buffer): number[] {
  const groups: number[] = [];
  let accumulator = 0;
  let bits = 0;
  for (const byte of bytes) {
    accumulator = (accumulator << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      groups.push((accumulator >>> bits) & 31);
    }
  }
  if (bits > 0) groups.push((accumulator << (5 - bits)) & 31);
  return groups;
}

function hs256Jwt(payload: Record<string, unknown>, secret: string): string {
  const signingInput = `${base64Json({ alg: 'HS256', typ: 'JWT' }, 'base64url')}.${base64Json(payload, 'base64url')}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function grafanaServiceAccountToken(seed: string): string {
  const key = `glsa_${randomString(seed, 32, BASE62)}`;
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32LE(crc32(key) >>> 0);
  return `${key}_${checksum.toString('hex')}`;
}

/** Builders for rows whose token has structure beyond prefix + random body. Trailing ranges are at their minimum, so one character less is too short. */
export const SAMPLES: Readonly<Record<string, (seed: string) => string>> = {
  'gitlab-pat-routable': (s) => `glpat-${randomString(s, 27, BASE64URL)}.${randomString(`${s}v`, 2, LOWER36)}${randomString(`${s}c`, 7, LOWER36)}`,
  'gitlab-runner-token-routable': (s) => `glrt-t1_${randomString(s, 27, BASE64URL)}.${randomString(`${s}v`, 2, LOWER36)}${randomString(`${s}c`, 7, LOWER36)}`,
  'gitlab-ci-job-token': (s) => `glcbt-${randomString(`${s}p`, 5, BASE62)}_${randomString(s, 20, BASE64URL)}`,
  'atlassian-api-token-legacy': (s) => randomString(s, 20, BASE62) + randomString(`${s}h`, 4, HEX),
  'sourcegraph-access-token': (s) => `sgp_${randomString(`${s}i`, 16, HEX)}_${randomString(s, 40, HEX)}`,
  'harness-access-token': (s) => `pat.${randomString(`${s}a`, 22, BASE64URL)}.${randomString(`${s}b`, 24, BASE62)}.${randomString(s, 20, BASE62)}`,
  'postman-api-key': (s) => `PMAK-${randomString(`${s}a`, 24, HEX)}-${randomString(s, 34, HEX)}`,
  'npm-access-token': (s) => {
    const entropy = randomString(s, 30, BASE62);
    return `npm_${entropy}${encodeBase62(crc32(entropy), 6)}`;
  },
  'azure-ad-client-secret': (s) => `${randomString(`${s}a`, 3, BASE62)}8Q~${randomString(s, 31, `${BASE62}_~.-`)}`,
  'cloudflare-origin-ca-key': (s) => `v1.0-${randomString(`${s}a`, 24, HEX)}-${randomString(s, 146, HEX)}`,
  'yandex-iam-token': (s) => `t1.${randomString(`${s}a`, 40, BASE64URL)}.${randomString(s, 86, BASE64URL)}`,
  'terraform-cloud-api-token': (s) => `${randomString(`${s}a`, 14, BASE62)}.atlasv1.${randomString(s, 60, BASE64URL)}`,
  'doppler-service-token': (s) => `dp.st.prd.${randomString(s, 43, BASE62)}`,
  'databricks-token': (s) => `dapi${randomString(s, 32, HEX)}`,
  'defined-networking-api-key': (s) => `dnkey-${randomString(`${s}a`, 26, BASE64URL)}-${randomString(s, 52, BASE64URL)}`,
  'onepassword-secret-key': (s) =>
    `A3-${randomString(`${s}a`, 6, UPPER36)}-${randomString(`${s}b`, 11, UPPER36)}-${randomString(`${s}c`, 5, UPPER36)}-${randomString(`${s}d`, 5, UPPER36)}-${randomString(s, 5, UPPER36)}`,
  'onepassword-service-account-token': (s) =>
    `ops_${base64Json({
      signInAddress: 'acme.1password.com',
      userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: randomString(`${s}salt`, 22, BASE64URL) },
      email: `${randomString(`${s}m`, 10, LOWER36)}@1passwordserviceaccounts.com`,
      srpX: randomString(`${s}x`, 64, HEX),
      muk: { alg: 'A256GCM', ext: true, k: randomString(`${s}k`, 43, BASE64URL), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
      deviceUuid: randomString(s, 26, LOWER36),
    })}`,
  'age-secret-key': (s) => bech32('age-secret-key-', toFiveBitGroups(seededBytes(s, 32))).toUpperCase(),
  'new-relic-license-key': (s) => `${randomString(s, 36, HEX)}NRAL`,
  'grafana-api-key': (s) => base64Json({ k: randomString(s, 32, BASE62), n: 'deploy', id: 1 }),
  'grafana-cloud-token': (s) => `glc_${base64Json({ o: '1234567', n: 'stack-98765-hm-write', k: randomString(s, 24, BASE62), m: { r: 'prod-eu-west-2' } })}`,
  'grafana-service-account-token': grafanaServiceAccountToken,
  'sentry-org-token': (s) =>
    `sntrys_${base64Json({ iat: 1_700_000_000.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' })}_${randomString(s, 43, BASE64)}`,
  'dynatrace-api-token': (s) => `dt0c01.${randomString(`${s}a`, 24, UPPER36)}.${randomString(s, 64, UPPER36)}`,
  'microsoft-teams-webhook': (s) =>
    `https://acme.webhook.office.com/webhookb2/${uuid(`${s}a`)}@${uuid(`${s}b`)}/IncomingWebhook/${randomString(s, 32, HEX)}/${uuid(`${s}c`)}`,
  'sendgrid-api-key': (s) => `SG.${randomString(`${s}a`, 22, BASE64URL)}.${randomString(s, 43, BASE64URL)}`,
  'brevo-api-key': (s) => `xkeysib-${randomString(`${s}a`, 64, HEX)}-${randomString(s, 16, BASE62)}`,
  'brevo-smtp-key': (s) => `xsmtpsib-${randomString(`${s}a`, 64, HEX)}-${randomString(s, 16, BASE62)}`,
  'mailchimp-api-key': (s) => `${randomString(s, 32, HEX)}-us6`,
  'telegram-bot-token': (s) => `${digits(`${s}id`, 10)}:AA${randomString(s, 33, BASE64URL)}`,
  'discord-bot-token': (s) =>
    `${Buffer.from(digits(`${s}id`, 18)).toString('base64url')}.${randomString(`${s}t`, 6, BASE64URL)}.${randomString(s, 27, BASE64URL)}`,
  'twitter-access-token': (s) => `${digits(`${s}id`, 19)}-${randomString(s, 20, BASE62)}`,
  'twitter-bearer-token': (s) => `${'A'.repeat(22)}${randomString(s, 80, BASE62)}`,
  'openai-project-key': (s) => `sk-proj-${randomString(`${s}a`, 20, BASE64URL)}${'T3Blbk'}FJ${randomString(s, 20, BASE64URL)}`,
  'openai-service-account-key': (s) => `sk-svcacct-${randomString(`${s}a`, 20, BASE64URL)}${'T3Blbk'}FJ${randomString(s, 20, BASE64URL)}`,
  'openai-admin-key': (s) => `sk-admin-${randomString(`${s}a`, 20, BASE64URL)}${'T3Blbk'}FJ${randomString(s, 20, BASE64URL)}`,
  'openai-legacy-key': (s) => `sk-${randomString(`${s}a`, 20, BASE62)}${'T3Blbk'}FJ${randomString(s, 20, BASE62)}`,
  'anthropic-api-key': (s) => `sk-ant-api03-${randomString(s, 93, BASE64URL)}AA`,
  'anthropic-admin-key': (s) => `sk-ant-admin01-${randomString(s, 93, BASE64URL)}AA`,
  'langsmith-api-key': (s) => `lsv2_pt_${randomString(`${s}a`, 32, HEX)}_${randomString(s, 10, HEX)}`,
  'plaid-access-token': (s) => `access-production-${uuid(s)}`,
  'plaid-sandbox-access-token': (s) => `access-sandbox-${uuid(s)}`,
  'flutterwave-secret-key': (s) => `FLWSECK-${randomString(s, 32, HEX)}-X`,
  'flutterwave-test-secret-key': (s) => `FLWSECK_TEST-${randomString(s, 32, HEX)}-X`,
  'flutterwave-test-encryption-key': (s) => `FLWSECK_TEST${randomString(s, 12, HEX)}`,
  'braintree-access-token': (s) => `access_token$production$${randomString(`${s}m`, 16, LOWER36)}$${randomString(s, 32, HEX)}`,
  'braintree-sandbox-access-token': (s) => `access_token$sandbox$${randomString(`${s}m`, 16, LOWER36)}$${randomString(s, 32, HEX)}`,
  'hubspot-private-app-token': (s) => `pat-na1-${uuid(s)}`,
  'airtable-pat': (s) => `pat${randomString(`${s}a`, 14, BASE62)}.${randomString(s, 64, HEX)}`,
  'asana-pat': (s) => `1/${digits(`${s}id`, 16)}:${randomString(s, 32, HEX)}`,
  'dropbox-long-lived-token': (s) => `${randomString(`${s}a`, 11, BASE62)}${'A'.repeat(10)}${randomString(s, 43, BASE64URL)}`,
  'facebook-app-access-token': (s) => `${digits(`${s}id`, 15)}|${randomString(s, 27, BASE64URL)}`,
  'mapbox-secret-token': (s) => `sk.${base64Json({ u: 'acme', a: randomString(`${s}a`, 10, BASE62) }, 'base64url')}.${randomString(s, 22, BASE64URL)}`,
  'authress-access-key': (s) =>
    `sc_${randomString(`${s}a`, 10, BASE62)}.${randomString(`${s}b`, 5, BASE62)}.acc_${randomString(`${s}c`, 20, LOWER36)}.${randomString(s, 30, BASE64)}`,
  'maxmind-license-key': (s) => `${randomString(`${s}a`, 6, BASE62)}_${randomString(s, 29, BASE62)}_mmk`,
  'jwt-base64': (s) =>
    Buffer.from(hs256Jwt({ sub: 'svc', iat: 1_700_000_000 }, randomString(s, 32, BASE62)))
      .toString('base64')
      .replace(/=+$/, ''),
  'sidekiq-credentials': (s) => `${randomString(`${s}a`, 8, HEX)}:${randomString(s, 8, HEX)}`,
  'freemius-secret-key': (s) => `sk_${randomString(s, 29, BASE62)}`,
  'notion-integration-token': (s) => `ntn_${digits(`${s}id`, 11)}${randomString(s, 35, BASE62)}`,
  'vault-legacy-token': (s) => `s.${randomString(s, 23, BASE62)}7`,
};

/** UUID-shaped rows (heroku, snyk, hubspot…) share one builder. */
const UUID_SOURCE = /^\^\(\[0-9a-fA-F\]\{8\}\)-/;

/** Prefix + random characters of the body class, at the shortest body length. */
export function defaultSample(row: ProviderRow, seed: string): string {
  if (row.token.layout && UUID_SOURCE.test(row.token.layout.source)) return uuid(seed);
  const prefix = typeof row.token.prefix === 'string' ? row.token.prefix : (row.token.prefix?.[0] ?? '');
  const length = typeof row.token.length === 'number' ? row.token.length : row.token.length[0];
  return prefix + randomString(seed, length, classCharacters(row.token.body).join(''));
}

export function sampleToken(row: ProviderRow, seed = row.id): string {
  return (SAMPLES[row.id] ?? ((s: string) => defaultSample(row, s)))(seed);
}
