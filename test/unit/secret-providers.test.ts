// The provider table, row by row: each row's true example (built at run time, see
// secret-provider-samples.ts) is found with the row's kind, exact range, severity and env name, and
// its look-alikes — placeholders, EXAMPLE, low-variety filler, a `<your-token>` slot, one character
// short, glued inside a longer identifier, or (context rows) assigned to a name that does not say
// whose credential it is — are not. Then the table as a whole: through the rule engine (one finding
// per credential, none left to generic-secret), against gitleaks' default rule ids, and in linear
// time on adversarial input.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/engine';
import { handWrittenDetectors, providerDetectors } from '../../src/core/secrets/detectors';
import type { SecretDetector } from '../../src/core/secrets/model';
import { providerTable, skippedGitleaksRules, tableDetectors, type ProviderRow } from '../../src/core/secrets/providers';
import { compileRow } from '../../src/core/secrets/providers/compile';
import { providerListMarkdown } from '../../src/core/secrets/providers/docs-table';
import { REPO_ROOT } from './helpers';
import { assertGrowth } from './scaling';
import { BASE62, HEX, sampleToken } from './secret-provider-samples';
import { randomString } from './secret-values';

function detectorOf(row: ProviderRow): SecretDetector {
  const detector = tableDetectors.find((candidate) => candidate.id === row.provider);
  assert.ok(detector, `no detector for ${row.provider}`);
  return detector;
}

function prefixesOf(row: ProviderRow): readonly string[] {
  return typeof row.token.prefix === 'string' ? [row.token.prefix] : (row.token.prefix ?? []);
}

/** The token split around its prefix literal: [lead, prefix, body] (context rows without a prefix: ['', '', value]). */
function parts(row: ProviderRow, token: string): [string, string, string] {
  for (const prefix of [...prefixesOf(row)].sort((a, b) => b.length - a.length)) {
    const at = row.token.lead ? token.indexOf(prefix) : token.startsWith(prefix) ? 0 : -1;
    if (at >= 0) return [token.slice(0, at), prefix, token.slice(at + prefix.length)];
  }
  return ['', '', token];
}

/** The token with `change` applied to its random parts (lead and body), the prefix kept. */
function changeRandomPart(row: ProviderRow, token: string, change: (part: string) => string): string {
  const [lead, prefix, body] = parts(row, token);
  return change(lead) + prefix + change(body);
}

const ALNUM = /[A-Za-z0-9]/g;
const xFilled = (part: string) => part.replace(ALNUM, 'x');
const abFilled = (part: string) => part.replace(ALNUM, (_, offset: number) => (offset % 2 === 0 ? 'a' : 'b'));
/** The part's last 7 characters become EXAMPLE (parts shorter than that are left alone). */
const withExample = (part: string) => (part.length < 7 ? part : `${part.slice(0, -7)}EXAMPLE`);

function contextWord(row: ProviderRow): string {
  return (row.context ?? [''])[0].toUpperCase().replace(/-/g, '_');
}

/** The variable a context row's true example is assigned to: `DATADOG_API_KEY`, `PLAID_CLIENT_SECRET`. */
function contextName(row: ProviderRow): string {
  if (row.nameGate === 'any') return (row.context ?? [''])[0];
  return `${contextWord(row)}_${row.nameGate === 'secret' ? 'CLIENT_SECRET' : 'API_KEY'}`;
}

/** Places a prefixed token gets pasted into, and assignment syntaxes for context rows; rows rotate through them. */
const PLACES: readonly ((token: string) => string)[] = [
  (token) => `TOKEN = "${token}"\n`,
  (token) => `token: ${token}\n`,
  (token) => `{"token": "${token}"}`,
  (token) => `Authorization: Bearer ${token}\n`,
  (token) => `# rotate ${token} soon\n`,
];
const ASSIGNMENTS: readonly ((name: string, value: string) => string)[] = [
  (name, value) => `${name}=${value}\n`,
  (name, value) => `  "${name}": "${value}",\n`,
  (name, value) => `${name}: ${value}\n`,
  (name, value) => `const ${name} = '${value}';\n`,
  (name, value) => `${name} = "${value}"\n`,
];

function placed(row: ProviderRow, index: number, token: string): string {
  return row.context ? ASSIGNMENTS[index % ASSIGNMENTS.length](contextName(row), token) : PLACES[index % PLACES.length](token);
}

function expectedMatch(row: ProviderRow, text: string, token: string) {
  const start = text.indexOf(token) + (row.reportBodyOnly ? parts(row, token)[1].length : 0);
  return {
    kind: row.kind,
    start,
    end: text.indexOf(token) + token.length,
    severity: row.severity ?? (row.context ? 'warning' : 'error'),
    envName: row.envName,
  };
}

