// Provider-format secret detectors: true examples and look-alikes per detector, exact offsets, and
// linear time on adversarial input. No credential-shaped literal appears in this file: every token is
// generated at run time from a seeded hash (a scanner reading the source sees prefixes only), with a
// valid checksum where the format has one.
import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { SecretDetector, SecretMatch } from '../../src/core/secrets/model';
import { handWrittenDetectors, providerDetectors } from '../../src/core/secrets/detectors';
import { awsDetector } from '../../src/core/secrets/detectors/aws';
import { azureSasDetector } from '../../src/core/secrets/detectors/azure-sas';
import { azureStorageKeyDetector } from '../../src/core/secrets/detectors/azure-storage-key';
import { gcpServiceAccountDetector } from '../../src/core/secrets/detectors/gcp-service-account';
import { githubDetector } from '../../src/core/secrets/detectors/github';
import { googleApiKeyDetector } from '../../src/core/secrets/detectors/google-api-key';
import { jwtDetector } from '../../src/core/secrets/detectors/jwt';
import { mailgunDetector } from '../../src/core/secrets/detectors/mailgun';
import { slackTokenDetector } from '../../src/core/secrets/detectors/slack-token';
import { slackWebhookDetector } from '../../src/core/secrets/detectors/slack-webhook';
import { twilioDetector } from '../../src/core/secrets/detectors/twilio';
import { encodeBase62 } from '../../src/core/secrets/detectors/support/base62';
import { hasValidCrc32Checksum } from '../../src/core/secrets/detectors/support/token-checksum';
import type { Severity } from '../../src/core/types';
import { assertGrowth } from './scaling';
import { randomString, seededBytes } from './secret-values';

/** A detector by id: the formats that became rows of the provider table keep their detector ids. */
function detectorById(id: string): SecretDetector {
  const detector = providerDetectors.find((candidate) => candidate.id === id);
  assert.ok(detector, `no detector ${id}`);
  return detector;
}

const anthropicDetector = detectorById('anthropic');
const npmDetector = detectorById('npm');
const openaiDetector = detectorById('openai');
const sendgridDetector = detectorById('sendgrid');
const stripeDetector = detectorById('stripe');

// ---------------------------------------------------------------------------------------------
// Deterministic random material

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64URL = `${BASE62}-_`;
const BASE64 = `${BASE62}+/`;
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const AWS_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** GitHub / npm layout: prefix + 30 random base62 + base62 CRC-32 of those 30, computed with Node's zlib. */
function checksummedToken(prefix: string, seed: string): string {
  const entropy = randomString(seed, 30, BASE62);
  return prefix + entropy + encodeBase62(crc32(entropy), 6);
}

