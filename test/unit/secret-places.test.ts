// Secrets written in the other places people put them (issue 16, item 5): connection URIs whose
// password holds unencoded reserved characters, passwords on command lines (compose, Dockerfiles,
// shell scripts, CI steps), .NET appsettings, Terraform variable defaults and literal fallbacks
// after an environment lookup — each with the safe look-alikes that must stay quiet.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { randomBase62, randomString, seededBytes } from './secret-values';

/** Passwords and keys made at run time: no credential-shaped literal sits in this file. */
const PW = randomBase62('places-password', 14);
const SECRET = randomBase62('places-secret', 32);
const r = (seed: string, length: number) => randomBase62(`places-${seed}`, length);
/** An Azure-style account key: 64 random bytes in base64 (88 characters). */
const ACCOUNT_KEY = seededBytes('places-account-key', 64).toString('base64');
/** A shared access key of the Service Bus kind: 32 random bytes in base64 (44 characters). */
const SHARED_KEY = seededBytes('places-shared-key', 32).toString('base64');
/** A storage key that is not exactly 88 characters, so no provider format claims it. */
const SHORT_ACCOUNT_KEY = randomString('places-short-key', 60, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

/** One expected finding: rule, 1-based line, severity, the message's start, and the exact text flagged. */
type Expected = [ruleId: string, line: number, severity: string, messageStart: string, flagged: string];

interface Case {
  name: string;
  path: string;
  text: string;
  expected: Expected[];
}

async function secretFindings(path: string, text: string): Promise<Finding[]> {
  return (await analyze({ path, text })).findings.filter((finding) => finding.category === 'inline-secret');
}

function flaggedText(text: string, finding: Finding): string {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  const offset = (position: { line: number; character: number }) => starts[position.line] + position.character;
  return text.slice(offset(finding.range.start), offset(finding.range.end));
}

function runCases(cases: Case[]): void {
  for (const { name, path, text, expected } of cases) {
    it(expected.length ? `reports ${name}` : `does not report ${name}`, async () => {
      const found = await secretFindings(path, text);
      const actual = found.map((finding, index): Expected => {
        const start = expected[index]?.[3] ?? '';
        return [finding.ruleId, finding.range.start.line + 1, finding.severity, finding.message.startsWith(start) ? start : finding.message, flaggedText(text, finding)];
      });
      assert.deepEqual(actual, expected);
    });
  }
}

const URI = 'PostgreSQL password in connection URI in';

describe('secrets in other places', () => {
  describe('connection URIs whose password holds unencoded reserved characters', () => {
    const hashBang = `${r('u1', 5)}#${r('u2', 5)}!`;
    const atAndHash = `${r('u3', 4)}@${r('u4', 4)}#${r('u5', 4)}!`;
    const slashQuestion = `${r('u6', 5)}/${r('u7', 4)}?${r('u8', 3)}`;
    runCases([
      {
        name: '`#` and `!` in a PostgreSQL password (public host)',
        path: 'app/db.py',
        text: `DATABASE_URL = "postgres://app:${hashBang}@db.prod.acme-corp.io:5432/app"\n`,
        expected: [['credentialed-uri', 1, 'error', `${URI} \`DATABASE_URL\``, hashBang]],
      },
      {
        name: '`@`, `#` and `!` in a password on a compose service host',
        path: 'docker-compose.yml',
        text: `services:\n  api:\n    environment:\n      DATABASE_URL: postgres://app:${atAndHash}@db:5432/app\n`,
        expected: [['credentialed-uri', 4, 'warning', `${URI} \`DATABASE_URL\``, atAndHash]],
      },
      {
        name: '`/` and `?` in a MySQL password (private address)',
        path: 'src/db.ts',
        text: `export const url = "mysql://root:${slashQuestion}@10.0.4.12:3306/shop";\n`,
        expected: [['credentialed-uri', 1, 'warning', 'MySQL password in connection URI in `url`', slashQuestion]],
      },
      {
        name: 'a `?` in a Redis password with no user',
        path: 'config/cache.yml',
        text: `cache:\n  url: "redis://:${r('u9', 6)}?${r('u10', 6)}@cache.acme-corp.io:6379/0"\n`,
        expected: [['credentialed-uri', 2, 'error', 'Redis password in connection URI in `url`', `${r('u9', 6)}?${r('u10', 6)}`]],
      },
      {
        name: 'a `#` in a MongoDB password before a host list',
        path: 'app/settings.py',
        text: `MONGO_URI = "mongodb://svc:${hashBang}@mongo1.acme-corp.io:27017,mongo2.acme-corp.io:27017/app?replicaSet=rs0"\n`,
        expected: [['credentialed-uri', 1, 'error', 'MongoDB password in connection URI in `MONGO_URI`', hashBang]],
      },
      { name: 'a percent-encoded placeholder password', path: 'app/db.py', text: 'URL = "postgres://app:%3Cpassword%3E@db/app"\n', expected: [] },
      { name: 'an environment reference with a `#` after it', path: 'app/db.py', text: 'URL = "postgres://app:${DB_PASSWORD}@db/app#primary"\n', expected: [] },
      { name: 'a port followed by a path holding `@`', path: 'notes.txt', text: 'see http://localhost:8080/users/jane@acme-corp.io for the profile\n', expected: [] },
      { name: 'a query holding an e-mail address', path: 'a.py', text: 'URL = "https://api.acme-corp.io:443/v1/invite?email=jane@acme-corp.io"\n', expected: [] },
      { name: 'a database URL with an e-mail in its query', path: 'a.py', text: 'URL = "postgres://db.acme-corp.io:5432/app?application_name=jane@acme-corp.io"\n', expected: [] },
      { name: 'a scoped package path', path: 'a.md', text: 'https://registry.npmjs.org:443/@types/node and https://medium.com/@someone/post\n', expected: [] },
    ]);
  });

  describe('.NET appsettings', () => {
    const connection = (pairs: string) => `{\n  "ConnectionStrings": {\n    "Storage": "${pairs}"\n  }\n}\n`;
    runCases([
      {
        name: 'a JWT signing key under Jwt:Key',
        path: 'src/Api/appsettings.Production.json',
        text: `{\n  "Jwt": {\n    "Issuer": "https://api.acme-corp.io",\n    "Key": "${SECRET}"\n  }\n}\n`,
        expected: [['generic-secret', 4, 'warning', 'Hard-coded secret in `Jwt.Key`', SECRET]],
      },
      {
        name: 'an AccountKey in a storage connection string',
        path: 'appsettings.json',
        text: connection(`DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${SHORT_ACCOUNT_KEY};EndpointSuffix=core.windows.net`),
        expected: [['credentialed-uri', 3, 'error', 'Azure Storage account key in connection string in `Storage`', SHORT_ACCOUNT_KEY]],
      },
      {
        name: 'an 88-character AccountKey once (the provider rule’s)',
        path: 'appsettings.json',
        text: connection(`DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`),
        expected: [['provider-token', 3, 'error', 'Azure Storage account key in `Storage`', ACCOUNT_KEY]],
      },
      {
        name: 'a SharedAccessKey in a Service Bus connection string',
        path: 'appsettings.Staging.json',
        text: connection(`Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SHARED_KEY}`),
        expected: [['credentialed-uri', 3, 'error', 'Azure shared access key in connection string in `Storage`', SHARED_KEY]],
      },
      { name: 'the storage emulator', path: 'appsettings.Development.json', text: connection('UseDevelopmentStorage=true'), expected: [] },
      { name: 'the storage emulator’s account', path: 'appsettings.Development.json', text: connection(`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${SHORT_ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`), expected: [] },
      { name: 'a placeholder account key', path: 'appsettings.json', text: connection('DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=<account-key>;EndpointSuffix=core.windows.net'), expected: [] },
      { name: 'a placeholder signing key and a token lifetime', path: 'appsettings.json', text: '{\n  "Jwt": { "Key": "your-256-bit-secret-key-here", "ExpiryMinutes": "60" }\n}\n', expected: [] },
      { name: 'a cache key and a key file path', path: 'appsettings.json', text: '{\n  "Cache": { "Key": "products-v2" },\n  "Tls": { "Key": "/etc/ssl/private/api.key" }\n}\n', expected: [] },
    ]);
  });

  describe('Terraform variable defaults', () => {
    runCases([
      {
        name: 'a default for a password variable',
        path: 'infra/variables.tf',
        text: `variable "db_password" {\n  type    = string\n  default = "${PW}"\n}\n`,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded password in `db_password.default`', PW]],
      },
      {
        name: 'a default for a sensitive token variable',
        path: 'infra/variables.tf',
        text: `variable "api_token" {\n  sensitive = true\n  default   = "${SECRET}"\n}\n`,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded token in `api_token.default`', SECRET]],
      },
      {
        name: 'variables without a real default',
        path: 'infra/variables.tf',
        text: 'variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = ""\n}\nvariable "admin_password" {\n  type = string\n}\nvariable "api_key" {\n  default = "changeme"\n}\nvariable "password_length" {\n  default = "24"\n}\n',
        expected: [],
      },
    ]);
  });

  describe('literal fallbacks after an environment lookup', () => {
    runCases([
      {
        name: 'os.environ.get(…) or "…" in Python',
        path: 'app/settings.py',
        text: `import os\n\nDB_PASSWORD = os.environ.get("DB_PASSWORD") or "${PW}"\n`,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'os.getenv(…) or "…" in Python',
        path: 'app/settings.py',
        text: `import os\nSECRET_KEY = os.getenv("SECRET_KEY") or "${SECRET}"\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET]],
      },
      {
        name: 'os.getenv(…, "…") in Python',
        path: 'app/settings.py',
        text: `import os\nSECRET_KEY = os.getenv("SECRET_KEY", "${SECRET}")\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET]],
      },
      {
        name: 'process.env.X || "…" and ?? "…" in JS',
        path: 'src/config.js',
        text: `export const jwtSecret = process.env.JWT_SECRET || "${SECRET}";\nexport const dbPassword = process.env.DB_PASSWORD ?? '${PW}';\n`,
        expected: [
          ['generic-secret', 1, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET],
          ['generic-secret', 2, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW],
        ],
      },
      {
        name: 'empty, placeholder and dev-value fallbacks',
        path: 'app/settings.py',
        text: 'import os\nA = os.environ.get("DB_PASSWORD") or ""\nB = os.environ.get("SECRET_KEY") or "changeme"\nC = os.getenv("JWT_SECRET") or "dev-secret"\nD = os.environ.get("API_TOKEN") or None\n',
        expected: [],
      },
      {
        name: 'empty and placeholder fallbacks in JS',
        path: 'src/config.ts',
        text: 'export const a = process.env.JWT_SECRET || "";\nexport const b = process.env.DB_PASSWORD ?? "<password>";\n',
        expected: [],
      },
    ]);

    it('drops the Python fallback and keeps the variable the code reads', async () => {
      const text = `import os\n\nDB_PASSWORD = os.environ.get("DB_PASSWORD") or "${PW}"\n`;
      const [finding] = await secretFindings('app/settings.py', text);
      const fix = finding.fixes.find((candidate) => candidate.title.startsWith('Move to environment'));
      assert.ok(fix);
      assert.equal(applyTextEdits(text, fix.edits), 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n');
    });
  });
});