function lookAlikes(row: ProviderRow, token: string): { name: string; text: string }[] {
  const place = (value: string) => (row.context ? `${contextName(row)} = "${value}"\n` : `TOKEN = "${value}"\n`);
  const [, prefix] = parts(row, token);
  const cases = [
    { name: 'an x-filled placeholder', text: place(changeRandomPart(row, token, xFilled)) },
    { name: 'an EXAMPLE placeholder', text: place(changeRandomPart(row, token, withExample)) },
    { name: 'low-variety filler', text: place(changeRandomPart(row, token, abFilled)) },
    { name: 'a <your-token> slot', text: place(`${prefix}<your-token>`) },
    { name: 'one character short', text: place(token.slice(0, -1)) },
  ];
  if (!row.context) return [...cases, { name: 'glued inside a longer identifier', text: `TOKEN = "my${token}"\n` }];
  const word = contextWord(row);
  cases.push({ name: 'assigned to a name without the provider word', text: `SERVICE_API_KEY = "${token}"\n` });
  cases.push({ name: 'the provider word glued inside another word', text: `MY${word}X_API_KEY = "${token}"\n` });
  if (row.nameGate !== 'any') cases.push({ name: 'a name that is not a credential', text: `${word}_DASHBOARD_URL = "${token}"\n` });
  return cases;
}

describe('provider table', () => {
  it('has unique row ids, one detector per provider, and every row compiles linear', () => {
    const ids = providerTable.map((row) => row.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      tableDetectors.map((detector) => detector.id),
      [...new Set(providerTable.map((row) => row.provider))],
    );
    for (const row of providerTable) assert.doesNotThrow(() => compileRow(row), row.id);
    const handWritten = new Set(handWrittenDetectors.map((detector) => detector.id));
    for (const detector of tableDetectors) assert.ok(!handWritten.has(detector.id), `${detector.id} is both hand-written and a table provider`);
  });

  it('refuses rows that could scan in more than linear time or have no prefix to scan for', () => {
    const base: ProviderRow = {
      id: 'bad',
      provider: 'bad',
      kind: 'Bad',
      token: { prefix: 'bad_', body: 'a-z', length: 10 },
      envName: 'BAD',
      docs: 'https://example.org',
    };
    assert.throws(() => compileRow({ ...base, token: { ...base.token, layout: /^bad_(?:[a-z]+)+$/ } }), /quantifies a group/);
    assert.throws(() => compileRow({ ...base, token: { ...base.token, layout: /bad_[a-z]{10}/ } }), /anchored/);
    assert.throws(() => compileRow({ ...base, token: { ...base.token, length: [10, 100_000] } }), /body length/);
    assert.throws(() => compileRow({ ...base, token: { body: 'a-z', length: 10 } }), /needs a prefix/);
    assert.throws(() => compileRow({ ...base, token: { ...base.token, body: '^a-z' } }), /negated/);
  });

  it('documents every row: kind, env name, https docs link', () => {
    for (const row of providerTable) {
      assert.match(row.docs, /^https:\/\/\S+$/, row.id);
      assert.match(row.envName, /^[A-Z][A-Z0-9_]*$/, row.id);
      assert.ok(row.kind.length > 0, row.id);
    }
  });

  providerTable.forEach((row, index) => {
    describe(row.id, () => {
      const token = sampleToken(row);
      const detector = detectorOf(row);

      it(`finds ${row.kind}`, () => {
        const text = placed(row, index, token);
        assert.deepEqual(detector.detect(text), [expectedMatch(row, text, token)]);
        const keywords = compileRow(row).keywords;
        assert.ok(
          keywords.some((keyword) => text.includes(keyword)),
          'the keyword pre-filter would skip this text',
        );
      });

      for (const lookAlike of lookAlikes(row, token)) {
        it(`ignores ${lookAlike.name}`, () => assert.deepEqual(detector.detect(lookAlike.text), []));
      }
    });
  });

  describe('formats with a place of their own', () => {
    const row = (id: string) => providerTable.find((candidate) => candidate.id === id)!;

    it('finds a Telegram token right after "bot" in a bot API URL', () => {
      const token = sampleToken(row('telegram-bot-token'));
      const text = `fetch("https://api.telegram.org/bot${token}/sendMessage")`;
      assert.deepEqual(detectorOf(row('telegram-bot-token')).detect(text), [expectedMatch(row('telegram-bot-token'), text, token)]);
      assert.deepEqual(detectorOf(row('telegram-bot-token')).detect(`robot${token}`), []);
    });

    it('finds a context row under camelCase, dotted and quoted names', () => {
      const datadog = row('datadog-api-key');
      const key = sampleToken(datadog);
      for (const text of [`datadogApiKey: "${key}"`, `config.datadog.api_key = '${key}'`, `export DATADOG_API_KEY=${key}`, `$datadog_key = "${key}";`]) {
        assert.deepEqual(detectorOf(datadog).detect(text), [expectedMatch(datadog, text, key)], text);
      }
      assert.deepEqual(detectorOf(datadog).detect(`if (DATADOG_API_KEY == "${key}")`), [], 'a comparison is not an assignment');
      assert.deepEqual(detectorOf(datadog).detect(`DATADOG_SEARCH_KEY = "${key}"`), [], 'a key named public or search-only');
    });

    it("skips ids and public keys that share a context row's shape", () => {
      const heroku = row('heroku-api-key');
      const uuid = sampleToken(heroku);
      assert.deepEqual(detectorOf(heroku).detect(`HEROKU_APP_ID = "${uuid}"`), []);
      assert.deepEqual(detectorOf(heroku).detect(`heroku_oauth_token: ${uuid}`), [expectedMatch(heroku, `heroku_oauth_token: ${uuid}`, uuid)]);
      const algolia = row('algolia-admin-key');
      const key = sampleToken(algolia);
      assert.deepEqual(detectorOf(algolia).detect(`ALGOLIA_SEARCH_API_KEY = "${key}"`), []);
      assert.deepEqual(detectorOf(algolia).detect(`ALGOLIA_ADMIN_API_KEY = "${key}"`).length, 1);
      const dropbox = row('dropbox-app-secret');
      const appValue = sampleToken(dropbox);
      assert.deepEqual(detectorOf(dropbox).detect(`DROPBOX_APP_KEY = "${appValue}"`), [], 'app keys are public ids of the same shape');
      assert.deepEqual(detectorOf(dropbox).detect(`DROPBOX_APP_SECRET = "${appValue}"`).length, 1);
    });

    it('verifies checksums: a changed character fails', () => {
      for (const id of ['npm-access-token', 'grafana-service-account-token', 'age-secret-key']) {
        const token = sampleToken(row(id));
        const last = token[token.length - 1];
        const broken = token.slice(0, -2) + (token[token.length - 2] === 'Q' ? 'P' : 'Q') + last;
        assert.deepEqual(detectorOf(row(id)).detect(`TOKEN = "${broken}"`), [], id);
      }
    });

    it('ends a token before the period that ends a sentence', () => {
      const planetscale = row('planetscale-password');
      const token = sampleToken(planetscale);
      const text = `The password is ${token}.`;
      assert.deepEqual(detectorOf(planetscale).detect(text), [expectedMatch(planetscale, text, token)]);
    });
  });
});