/** Same layout with the checksum's last character changed. */
function withBrokenChecksum(token: string): string {
  const last = token[token.length - 1];
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

function base64url(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function hs256Jwt(payload: Record<string, unknown>, secret: string): string {
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// Table-driven checks

interface Expected {
  value: string;
  kind: string;
  severity: Severity;
  envName: string;
  related?: { value: string; kind: string }[];
}

interface Case {
  name: string;
  text: string;
  found: Expected[];
}

function describeMatch(match: SecretMatch) {
  return {
    kind: match.kind,
    start: match.start,
    end: match.end,
    severity: match.severity,
    envName: match.envName,
    ...(match.related ? { related: match.related.map(({ start, end, kind }) => ({ start, end, kind })) } : {}),
  };
}

function at(text: string, value: string): { start: number; end: number } {
  const start = text.indexOf(value);
  assert.ok(start >= 0, `test setup: ${value.slice(0, 12)}… is not in the text`);
  assert.equal(text.indexOf(value, start + 1), -1, `test setup: ${value.slice(0, 12)}… occurs twice`);
  return { start, end: start + value.length };
}

function expectedMatch(text: string, expected: Expected) {
  return {
    kind: expected.kind,
    ...at(text, expected.value),
    severity: expected.severity,
    envName: expected.envName,
    ...(expected.related ? { related: expected.related.map(({ value, kind }) => ({ ...at(text, value), kind })) } : {}),
  };
}

function runCases(detector: SecretDetector, cases: Case[]): void {
  for (const { name, text, found } of cases) {
    it(found.length > 0 ? `finds ${name}` : `ignores ${name}`, () => {
      const actual = detector.detect(text).map(describeMatch);
      assert.deepEqual(
        actual,
        found.map((expected) => expectedMatch(text, expected)),
      );
      if (found.length > 0)
        assert.ok(
          detector.keywords.some((keyword) => text.includes(keyword)),
          'the keyword pre-filter would skip this text',
        );
    });
  }
}

// ---------------------------------------------------------------------------------------------

describe('provider secret detectors', () => {
  describe('support', () => {
    it("verifies the checksum of therootcompany/base62-token.js's published example", () => {
      // The example's 30 random characters and its checksum, kept apart so that no token appears here.
      const entropy = 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ';
      assert.equal(encodeBase62(crc32(entropy), 6), '0mLq17');
      assert.equal(crc32('123456789'), 0xcbf43926); // the standard check value
      assert.ok(hasValidCrc32Checksum(`${entropy}0mLq17`));
      assert.ok(!hasValidCrc32Checksum(`${entropy}0mLq18`));
    });

    it('pads base62 checksums with leading zeros', () => {
      assert.equal(encodeBase62(0, 6), '000000');
      assert.equal(encodeBase62(61, 6), '00000z');
      assert.equal(encodeBase62(62, 6), '000010');
      assert.equal(encodeBase62(0xffffffff, 6), '4gfFC3');
    });
  });

  describe('index', () => {
    it('exports every detector once, each with keywords', () => {
      const ids = providerDetectors.map((detector) => detector.id);
      assert.equal(new Set(ids).size, ids.length);
      // The 16 original detectors: 11 still written by hand, 5 now rows of the provider table.
      assert.equal(handWrittenDetectors.length, 11);
      for (const id of [
        'aws',
        'github',
        'npm',
        'slack-token',
        'slack-webhook',
        'stripe',
        'openai',
        'anthropic',
        'google-api-key',
        'gcp-service-account',
        'azure-storage-key',
        'azure-sas',
        'twilio',
        'sendgrid',
        'mailgun',
        'jwt',
      ]) {
        assert.ok(ids.includes(id), id);
      }
      for (const detector of providerDetectors) assert.ok(detector.keywords.length > 0, detector.id);
    });
  });

  describe('aws', () => {
    const id = 'AKIA' + randomString('aws-id', 16, AWS_BASE32);
    const otherId = 'AKIA' + randomString('aws-id-2', 16, AWS_BASE32);
    const temporaryId = 'ASIA' + randomString('aws-sts', 16, AWS_BASE32);
    const secret = randomString('aws-secret', 40, BASE64);
    const farSecret = randomString('aws-secret-far', 40, BASE64);
    const documentedId = 'AKIA' + 'IOSFODNN7' + 'EXAMPLE';
    const documentedSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY';
    const idMatch = { kind: 'AWS access key ID', severity: 'error', envName: 'AWS_ACCESS_KEY_ID' } as const;
    const secretRelated = { value: secret, kind: 'AWS secret access key' };
    runCases(awsDetector, [
      { name: 'an access key id alone', text: `const keyId = "${id}";\n`, found: [{ value: id, ...idMatch }] },
      {
        name: 'an id and secret in a credentials file',
        text: `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\nregion = eu-west-1\n`,
        found: [{ value: id, ...idMatch, related: [secretRelated] }],
      },
      {
        name: 'a named secret far from its id',
        text: `AWS_ACCESS_KEY_ID=${id}\n${'# filler\n'.repeat(20)}AWS_SECRET_ACCESS_KEY=${secret}\n`,
        found: [{ value: id, ...idMatch, related: [secretRelated] }],
      },
      {
        name: 'a camelCase secretAccessKey in code',
        text: `new S3Client({\n  credentials: { accessKeyId: '${id}', secretAccessKey: '${secret}' },\n});\n`,
        found: [{ value: id, ...idMatch, related: [secretRelated] }],
      },
      {
        name: 'an unnamed secret on the line after its id (CSV export)',
        text: `Access key ID,Secret access key\n${id},${secret}\n`,
        found: [{ value: id, ...idMatch, related: [secretRelated] }],
      },
      {
        name: 'two ids, each with the secret nearest to it',
        text: `prod:\n  id: ${id}\n  key: ${secret}\n${'# -\n'.repeat(10)}staging:\n  id: ${otherId}\n  key: ${farSecret}\n`,
        found: [
          { value: id, ...idMatch, related: [secretRelated] },
          { value: otherId, ...idMatch, related: [{ value: farSecret, kind: 'AWS secret access key' }] },
        ],
      },
      {
        name: 'a temporary STS key id (warning)',
        text: `AWS_ACCESS_KEY_ID=${temporaryId}\n`,
        found: [{ value: temporaryId, kind: 'AWS temporary (STS) access key ID', severity: 'warning', envName: 'AWS_ACCESS_KEY_ID' }],
      },
      {
        name: 'an unnamed 40-character string far from the id',
        text: `id = ${id}\n${'\n'.repeat(10)}blob = ${farSecret}\n`,
        found: [{ value: id, ...idMatch }],
      },
      { name: 'a secret without any access key id', text: `aws_secret_access_key = ${secret}\n`, found: [] },
      {
        name: "an id with AWS's documented example secret",
        text: `aws_access_key_id = ${id}\naws_secret_access_key = ${documentedSecret}\n`,
        found: [{ value: id, ...idMatch }],
      },
      { name: "AWS's documented example keys", text: `aws_access_key_id = ${documentedId}\naws_secret_access_key = ${documentedSecret}\n`, found: [] },
      { name: 'a low-variety id', text: `id = AKIA${'X'.repeat(16)}\n`, found: [] },
      { name: 'an id with digits outside the base32 alphabet', text: `id = AKIA${randomString('aws-digits', 15, AWS_BASE32)}0\n`, found: [] },
      { name: 'an id glued inside a longer identifier', text: `x = AWS${id}\ny = ${id}_OLD\n`, found: [] },
      { name: 'an id with a wrong length', text: `id = ${id}Q\n`, found: [] },
      {
        name: 'a lowercase git SHA next to an id, not a secret',
        text: `${id}\ncommit ${randomString('sha', 40, HEX)}\n`,
        found: [{ value: id, ...idMatch }],
      },
    ]);
  });

  describe('github', () => {
    const pat = checksummedToken('ghp_', 'ghp');
    const oauth = checksummedToken('gho_', 'gho');
    const user = checksummedToken('ghu_', 'ghu');
    const installation = checksummedToken('ghs_', 'ghs');
    const refresh = checksummedToken('ghr_', 'ghr');
    const fineGrained = 'github_pat_' + randomString('fg1', 22, BASE62) + '_' + randomString('fg2', 59, BASE62);
    const farFuture = 4102444800; // 2100-01-01
    const statelessJwt = hs256Jwt({ iss: 'github', installation_id: 42, exp: farFuture }, randomString('ghs-key', 32, BASE62));
    const stateless = 'ghs_123456_' + statelessJwt;
    const expiredStateless = 'ghs_123456_' + hs256Jwt({ iss: 'github', exp: 1_000_000_000 }, randomString('ghs-key-2', 32, BASE62));
    const gh = (value: string, kind: string, envName = 'GITHUB_TOKEN', severity: Severity = 'error'): Expected => ({ value, kind, severity, envName });
    runCases(githubDetector, [
      { name: 'a classic personal access token', text: `GITHUB_TOKEN=${pat}\n`, found: [gh(pat, 'GitHub personal access token')] },
      { name: 'an OAuth token in JSON', text: `{"token": "${oauth}"}`, found: [gh(oauth, 'GitHub OAuth access token')] },
      { name: 'a user-to-server token', text: `token: ${user}`, found: [gh(user, 'GitHub App user access token')] },
      {
        name: 'an installation token in a clone URL',
        text: `git clone https://x-access-token:${installation}@github.com/o/r.git`,
        found: [gh(installation, 'GitHub App installation token')],
      },
      {
        name: 'a refresh token at the end of a sentence',
        text: `The refresh token is ${refresh}.`,
        found: [gh(refresh, 'GitHub App refresh token', 'GITHUB_REFRESH_TOKEN')],
      },
      {
        name: 'a fine-grained personal access token',
        text: `const token = '${fineGrained}';`,
        found: [gh(fineGrained, 'GitHub fine-grained personal access token')],
      },
      {
        name: 'a stateless installation token (warning)',
        text: `Authorization: token ${stateless}\n`,
        found: [gh(stateless, 'GitHub App installation token (stateless)', 'GITHUB_TOKEN', 'warning')],
      },
      {
        name: 'an expired stateless installation token (info)',
        text: `t=${expiredStateless}`,
        found: [gh(expiredStateless, 'GitHub App installation token (stateless)', 'GITHUB_TOKEN', 'info')],
      },
      { name: 'a token after an escaped line break', text: `"FOO=1\\nGITHUB_TOKEN=x\\n${pat}\\n"`, found: [gh(pat, 'GitHub personal access token')] },
      { name: 'a token with a wrong checksum', text: `GITHUB_TOKEN=${withBrokenChecksum(pat)}\n`, found: [] },
      { name: 'a random 36-character body without checksum', text: `t = ghp_${randomString('nochk', 36, BASE62)}`, found: [] },
      { name: 'ghp_ followed by 36 x', text: `t = ghp_${'x'.repeat(36)}`, found: [] },
      { name: 'a placeholder body with a valid checksum', text: `t = ghp_${'ab'.repeat(15)}${encodeBase62(crc32('ab'.repeat(15)), 6)}`, found: [] },
      { name: 'a token one character too long', text: `t = ${pat}Z`, found: [] },
      { name: 'a token glued to an identifier', text: `t = my${pat} and ${pat}_v2`, found: [] },
      {
        name: 'a fine-grained token with a wrong separator position',
        text: `t = github_pat_${randomString('fg3', 21, BASE62)}_${randomString('fg4', 60, BASE62)}`,
        found: [],
      },
      { name: 'a placeholder fine-grained token', text: `t = github_pat_${'X'.repeat(22)}_${'X'.repeat(59)}`, found: [] },
    ]);
  });

  describe('npm', () => {
    const token = checksummedToken('npm_', 'npm');
    runCases(npmDetector, [
      {
        name: 'a token in .npmrc',
        text: `//registry.npmjs.org/:_authToken=${token}\n`,
        found: [{ value: token, kind: 'npm access token', severity: 'error', envName: 'NPM_TOKEN' }],
      },
      { name: 'a token with a wrong checksum', text: `//registry.npmjs.org/:_authToken=${withBrokenChecksum(token)}\n`, found: [] },
      { name: 'a token glued to a longer word', text: `x${token} ${token}x`, found: [] },
      { name: 'npm_ followed by filler', text: `NPM_TOKEN=npm_${'0'.repeat(36)}`, found: [] },
    ]);
  });

  describe('slack tokens', () => {
    const digits = (seed: string, length: number) => randomString(seed, length, '123456789').slice(0, 1) + randomString(seed, length - 1, DIGITS);
    const bot = `xoxb-${digits('b1', 12)}-${digits('b2', 13)}-${randomString('b3', 24, BASE62)}`;
    const legacyBot = `xoxb-${digits('lb1', 12)}-${randomString('lb2', 24, BASE62)}`;
    const userToken = `xoxp-${digits('u1', 12)}-${digits('u2', 12)}-${digits('u3', 12)}-${randomString('u4', 32, HEX)}`;
    const workspace = `xoxa-2-${digits('a1', 12)}-${digits('a2', 12)}-${digits('a3', 13)}-${randomString('a4', 32, BASE62)}`;
    const refresh = `xoxr-${digits('r1', 12)}-${digits('r2', 12)}-${randomString('r3', 40, BASE62)}`;
    const session = `xoxs-${digits('s1', 10)}-${digits('s2', 10)}-${digits('s3', 10)}-${randomString('s4', 10, HEX)}`;
    const legacy = `xoxo-${digits('o1', 10)}-${digits('o2', 10)}-${digits('o3', 10)}-${randomString('o4', 32, HEX)}`;
    const app = `xapp-1-A${randomString('x1', 10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')}-${digits('x2', 13)}-${randomString('x3', 64, HEX)}`;
    const config = `xoxe.xoxp-1-${randomString('c1', 164, BASE62)}`;
    const configRefresh = `xoxe-1-${randomString('cr', 146, BASE62)}`;
    const slack = (value: string, kind: string, envName: string): Expected => ({ value, kind, severity: 'error', envName });
    runCases(slackTokenDetector, [
      { name: 'a bot token', text: `SLACK_BOT_TOKEN=${bot}\n`, found: [slack(bot, 'Slack bot token', 'SLACK_BOT_TOKEN')] },
      { name: 'a legacy bot token', text: `token: "${legacyBot}"`, found: [slack(legacyBot, 'Slack bot token', 'SLACK_BOT_TOKEN')] },
      { name: 'a user token', text: `client = WebClient(token='${userToken}')`, found: [slack(userToken, 'Slack user token', 'SLACK_USER_TOKEN')] },
      {
        name: 'a workspace access token',
        text: `"access_token": "${workspace}"`,
        found: [slack(workspace, 'Slack workspace access token', 'SLACK_ACCESS_TOKEN')],
      },
      { name: 'a workspace refresh token', text: `"refresh_token": "${refresh}"`, found: [slack(refresh, 'Slack refresh token', 'SLACK_REFRESH_TOKEN')] },
      { name: 'a legacy session token', text: `token=${session}&x=1`, found: [slack(session, 'Slack legacy session token', 'SLACK_TOKEN')] },
      { name: 'a legacy xoxo token', text: `token=${legacy}\n`, found: [slack(legacy, 'Slack legacy token', 'SLACK_TOKEN')] },
      { name: 'an app-level token', text: `SLACK_APP_TOKEN=${app}`, found: [slack(app, 'Slack app-level token', 'SLACK_APP_TOKEN')] },
      { name: 'a configuration token', text: `cfg = "${config}"`, found: [slack(config, 'Slack configuration access token', 'SLACK_CONFIG_TOKEN')] },
      {
        name: 'a configuration refresh token',
        text: `cfg = "${configRefresh}"`,
        found: [slack(configRefresh, 'Slack configuration refresh token', 'SLACK_CONFIG_REFRESH_TOKEN')],
      },
      { name: 'an x-filled bot token', text: `SLACK_BOT_TOKEN=xoxb-${'x'.repeat(12)}-${'x'.repeat(13)}-${'x'.repeat(24)}`, found: [] },
      { name: 'a bot token with filler ids', text: `SLACK_BOT_TOKEN=xoxb-000000000000-1234567890123-${randomString('b3', 24, BASE62)}`, found: [] },
      { name: 'a bot token with a sequential tail', text: `t = xoxb-${digits('b1', 12)}-${digits('b2', 13)}-abcdefghijklmnopqrstuvwx`, found: [] },
      { name: 'a truncated token', text: 'token = xoxb-12345-abcd234', found: [] },
      { name: 'a prose mention', text: 'Use a xoxb-your-bot-token here.', found: [] },
      { name: 'a token glued to a word', text: `my${bot} ${bot}_old`, found: [] },
    ]);
  });

  describe('slack webhooks', () => {
    const team = 'T' + randomString('team', 10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const url = `https://hooks.slack.com/services/${team}/B${randomString('hook', 10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')}/${randomString('hook-secret', 24, BASE62)}`;
    const workflow = `https://hooks.slack.com/workflows/${team}/A${randomString('wf', 10, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')}/${randomString('wf-id', 18, DIGITS)}/${randomString('wf-secret', 24, BASE62)}`;
    runCases(slackWebhookDetector, [
      {
        name: 'an incoming webhook URL',
        text: `SLACK_WEBHOOK_URL="${url}"\n`,
        found: [{ value: url, kind: 'Slack incoming webhook URL', severity: 'error', envName: 'SLACK_WEBHOOK_URL' }],
      },
      {
        name: 'a workflow webhook URL',
        text: `post(${JSON.stringify(workflow)})`,
        found: [{ value: workflow, kind: 'Slack workflow webhook URL', severity: 'error', envName: 'SLACK_WEBHOOK_URL' }],
      },
      { name: 'a placeholder URL', text: `url: https://hooks.slack.com/services/T${'0'.repeat(8)}/B${'0'.repeat(8)}/${'X'.repeat(24)}`, found: [] },
      { name: 'a URL with the secret cut short', text: `url: ${url.slice(0, -4)}`, found: [] },
      { name: 'the bare endpoint', text: 'POST to https://hooks.slack.com/services/ with your webhook path', found: [] },
    ]);
  });

  describe('stripe', () => {
    const live = 'sk_' + 'live_' + randomString('sk-live', 24, BASE62);
    const restricted = 'rk_' + 'live_' + randomString('rk-live', 99, BASE62);
    const test = 'sk_' + 'test_' + randomString('sk-test', 99, BASE62);
    const restrictedTest = 'rk_' + 'test_' + randomString('rk-test', 30, BASE62);
    runCases(stripeDetector, [
      {
        name: 'a live secret key',
        text: `Stripe::api_key = '${live}'`,
        found: [{ value: live, kind: 'Stripe live secret key', severity: 'error', envName: 'STRIPE_SECRET_KEY' }],
      },
      {
        name: 'a live restricted key',
        text: `STRIPE_KEY=${restricted}`,
        found: [{ value: restricted, kind: 'Stripe live restricted key', severity: 'error', envName: 'STRIPE_RESTRICTED_KEY' }],
      },
      {
        name: 'a test secret key (info)',
        text: `stripe.api_key = "${test}"`,
        found: [{ value: test, kind: 'Stripe test secret key', severity: 'info', envName: 'STRIPE_SECRET_KEY' }],
      },
      {
        name: 'a test restricted key (info)',
        text: `k: ${restrictedTest}`,
        found: [{ value: restrictedTest, kind: 'Stripe test restricted key', severity: 'info', envName: 'STRIPE_RESTRICTED_KEY' }],
      },
      { name: 'a publishable key', text: `const stripe = Stripe('pk_${'live_'}${randomString('pk', 99, BASE62)}');`, found: [] },
      { name: 'an x-filled live key', text: `STRIPE_SECRET_KEY='sk_live_${'x'.repeat(24)}'`, found: [] },
      { name: 'a placeholder live key', text: 'STRIPE_SECRET_KEY=sk_live_EXAMPLE_KEY_DO_NOT_USE', found: [] },
      { name: 'a live key that is too short', text: `key = sk_live_${randomString('short', 20, BASE62)}`, found: [] },
      { name: 'a live key glued to a word', text: `key = my${live}`, found: [] },
    ]);
  });

  describe('openai', () => {
    const half = (seed: string, length: number) => randomString(seed, length, BASE64URL);
    const marker = 'T3Blbk' + 'FJ';
    const project = `sk-proj-${half('p1', 74)}${marker}${half('p2', 74)}`;
    const service = `sk-svcacct-${half('s1', 74)}${marker}${half('s2', 74)}`;
    const admin = `sk-admin-${half('a1', 58)}${marker}${half('a2', 58)}`;
    const legacy = `sk-${randomString('l1', 20, BASE62)}${marker}${randomString('l2', 20, BASE62)}`;
    runCases(openaiDetector, [
      {
        name: 'a project key',
        text: `OPENAI_API_KEY=${project}\n`,
        found: [{ value: project, kind: 'OpenAI project API key', severity: 'error', envName: 'OPENAI_API_KEY' }],
      },
      {
        name: 'a service account key',
        text: `api_key="${service}"`,
        found: [{ value: service, kind: 'OpenAI service account key', severity: 'error', envName: 'OPENAI_API_KEY' }],
      },
      { name: 'an admin key', text: `key: ${admin}`, found: [{ value: admin, kind: 'OpenAI admin key', severity: 'error', envName: 'OPENAI_ADMIN_KEY' }] },
      {
        name: 'a legacy key',
        text: `openai.api_key = '${legacy}'`,
        found: [{ value: legacy, kind: 'OpenAI API key (legacy)', severity: 'error', envName: 'OPENAI_API_KEY' }],
      },
      { name: 'a project key without the marker', text: `OPENAI_API_KEY=sk-proj-${half('nm', 156)}`, found: [] },
      { name: 'a legacy key with the marker misplaced', text: `k = sk-${randomString('l3', 10, BASE62)}${marker}${randomString('l4', 30, BASE62)}`, found: [] },
      { name: 'a placeholder project key', text: `OPENAI_API_KEY=sk-proj-${'x'.repeat(74)}${marker}${'x'.repeat(74)}`, found: [] },
      { name: 'an elided key', text: 'OPENAI_API_KEY=sk-proj-...', found: [] },
    ]);
  });

  describe('anthropic', () => {
    const key = `sk-ant-api03-${randomString('ant', 93, BASE64URL)}AA`;
    const admin = `sk-ant-admin01-${randomString('ant-admin', 93, BASE64URL)}AA`;
    runCases(anthropicDetector, [
      {
        name: 'an API key',
        text: `ANTHROPIC_API_KEY=${key}\n`,
        found: [{ value: key, kind: 'Anthropic API key', severity: 'error', envName: 'ANTHROPIC_API_KEY' }],
      },
      {
        name: 'an admin key',
        text: `admin_key = "${admin}"`,
        found: [{ value: admin, kind: 'Anthropic admin API key', severity: 'error', envName: 'ANTHROPIC_ADMIN_KEY' }],
      },
      { name: 'an elided key', text: 'ANTHROPIC_API_KEY=sk-ant-api03-...', found: [] },
      { name: 'a key without the AA suffix', text: `k = sk-ant-api03-${randomString('ant', 93, BASE64URL)}BB`, found: [] },
      { name: 'a key one character short', text: `k = sk-ant-api03-${randomString('ant', 92, BASE64URL)}AA`, found: [] },
      { name: 'an x-filled key', text: `k = sk-ant-api03-${'x'.repeat(93)}AA`, found: [] },
    ]);
  });

  describe('google api keys', () => {
    const key = 'AIza' + randomString('google', 35, BASE64URL);
    const firebaseKey = 'AIza' + randomString('firebase', 35, BASE64URL);
    runCases(googleApiKeyDetector, [
      {
        name: 'a Maps key in a URL',
        text: `https://maps.googleapis.com/maps/api/geocode/json?key=${key}&address=x`,
        found: [{ value: key, kind: 'Google API key', severity: 'error', envName: 'GOOGLE_API_KEY' }],
      },
      {
        name: 'a Firebase web config key (info)',
        text: `const firebaseConfig = {\n  apiKey: "${firebaseKey}",\n  authDomain: "demo.firebaseapp.com",\n  projectId: "demo",\n};\n`,
        found: [{ value: firebaseKey, kind: 'Google API key (Firebase web config)', severity: 'info', envName: 'FIREBASE_API_KEY' }],
      },
      { name: 'a key one character short', text: `key=AIza${randomString('google', 34, BASE64URL)}`, found: [] },
      { name: 'a key glued into a longer string', text: `blob=QmFz${key}Zm9v`, found: [] },
      { name: 'a low-variety key', text: `apiKey: "AIza${'a'.repeat(35)}"`, found: [] },
    ]);
  });

  describe('gcp service account', () => {
    const body = seededBytes('gcp-key', 1200).toString('base64');
    const pemLines = body.match(/.{1,64}/g) ?? [];
    const privateKey = `-----BEGIN PRIVATE KEY-----\\n${pemLines.join('\\n')}\\n-----END PRIVATE KEY-----\\n`;
    const keyFile = (key: string, type = 'service_account') =>
      `{\n  "type": "${type}",\n  "project_id": "demo",\n  "private_key_id": "${randomString('kid', 40, HEX)}",\n  "private_key": "${key}",\n  "client_email": "ci@demo.iam.gserviceaccount.com"\n}\n`;
    const found: Expected[] = [
      { value: privateKey, kind: 'GCP service account private key', severity: 'error', envName: 'GOOGLE_APPLICATION_CREDENTIALS_JSON' },
    ];
    const escapedKey = privateKey.replace(/\\n/g, '\\\\n');
    runCases(gcpServiceAccountDetector, [
      { name: 'the private key of a key file', text: keyFile(privateKey), found },
      {
        name: 'a key file embedded in an escaped string',
        text: `GCP_CREDENTIALS="{\\"type\\": \\"service_account\\", \\"private_key\\": \\"${escapedKey}\\"}"\n`,
        found: [{ ...found[0], value: escapedKey }],
      },
      { name: 'a private key in another kind of JSON', text: keyFile(privateKey, 'authorized_user'), found: [] },
      { name: 'a key file with a placeholder key', text: keyFile('-----BEGIN PRIVATE KEY-----\\nMIIE...\\n-----END PRIVATE KEY-----\\n'), found: [] },
      {
        name: 'a key file with a low-variety key',
        text: keyFile(`-----BEGIN PRIVATE KEY-----\\n${'A'.repeat(1500)}\\n-----END PRIVATE KEY-----\\n`),
        found: [],
      },
      { name: 'a key file without a private key', text: keyFile('').replace('"private_key": "",\n', ''), found: [] },
    ]);
  });

  describe('azure storage account keys', () => {
    const key = seededBytes('azure-key', 64).toString('base64');
    const connection = (account: string, accountKey: string) =>
      `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    runCases(azureStorageKeyDetector, [
      {
        name: 'the key in a connection string',
        text: `"AzureWebJobsStorage": "${connection('prodstore', key)}"`,
        found: [{ value: key, kind: 'Azure Storage account key', severity: 'error', envName: 'AZURE_STORAGE_CONNECTION_STRING' }],
      },
      { name: 'the storage emulator account', text: `conn = "${connection('devstoreaccount1', key)}"`, found: [] },
      { name: 'a key one character short', text: connection('prodstore', key.slice(1)), found: [] },
      { name: 'a key with impossible padding bits', text: connection('prodstore', `${key.slice(0, 85)}B==`), found: [] },
      { name: 'a placeholder key', text: connection('prodstore', `${'A'.repeat(86)}==`), found: [] },
      { name: 'a placeholder word', text: connection('prodstore', '<your-account-key>'), found: [] },
    ]);
  });

  describe('azure shared access signatures', () => {
    const signature = encodeURIComponent(seededBytes('sas', 32).toString('base64'));
    const blobUrl = (expiry: string, sig = signature) => `https://prodstore.blob.core.windows.net/c/report.csv?sv=2022-11-02&se=${expiry}&sr=b&sp=r&sig=${sig}`;
    const found = (severity: Severity): Expected[] => [{ value: signature, kind: 'Azure shared access signature', severity, envName: 'AZURE_SAS_TOKEN' }];
    runCases(azureSasDetector, [
      { name: 'the signature of a blob SAS URL', text: `url = "${blobUrl('2099-01-01T00%3A00%3A00Z')}"`, found: found('error') },
      { name: 'an expired SAS (info)', text: `url = "${blobUrl('2020-01-01T00%3A00%3A00Z')}"`, found: found('info') },
      {
        name: 'the signature in a connection string',
        text: `BlobEndpoint=https://prodstore.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2099-01-01&sig=${signature}`,
        found: found('error'),
      },
      {
        name: 'a Service Bus SAS token',
        text: `SharedAccessSignature sr=https%3A%2F%2Fns.servicebus.windows.net%2Fq&sig=${signature}&se=4102444800&skn=RootManageSharedAccessKey`,
        found: found('error'),
      },
      { name: 'a sig parameter outside a SAS', text: `https://example.org/callback?user=1&sig=${signature}`, found: [] },
      { name: 'a signature of the wrong length', text: `url = "${blobUrl('2099-01-01', signature.slice(2))}"`, found: [] },
      { name: 'a placeholder signature', text: `url = "${blobUrl('2099-01-01', 'REDACTED')}"`, found: [] },
    ]);
  });

  describe('twilio', () => {
    const apiKeySid = 'SK' + randomString('tw-sk', 32, HEX);
    const accountSid = 'AC' + randomString('tw-ac', 32, HEX);
    const authToken = randomString('tw-token', 32, HEX);
    const sidFound: Expected = { value: apiKeySid, kind: 'Twilio API key SID', severity: 'warning', envName: 'TWILIO_API_KEY' };
    const tokenFound: Expected = { value: authToken, kind: 'Twilio auth token', severity: 'error', envName: 'TWILIO_AUTH_TOKEN' };
    runCases(twilioDetector, [
      { name: 'an API key SID (warning)', text: `TWILIO_API_KEY=${apiKeySid}\n`, found: [sidFound] },
      {
        name: 'an auth token assigned next to an account SID',
        text: `TWILIO_ACCOUNT_SID=${accountSid}\nTWILIO_AUTH_TOKEN=${authToken}\n`,
        found: [tokenFound],
      },
      { name: 'an auth token passed after the account SID', text: `const client = twilio('${accountSid}', '${authToken}');`, found: [tokenFound] },
      {
        name: 'an auth token as the basic-auth password',
        text: `curl -u ${accountSid}:${authToken} https://api.twilio.com/2010-04-01/Accounts.json`,
        found: [tokenFound],
      },
      { name: 'an authToken property', text: `{ accountSid: "${accountSid}", authToken: "${authToken}" }`, found: [tokenFound] },
      { name: 'an account SID alone', text: `TWILIO_ACCOUNT_SID=${accountSid}\n`, found: [] },
      { name: 'an auth token with no account SID in the file', text: `TWILIO_AUTH_TOKEN=${authToken}\n`, found: [] },
      { name: 'an unrelated hex value next to an account SID', text: `sid=${accountSid}\nchecksum=${authToken}\n`, found: [] },
      { name: 'an uppercase-hex SID', text: `k = SK${randomString('tw-up', 32, '0123456789ABCDEF')}`, found: [] },
      { name: 'a placeholder SID', text: `TWILIO_API_KEY=SK${'0'.repeat(32)}`, found: [] },
      { name: 'a SID glued to a word', text: `TASK${randomString('tw-sk', 32, HEX)}`, found: [] },
    ]);
  });

  describe('sendgrid', () => {
    const key = `SG.${randomString('sg1', 22, BASE64URL)}.${randomString('sg2', 43, BASE64URL)}`;
    const found: Expected[] = [{ value: key, kind: 'SendGrid API key', severity: 'error', envName: 'SENDGRID_API_KEY' }];
    runCases(sendgridDetector, [
      { name: 'a key in an env file', text: `SENDGRID_API_KEY=${key}\n`, found },
      { name: 'a key at the end of a sentence', text: `The key is ${key}.`, found },
      { name: 'a placeholder key', text: `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`, found: [] },
      { name: 'a short placeholder', text: 'SENDGRID_API_KEY=SG.your_sendgrid_api_key_here', found: [] },
      { name: 'a key with a short secret part', text: `k=${key.slice(0, -1)}`, found: [] },
      { name: 'a key glued to a word', text: `xSG.${randomString('sg1', 22, BASE64URL)}.${randomString('sg2', 43, BASE64URL)}`, found: [] },
    ]);
  });

  describe('mailgun', () => {
    const legacy = 'key-' + randomString('mg', 32, HEX);
    const current = `${randomString('mg-new', 32, HEX)}-${randomString('mg-id1', 8, HEX)}-${randomString('mg-id2', 8, HEX)}`;
    runCases(mailgunDetector, [
      {
        name: 'a prefixed key with Mailgun context',
        text: `MAILGUN_API_KEY=${legacy}\n`,
        found: [{ value: legacy, kind: 'Mailgun API key', severity: 'error', envName: 'MAILGUN_API_KEY' }],
      },
      {
        name: 'a prefixed key without context (warning)',
        text: `const k = "${legacy}";`,
        found: [{ value: legacy, kind: 'Mailgun API key', severity: 'warning', envName: 'MAILGUN_API_KEY' }],
      },
      {
        name: 'a current-format key next to the client',
        text: `const mg = mailgun.client({\n  username: 'api',\n  key: '${current}',\n});\n`,
        found: [{ value: current, kind: 'Mailgun API key', severity: 'error', envName: 'MAILGUN_API_KEY' }],
      },
      { name: 'a current-format value with no Mailgun context', text: `id = "${current}"`, found: [] },
      { name: 'a current-format value far from the Mailgun mention', text: `# mailgun settings below\n${'\n'.repeat(10)}id = "${current}"`, found: [] },
      { name: 'a public validation key', text: `MAILGUN_PUBLIC_KEY=pub${legacy}`, found: [] },
      { name: 'a prefixed key with uppercase hex', text: `MAILGUN_API_KEY=key-${randomString('mg-up', 32, '0123456789ABCDEF')}`, found: [] },
      { name: 'a placeholder key', text: `MAILGUN_API_KEY=key-${'0'.repeat(32)}`, found: [] },
    ]);
  });

  describe('jwt', () => {
    const key = randomString('jwt-key', 32, BASE62);
    const token = hs256Jwt({ sub: 'user-42', iat: 1_700_000_000 }, key);
    const futureToken = hs256Jwt({ sub: 'user-42', exp: 4102444800 }, key);
    const expiredToken = hs256Jwt({ sub: 'user-42', exp: 1_000_000_000 }, key);
    const unsigned = `${base64url({ alg: 'none' })}.${base64url({ sub: 'user-42' })}.`;
    const rs256 = `${base64url({ alg: 'RS256', kid: 'k1' })}.${base64url({ sub: 'svc' })}.${seededBytes('rsa-sig', 256).toString('base64url')}`;
    const jwtIoExample = hs256Jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 'your-256-bit-secret');
    const jwtFound = (value: string, severity: Severity = 'warning', kind = 'JSON Web Token'): Expected => ({ value, kind, severity, envName: 'AUTH_TOKEN' });

    it("rebuilds jwt.io's example token byte for byte", () => {
      assert.equal(createHash('sha256').update(jwtIoExample).digest('hex'), '7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606');
    });

    runCases(jwtDetector, [
      { name: 'a bearer token (warning)', text: `Authorization: Bearer ${token}\n`, found: [jwtFound(token)] },
      { name: 'a token with a future exp (warning)', text: `const t = "${futureToken}";`, found: [jwtFound(futureToken)] },
      { name: 'an expired token (info)', text: `token=${expiredToken}&next=1`, found: [jwtFound(expiredToken, 'info')] },
      { name: 'an RS256 token at the end of a sentence', text: `Use ${rs256}.`, found: [jwtFound(rs256)] },
      { name: 'an unsigned token (info)', text: `t = ${unsigned}\n`, found: [jwtFound(unsigned, 'info', 'Unsigned JSON Web Token (alg none)')] },
      { name: "jwt.io's example token", text: `const token = "${jwtIoExample}";`, found: [] },
      { name: 'a token without a signature', text: `t = ${token.slice(0, token.lastIndexOf('.') + 1)}`, found: [] },
      { name: 'a token with a truncated signature', text: `t = ${token.slice(0, -5)}`, found: [] },
      { name: 'a two-segment string', text: `t = ${token.slice(0, token.lastIndexOf('.'))}`, found: [] },
      { name: 'an unsigned token that carries a signature', text: `t = ${unsigned}${randomString('sig', 43, BASE64URL)}`, found: [] },
      { name: 'a header without alg', text: `t = ${base64url({ typ: 'JWT' })}.${base64url({ sub: 'x' })}.${randomString('s', 43, BASE64URL)}`, found: [] },
      {
        name: 'a payload that is not JSON',
        text: `t = ${base64url({ alg: 'HS256' })}.${Buffer.from('not json').toString('base64url')}.${randomString('s', 43, BASE64URL)}`,
        found: [],
      },
      { name: 'a header that is not JSON', text: `t = eyJub3QganNvbg.${base64url({ sub: 'x' })}.${randomString('s', 43, BASE64URL)}`, found: [] },
      {
        name: 'an encrypted token (five segments)',
        text: `t = ${token}.${randomString('jwe1', 22, BASE64URL)}.${randomString('jwe2', 22, BASE64URL)}`,
        found: [],
      },
      { name: 'a token glued to a word', text: `t = x${token} and a.${token}`, found: [] },
      { name: 'the JWT inside a GitHub stateless installation token', text: `t = ghs_123456_${futureToken}`, found: [] },
    ]);
  });

  describe('linear time on adversarial input', () => {
    const fill =
      (unit: string, prefix = '') =>
      (size: number) =>
        prefix + unit.repeat(Math.ceil((size - prefix.length) / unit.length));
    const validHex = randomString('adv-hex', 32, HEX);
    const validB64 = randomString('adv-b64', 40, BASE64);
    const awsId = 'AKIA' + randomString('adv-aws', 16, AWS_BASE32);
    const jwtSegment = base64url({ alg: 'HS256' });
    const adversarial: Record<string, ((size: number) => string)[]> = {
      aws: [fill('A', 'AKIA'), fill('AKIA'), fill(`${awsId}\n${validB64}\n`), fill('aB3/'), fill('AKIAQ')],
      github: [fill('a', 'ghp_'), fill('ghp_'), fill('a.', 'ghs_1_eyJ'), fill('a_', 'github_pat_'), fill('ghs_1_eyJa.')],
      npm: [fill('a', 'npm_'), fill('npm_')],
      'slack-token': [fill('1-', 'xoxb-'), fill('xoxb-'), fill('xoxe.xoxp-'), fill('a', 'xapp-1-')],
      'slack-webhook': [fill('T/', 'https://hooks.slack.com/services/'), fill('hooks.slack.com/services/')],
      stripe: [fill('a', 'sk_live_'), fill('sk_live_')],
      openai: [fill('a-', 'sk-proj-'), fill('sk-'), fill('sk-proj-T3BlbkFJ')],
      anthropic: [fill('A', 'sk-ant-api03-'), fill('sk-ant-api03-')],
      'google-api-key': [fill('a', 'AIza'), fill('AIza')],
      'gcp-service-account': [
        fill('A', '"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----'),
        fill('"private_key": "'),
        fill('"type":"service_account","private_key":"x",'),
        fill('\\"private_key\\": \\"', '\\"type\\": \\"service_account\\"'),
        fill(`"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----${'\\'.repeat(15000)}-----END PRIVATE KEY-----",`),
      ],
      'azure-storage-key': [fill('A', 'AccountKey='), fill('AccountKey='), fill(`;AccountKey=${seededBytes('adv-az', 64).toString('base64')}`)],
      'azure-sas': [fill('&sig='), fill(`&sv=1&sig=${encodeURIComponent(seededBytes('adv-sas', 32).toString('base64'))}`), fill('%2B', '?sv=1&sig=')],
      twilio: [fill('a', 'AC'), fill('SK'), fill(`AC${validHex} ${validHex} `), fill('abcdef0123456789')],
      sendgrid: [fill('a.', 'SG.'), fill('SG.')],
      mailgun: [fill('a', 'mailgun key-'), fill(`${validHex}-`, 'mailgun '), fill(`mailgun ${validHex}-${validHex.slice(0, 8)}-${validHex.slice(8, 16)}\n`)],
      jwt: [fill('a.', 'eyJ'), fill('eyJ'), fill(`${jwtSegment}.${jwtSegment}.${randomString('adv-sig', 43, BASE64URL)} `), fill('eyJa.')],
    };

    // The provider table as a whole has its own adversarial inputs (secret-providers.test.ts).
    it('has adversarial inputs for every hand-written detector', () => {
      const ids = providerDetectors.map((detector) => detector.id);
      for (const detector of handWrittenDetectors) assert.ok(detector.id in adversarial, detector.id);
      for (const id of Object.keys(adversarial)) assert.ok(ids.includes(id), id);
    });

    for (const detector of providerDetectors.filter((candidate) => candidate.id in adversarial)) {
      it(`${detector.id} scans adversarial strings in linear time`, async () => {
        for (const build of adversarial[detector.id] ?? []) await assertGrowth(build, (text) => detector.detect(text), 16 * 1024);
      });
    }
  });
});
