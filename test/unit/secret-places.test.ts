// Secrets written in the other places people put them (issue 16, item 5): connection URIs whose
// password holds unencoded reserved characters, passwords on command lines (compose, Dockerfiles,
// shell scripts, CI steps), .NET appsettings, Terraform variable defaults and literal fallbacks
// after an environment lookup — each with the safe look-alikes that must stay quiet.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { assertGrowth } from './scaling';
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
        return [
          finding.ruleId,
          finding.range.start.line + 1,
          finding.severity,
          finding.message.startsWith(start) ? start : finding.message,
          flaggedText(text, finding),
        ];
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
      {
        name: 'a port followed by a path holding `@`',
        path: 'notes.txt',
        text: 'see http://localhost:8080/users/jane@acme-corp.io for the profile\n',
        expected: [],
      },
      {
        name: 'a query holding an e-mail address',
        path: 'a.py',
        text: 'URL = "https://api.acme-corp.io:443/v1/invite?email=jane@acme-corp.io"\n',
        expected: [],
      },
      {
        name: 'a database URL with an e-mail in its query',
        path: 'a.py',
        text: 'URL = "postgres://db.acme-corp.io:5432/app?application_name=jane@acme-corp.io"\n',
        expected: [],
      },
      { name: 'a scoped package path', path: 'a.md', text: 'https://registry.npmjs.org:443/@types/node and https://medium.com/@someone/post\n', expected: [] },
    ]);
  });

  describe('passwords on command lines', () => {
    const requirepass = 'Hard-coded password in `--requirepass`';
    const dashP = 'Hard-coded password in `-p`';
    runCases([
      {
        name: 'redis-server --requirepass in a compose command string',
        path: 'docker-compose.yml',
        text: `services:\n  redis:\n    image: redis:7\n    command: redis-server --requirepass ${PW} --appendonly yes\n`,
        expected: [['generic-secret', 4, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-server --requirepass in a compose flow list',
        path: 'compose.yaml',
        text: `services:\n  redis:\n    command: ["redis-server", "--requirepass", "${PW}"]\n`,
        expected: [['generic-secret', 3, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-server --requirepass in a compose block list',
        path: 'docker-compose.yml',
        text: `services:\n  redis:\n    command:\n      - redis-server\n      - --requirepass\n      - ${PW}\n`,
        expected: [['generic-secret', 6, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-cli -a in a compose healthcheck',
        path: 'docker-compose.yml',
        text: `services:\n  redis:\n    healthcheck:\n      test: ["CMD", "redis-cli", "-a", "${PW}", "ping"]\n`,
        expected: [['generic-secret', 4, 'warning', 'Hard-coded password in `-a`', PW]],
      },
      {
        name: 'mysql -p inside sh -c in a folded compose command',
        path: 'docker-compose.yml',
        text: `services:\n  seed:\n    command: >\n      sh -c "mysql -h db -uroot\n      -p${PW} app < /seed.sql"\n`,
        expected: [['generic-secret', 5, 'warning', dashP, PW]],
      },
      {
        name: 'mysql -p… in a Dockerfile RUN',
        path: 'Dockerfile',
        text: `FROM mysql:8\nRUN mysqladmin -uroot -p${PW} create shop \\\n    && mysql -uroot -p${PW} shop < /seed.sql\n`,
        expected: [
          ['generic-secret', 2, 'warning', dashP, PW],
          ['generic-secret', 3, 'warning', dashP, PW],
        ],
      },
      {
        name: 'PGPASSWORD=… before psql in a Dockerfile RUN',
        path: 'Dockerfile',
        text: `FROM postgres:16\nRUN PGPASSWORD=${PW} psql -h db -U app -c 'select 1'\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `PGPASSWORD`', PW]],
      },
      {
        name: 'ENV PGPASSWORD=… in a Dockerfile',
        path: 'Dockerfile',
        text: `FROM postgres:16\nENV PGPASSWORD=${PW}\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `PGPASSWORD`', PW]],
      },
      {
        name: 'redis-server --requirepass in a Dockerfile exec-form CMD',
        path: 'redis/Dockerfile',
        text: `FROM redis:7\nCMD ["redis-server", "--requirepass", "${PW}"]\n`,
        expected: [['generic-secret', 2, 'warning', requirepass, PW]],
      },
      {
        name: "export PGPASSWORD and mysql -p'…' in a shell script",
        path: 'scripts/backup.sh',
        text: `#!/usr/bin/env bash\nset -euo pipefail\nexport PGPASSWORD=${PW}\npg_dump -h db -U app app > app.sql\nmysqldump -u root -p'${PW}' shop > shop.sql\n`,
        expected: [
          ['generic-secret', 3, 'warning', 'Hard-coded password in `PGPASSWORD`', PW],
          ['generic-secret', 5, 'warning', dashP, PW],
        ],
      },
      {
        name: 'a password variable in a script without an extension (shebang)',
        path: 'bin/deploy',
        text: `#!/bin/sh\nDB_PASSWORD="${PW}"\n./migrate --password "$DB_PASSWORD"\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'sshpass -p and docker login -p in a shell script',
        path: 'deploy.sh',
        text: `sshpass -p '${PW}' ssh -p 2222 deploy@app.acme-corp.io\ndocker login -u ci -p ${r('docker', 16)} registry.acme-corp.io\n`,
        expected: [
          ['generic-secret', 1, 'warning', dashP, PW],
          ['generic-secret', 2, 'warning', dashP, r('docker', 16)],
        ],
      },
      {
        name: 'a --password=… option and a -e NAME=… argument',
        path: 'run.sh',
        text: `mysql --password=${PW} shop\ndocker run -e POSTGRES_PASSWORD=${PW} postgres:16\n`,
        expected: [
          ['generic-secret', 1, 'warning', 'Hard-coded password in `--password`', PW],
          ['generic-secret', 2, 'warning', 'Hard-coded password in `POSTGRES_PASSWORD`', PW],
        ],
      },
      {
        name: 'mysql -p… in a GitHub Actions step',
        path: '.github/workflows/ci.yml',
        text: `jobs:\n  test:\n    steps:\n      - run: |\n          mysql -h 127.0.0.1 -uroot -p${PW} -e 'create database t'\n`,
        expected: [['generic-secret', 5, 'warning', dashP, PW]],
      },
      {
        name: '--requirepass in Kubernetes args (no command named)',
        path: 'k8s/redis.yaml',
        text: `spec:\n  containers:\n    - name: redis\n      image: redis:7\n      args:\n        - --requirepass\n        - ${PW}\n`,
        expected: [['generic-secret', 7, 'warning', requirepass, PW]],
      },
      {
        name: 'passwords of other tools, after wrappers and inside docker exec',
        path: 'scripts/ops.sh',
        text: [
          `docker login -u mysql -p ${PW} registry.acme-corp.io`,
          `docker exec -it db mysql -uroot -p${PW}`,
          `curl -u admin:${PW} https://api.acme-corp.io/health`,
          `sqlcmd -S db -U sa -P ${PW} -Q "select 1"`,
          `keytool -importkeystore -srcstorepass ${PW} -destkeystore x.p12`,
          `openssl pkcs12 -export -passout pass:${PW} -out x.p12`,
          `helm install db bitnami/postgresql --set auth.postgresPassword=${PW}`,
          `java -Dspring.datasource.password=${PW} -jar app.jar`,
          '',
        ].join('\n'),
        expected: [
          ['generic-secret', 1, 'warning', dashP, PW],
          ['generic-secret', 2, 'warning', dashP, PW],
          ['generic-secret', 3, 'warning', 'Hard-coded password in `-u`', PW],
          ['generic-secret', 4, 'warning', 'Hard-coded password in `-P`', PW],
          ['generic-secret', 5, 'warning', 'Hard-coded password in `-srcstorepass`', PW],
          ['generic-secret', 6, 'warning', 'Hard-coded password in `-passout`', PW],
          ['generic-secret', 7, 'warning', 'Hard-coded password in `auth.postgresPassword`', PW],
          ['generic-secret', 8, 'warning', 'Hard-coded password in `spring.datasource.password`', PW],
        ],
      },
      {
        name: 'a password in a form body, pair by pair',
        path: 'scripts/login.sh',
        text: `curl -d "username=admin&password=${PW}" https://api.acme-corp.io/login\ncurl -d "password=x&user=${PW}" https://api.acme-corp.io/login\n`,
        expected: [['generic-secret', 1, 'warning', 'Hard-coded password in `password`', PW]],
      },
      {
        name: 'secret mounts, secret names and prompts on command lines',
        path: 'scripts/build.sh',
        text: 'docker build --secret id=npmrc,src=.npmrc .\ndocker service create --secret db_password app\npsql --password -h db -U app\nopenssl genrsa -passout env:KEY_PASS 2048\nkeytool -genkey -storepass changeit\ncurl -u "$USER:$TOKEN" https://api.acme-corp.io\nssh-keygen -t ed25519 -N "" -f key\n',
        expected: [],
      },
      {
        name: 'a placeholder, a reference and a substitution after --requirepass',
        path: 'docker-compose.yml',
        text: 'services:\n  a:\n    command: redis-server --requirepass changeme\n  b:\n    command: redis-server --requirepass "$REDIS_PASSWORD"\n  c:\n    command: redis-server --requirepass ${REDIS_PASSWORD}\n  d:\n    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:?}"]\n',
        expected: [],
      },
      {
        name: '-p as a port or another flag',
        path: 'scripts/dev.sh',
        text: 'mkdir -p /var/lib/app\ndocker run -p 8080:80 -p 5432:5432 postgres:16\nssh -p 22 deploy@app.acme-corp.io\nredis-cli -h cache -p 6379 ping\npsql -h db -p 5432 -U app\nmysql -h db -P 3306 -u app -p shop\n',
        expected: [],
      },
      {
        name: 'passwords read at run time in scripts',
        path: 'scripts/restore.sh',
        text: 'export PGPASSWORD="$(cat /run/secrets/pg)"\nexport PGPASSWORD=$DB_PASSWORD\nmysql -uroot -p"$MYSQL_ROOT_PASSWORD" shop\ndocker login -u ci --password-stdin < token.txt\nPGPASSWORD=${PGPASSWORD:-} psql -h db\n',
        expected: [],
      },
      {
        name: 'well-known defaults and placeholders on command lines',
        path: 'scripts/local.sh',
        text: 'export PGPASSWORD=postgres\nmysql -uroot -proot shop\nmysql -uroot -ppassword shop\nredis-cli -a "<password>" ping\nexport API_TOKEN=xxx\n',
        expected: [],
      },
      {
        name: 'assignments in a text file that is not a script',
        path: 'docs/setup.txt',
        text: `export PGPASSWORD=${PW}\n`,
        expected: [],
      },
    ]);

    it('reads command lines in linear time', async () => {
      const script = (size: number) => `mysql -uroot -p${PW} -e 'select 1' && export PGPASSWORD="$(cat /run/x)" # ok\n`.repeat(Math.ceil(size / 80));
      await assertGrowth(script, (text) => analyze({ path: 'run.sh', text }), 16 * 1024);
      const compose = (size: number) => `services:\n${'  s:\n    command: ["redis-server", "--requirepass", "$$R"]\n'.repeat(Math.ceil(size / 60))}`;
      await assertGrowth(compose, (text) => analyze({ path: 'compose.yaml', text }), 16 * 1024);
    });

    it('says how to keep a Dockerfile RUN password out of the image instead of fixing it', async () => {
      const [finding] = await secretFindings('Dockerfile', `FROM mysql:8\nRUN mysql -uroot -p${PW} -e 'select 1'\n`);
      assert.match(finding.message, /build secret \(RUN --mount=type=secret\)/);
      assert.ok(!finding.fixes.some((fix) => fix.edits.length > 0));
    });
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
      {
        name: 'a password in a StackExchange.Redis configuration string',
        path: 'appsettings.Production.json',
        text: `{\n  "ConnectionStrings": {\n    "Redis": "acme.redis.cache.windows.net:6380,password=${SHARED_KEY},ssl=True,abortConnect=False"\n  }\n}\n`,
        expected: [['credentialed-uri', 3, 'error', 'Redis password in connection string in `Redis`', SHARED_KEY]],
      },
      {
        name: 'a Redis configuration string with a reference',
        path: 'appsettings.json',
        text: '{\n  "Redis": { "Configuration": "localhost:6379,password=${REDIS_PASSWORD},ssl=False" }\n}\n',
        expected: [],
      },
      { name: 'the storage emulator', path: 'appsettings.Development.json', text: connection('UseDevelopmentStorage=true'), expected: [] },
      {
        name: 'the storage emulator’s account',
        path: 'appsettings.Development.json',
        text: connection(
          `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${SHORT_ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
        ),
        expected: [],
      },
      {
        name: 'a placeholder account key',
        path: 'appsettings.json',
        text: connection('DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=<account-key>;EndpointSuffix=core.windows.net'),
        expected: [],
      },
      {
        name: 'a placeholder signing key and a token lifetime',
        path: 'appsettings.json',
        text: '{\n  "Jwt": { "Key": "your-256-bit-secret-key-here", "ExpiryMinutes": "60" }\n}\n',
        expected: [],
      },
      {
        name: 'a cache key and a key file path',
        path: 'appsettings.json',
        text: '{\n  "Cache": { "Key": "products-v2" },\n  "Tls": { "Key": "/etc/ssl/private/api.key" }\n}\n',
        expected: [],
      },
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

  describe('name/value pairs', () => {
    runCases([
      {
        name: 'a Kubernetes env value named by its name',
        path: 'k8s/api.yaml',
        text: `spec:\n  containers:\n    - name: api\n      env:\n        - name: LOG_LEVEL\n          value: debug\n        - name: DB_PASSWORD\n          value: "${PW}"\n`,
        expected: [['generic-secret', 8, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'an ECS task definition environment entry',
        path: 'deploy/task-definition.json',
        text: `{\n  "containerDefinitions": [{\n    "environment": [\n      { "name": "PORT", "value": "8080" },\n      { "name": "JWT_SECRET", "value": "${SECRET}" }\n    ]\n  }]\n}\n`,
        expected: [['generic-secret', 5, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET]],
      },
      {
        name: 'values from secrets, placeholders and names that are no secret',
        path: 'k8s/api.yaml',
        text: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\n  - name: API_TOKEN\n    value: "<api-token>"\n  - name: PASSWORD_MIN_LENGTH\n    value: "12"\n  - name: SECRET_NAME\n    value: prod/db/credentials\n',
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
        name: 'default= of os.getenv and of the settings libraries in Python',
        path: 'app/settings.py',
        text: `import os\nfrom decouple import config\nSECRET_KEY = config("SECRET_KEY", default="${SECRET}")\nDB_PASSWORD = os.getenv("DB_PASSWORD", default="${PW}")\n`,
        expected: [
          ['generic-secret', 3, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET],
          ['generic-secret', 4, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW],
        ],
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
        text: 'import os\nA = os.environ.get("DB_PASSWORD") or ""\nB = os.environ.get("SECRET_KEY") or "changeme"\nC = os.getenv("JWT_SECRET") or "dev-secret"\nD = os.environ.get("API_TOKEN") or None\nE = config("SECRET_KEY", default="change-me")\nF = config("DEBUG", default=False, cast=bool)\n',
        expected: [],
      },
      {
        name: '${VAR:-…} defaults in compose, Spring and shell',
        path: 'docker-compose.yml',
        text: `services:\n  api:\n    environment:\n      JWT_SECRET: \${JWT_SECRET:-${SECRET}}\n    command: redis-server --requirepass "\${REDIS_PASSWORD:-${PW}}"\n`,
        expected: [
          ['generic-secret', 4, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET],
          ['generic-secret', 5, 'warning', 'Hard-coded password in `--requirepass`', PW],
        ],
      },
      {
        name: 'a Spring placeholder default',
        path: 'src/main/resources/application.properties',
        text: `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=\${DB_PASSWORD:${PW}}\n`,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `spring.datasource.password`', PW]],
      },
      {
        name: 'required, empty, default and placeholder ${VAR…} values',
        path: 'docker-compose.yml',
        text: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n      DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n      API_TOKEN: ${API_TOKEN:-}\n      JWT_SECRET: ${JWT_SECRET:-change-me-in-production}\n      SESSION_SECRET: ${SESSION_SECRET:+${OTHER}}\n',
        expected: [],
      },
      {
        name: 'empty and placeholder fallbacks in JS',
        path: 'src/config.ts',
        text: 'export const a = process.env.JWT_SECRET || "";\nexport const b = process.env.DB_PASSWORD ?? "<password>";\n',
        expected: [],
      },
    ]);
  });

  describe('move to environment', () => {
    const cases: { name: string; path: string; text: string; fixed: string; envLine?: string }[] = [
      {
        name: 'replaces a compose command password with ${VAR}',
        path: 'docker-compose.yml',
        text: `services:\n  redis:\n    command: redis-server --requirepass ${PW}\n`,
        fixed: 'services:\n  redis:\n    command: redis-server --requirepass ${REDIS_PASSWORD}\n',
        envLine: `REDIS_PASSWORD=${PW}`,
      },
      {
        name: 'drops a compose default and keeps the variable the file reads',
        path: 'docker-compose.yml',
        text: `services:\n  api:\n    environment:\n      JWT_SECRET: "\${JWT_SECRET:-${SECRET}}"\n`,
        fixed: 'services:\n  api:\n    environment:\n      JWT_SECRET: "${JWT_SECRET}"\n',
        envLine: `JWT_SECRET=${SECRET}`,
      },
      {
        name: 'drops a settings library’s default and keeps its lookup (no import os)',
        path: 'app/settings.py',
        text: `from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="${SECRET}")\n`,
        fixed: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n',
      },
      {
        name: 'drops the Python `or` fallback and keeps the variable the code reads',
        path: 'app/settings.py',
        text: `import os\n\nDB_PASSWORD = os.environ.get("DB_PASSWORD") or "${PW}"\n`,
        fixed: 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n',
        envLine: `DB_PASSWORD=${PW}`,
      },
    ];
    for (const { name, path, text, fixed, envLine } of cases) {
      it(name, async () => {
        const [finding] = await secretFindings(path, text);
        const fix = finding.fixes.find((candidate) => candidate.title.startsWith('Move to environment'));
        assert.ok(fix, finding.message);
        assert.equal(applyTextEdits(text, fix.edits), fixed);
        if (envLine) assert.deepEqual(fix.files?.[0], { path: '.env', appendLines: [envLine], unlessPresent: true, sensitive: true });
      });
    }
  });
});