describe('provider table through the rules', () => {
  it('reports each row once, as provider-token, and leaves none to generic-secret', async function () {
    this.timeout(60_000);
    const lines = providerTable.map((row) =>
      row.context ? `${contextName(row)} = "${sampleToken(row)}"` : `TOKEN_${row.id.replace(/-/g, '_').toUpperCase()} = "${sampleToken(row)}"`,
    );
    const text = `${lines.join('\n')}\n`;
    const { findings } = await analyze({ path: 'app/settings.py', text });
    const secretFindings = findings.filter((finding) => finding.category === 'inline-secret');
    const byLine = new Map<number, string[]>();
    for (const finding of secretFindings)
      byLine.set(finding.range.start.line, [...(byLine.get(finding.range.start.line) ?? []), `${finding.ruleId}: ${finding.message}`]);
    providerTable.forEach((row, line) => {
      const reported = byLine.get(line) ?? [];
      assert.equal(reported.length, 1, `${row.id}: ${JSON.stringify(reported)}`);
      assert.ok(reported[0].startsWith(`provider-token: ${row.kind} in `), `${row.id}: ${reported[0]}`);
    });
  });

  it('keeps a Stripe key assigned to secret_key one Stripe finding (not also Freemius)', async () => {
    const key = ['sk', 'live', randomString('freemius-stripe', 24, BASE62)].join('_');
    const { findings } = await analyze({ path: 'wp/config.php', text: `<?php\n$config = array('secret_key' => '${key}');\n` });
    const secrets = findings.filter((finding) => finding.category === 'inline-secret');
    assert.deepEqual(
      secrets.map((finding) => finding.message.split(' in ')[0]),
      ['Stripe live secret key'],
    );
  });
});

/**
 * gitleaks' default rule ids (config/gitleaks.toml), read from the gitleaks repository. Each is a
 * row's, a hand-written detector's, or skipped with a reason (table/skipped.ts).
 */
const GITLEAKS_DEFAULT_RULES = `
1password-secret-key 1password-service-account-token adafruit-api-key adobe-client-id adobe-client-secret age-secret-key
airtable-api-key algolia-api-key alibaba-access-key-id alibaba-secret-key anthropic-admin-api-key anthropic-api-key
artifactory-api-key artifactory-reference-token asana-client-id asana-client-secret atlassian-api-token
authress-service-client-access-key aws-access-token azure-ad-client-secret beamer-api-token bitbucket-client-id
bitbucket-client-secret bittrex-access-key bittrex-secret-key cisco-meraki-api-key clickhouse-cloud-api-secret-key
clojars-api-token cloudflare-api-key cloudflare-global-api-key cloudflare-origin-ca-key codecov-access-token
cohere-api-token coinbase-access-token confluent-access-token confluent-secret-key contentful-delivery-api-token
curl-auth-header curl-auth-user database-password databricks-api-token datadog-access-token
defined-networking-api-token digitalocean-access-token digitalocean-pat digitalocean-refresh-token discord-api-token
discord-client-id discord-client-secret doppler-api-token droneci-access-token dropbox-api-token
dropbox-long-lived-api-token dropbox-short-lived-api-token duffel-api-token dynatrace-api-token easypost-api-token
easypost-test-api-token etsy-access-token facebook-access-token facebook-page-access-token facebook-secret
fastly-api-token finicity-api-token finicity-client-secret finnhub-access-token flickr-access-token
flutterwave-encryption-key flutterwave-public-key flutterwave-secret-key flyio-access-token frameio-api-token
freemius-secret-key freshbooks-access-token gcp-api-key generic-api-key github-app-token github-fine-grained-pat
github-oauth github-pat github-refresh-token gitlab-cicd-job-token gitlab-deploy-token gitlab-feature-flag-client-token
gitlab-feed-token gitlab-incoming-mail-token gitlab-kubernetes-agent-token gitlab-oauth-app-secret gitlab-pat
gitlab-pat-routable gitlab-ptt gitlab-rrt gitlab-runner-authentication-token gitlab-runner-authentication-token-routable
gitlab-scim-token gitlab-session-cookie gitter-access-token gocardless-api-token grafana-api-key grafana-cloud-api-token
grafana-service-account-token harness-api-key hashicorp-tf-api-token hashicorp-tf-password heroku-api-key
heroku-api-key-v2 hubspot-api-key huggingface-access-token huggingface-organization-api-token infracost-api-token
intercom-api-key intra42-client-secret jfrog-api-key jfrog-identity-token jwt jwt-base64 kraken-access-token
kubernetes-secret-yaml kucoin-access-token kucoin-secret-key launchdarkly-access-token linear-api-key
linear-client-secret linkedin-client-id linkedin-client-secret lob-api-key lob-pub-api-key mailchimp-api-key
mailgun-private-api-token mailgun-pub-key mailgun-signing-key mapbox-api-token mattermost-access-token
maxmind-license-key messagebird-api-token messagebird-client-id microsoft-teams-webhook netlify-access-token
new-relic-browser-api-token new-relic-insert-key new-relic-user-api-id new-relic-user-api-key notion-api-token
npm-access-token nuget-config-password nytimes-access-token octopus-deploy-api-key okta-access-token openai-api-key
openshift-user-token perplexity-api-key pkcs12-file plaid-api-token plaid-client-id plaid-secret-key
planetscale-api-token planetscale-oauth-token planetscale-password postman-api-token prefect-api-token private-key
privateai-api-token pulumi-api-token pypi-upload-token rapidapi-access-token readme-api-token rubygems-api-token
scalingo-api-token sendbird-access-id sendbird-access-token sendgrid-api-token sendinblue-api-token
sentry-access-token sentry-org-token sentry-user-token settlemint-application-access-token
settlemint-personal-access-token settlemint-service-access-token shippo-api-token shopify-access-token
shopify-custom-access-token shopify-private-app-access-token shopify-shared-secret sidekiq-secret
sidekiq-sensitive-url slack-app-token slack-bot-token slack-config-access-token slack-config-refresh-token
slack-legacy-bot-token slack-legacy-token slack-legacy-workspace-token slack-user-token slack-webhook-url
snyk-api-token sonar-api-token sourcegraph-access-token square-access-token squarespace-access-token
stripe-access-token sumologic-access-id sumologic-access-token telegram-bot-api-token travisci-access-token
twilio-api-key twitch-api-token twitter-access-secret twitter-access-token twitter-api-key twitter-api-secret
twitter-bearer-token typeform-api-token vault-batch-token vault-service-token yandex-access-token yandex-api-key
yandex-aws-access-token zendesk-secret-key
`
  .split(/\s+/)
  .filter(Boolean);

/** gitleaks rules that detectors written by hand (src/core/secrets/detectors) cover. */
const HAND_WRITTEN_COVERAGE: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws-access-token'],
  github: ['github-app-token', 'github-fine-grained-pat', 'github-oauth', 'github-pat', 'github-refresh-token'],
  'slack-token': [
    'slack-app-token',
    'slack-bot-token',
    'slack-config-access-token',
    'slack-config-refresh-token',
    'slack-legacy-bot-token',
    'slack-legacy-token',
    'slack-legacy-workspace-token',
    'slack-user-token',
  ],
  'slack-webhook': ['slack-webhook-url'],
  'google-api-key': ['gcp-api-key'],
  jwt: ['jwt'],
  twilio: ['twilio-api-key'],
  mailgun: ['mailgun-private-api-token', 'mailgun-signing-key'],
};

describe('coverage of gitleaks default rules', () => {
  const byRows = new Set(providerTable.flatMap((row) => row.gitleaks ?? []));
  const byHand = new Set(Object.values(HAND_WRITTEN_COVERAGE).flat());

  it('covers or deliberately skips every gitleaks default rule', () => {
    const uncovered = GITLEAKS_DEFAULT_RULES.filter((id) => !byRows.has(id) && !byHand.has(id) && !(id in skippedGitleaksRules));
    assert.deepEqual(uncovered, []);
  });

  it('skips only rules it does not also cover, each with a reason', () => {
    for (const [id, reason] of Object.entries(skippedGitleaksRules)) {
      assert.ok(GITLEAKS_DEFAULT_RULES.includes(id), `${id} is not a gitleaks default rule`);
      assert.ok(!byRows.has(id) && !byHand.has(id), `${id} is both covered and skipped`);
      assert.ok(reason.length > 20, id);
    }
    for (const id of Object.keys(HAND_WRITTEN_COVERAGE))
      assert.ok(
        providerDetectors.some((detector) => detector.id === id),
        id,
      );
  });

  it('covers at least the 190 provider rules of gitleaks default set', () => {
    const covered = GITLEAKS_DEFAULT_RULES.filter((id) => byRows.has(id) || byHand.has(id));
    assert.ok(covered.length >= 190, `${covered.length} covered`);
  });
});

describe('provider table in linear time on adversarial input', () => {
  const detect = (text: string) => {
    for (const detector of tableDetectors) detector.detect(text);
  };
  const rows = providerTable.map(compileRow);
  const prefixes = [...new Set(rows.flatMap((compiled) => compiled.prefixes))];
  const words = [...new Set(rows.flatMap((compiled) => compiled.spellings ?? []))];
  const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs: Record<string, (size: number) => string> = {
    'every prefix, back to back': (size) => repeatTo(prefixes.join(''), size),
    'every prefix before a long body run': (size) => prefixes.map((prefix) => prefix + 'aB3'.repeat(Math.ceil(size / prefixes.length / 3))).join(' '),
    'every provider word as a never-ending name': (size) => words.map((word) => repeatTo(`${word}_`, Math.ceil(size / words.length))).join('='),
    'every provider word assigned a never-ending value': (size) =>
      words.map((word) => `${word}_KEY = "${repeatTo(HEX, Math.ceil(size / words.length))}"`).join('\n'),
    'every provider word assigned, over and over': (size) => repeatTo(words.map((word) => `${word}_KEY=${randomString(word, 32, HEX)}\n`).join(''), size),
    'leads before their markers': (size) =>
      repeatTo(`${'1'.repeat(40)}:AA${'a'.repeat(20)}Q~${'f'.repeat(50)}NRAL${'a_'.repeat(30)}_mmk${'A'.repeat(20)}.atlasv1.`, size),
  };

  for (const [name, build] of Object.entries(inputs)) {
    it(name, async function () {
      this.timeout(120_000);
      await assertGrowth(build, detect, 16 * 1024);
    });
  }
});

describe('provider-token documentation', () => {
  it('lists every row of the provider table (npm run docs:rules)', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs/rules/provider-token.md'), 'utf8');
    assert.ok(page.includes(providerListMarkdown(providerTable)), 'docs/rules/provider-token.md is out of date: run npm run docs:rules');
  });
});
