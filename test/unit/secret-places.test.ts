// Secrets written in the other places people put them (issue 16, item 5): connection URIs whose
// password holds unencoded reserved characters, passwords on command lines (compose, Dockerfiles,
// shell scripts, CI steps), .NET appsettings, Terraform variable defaults and literal fallbacks
// after an environment lookup — each with the safe look-alikes that must stay quiet.
import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/engine';
import type { Severity } from '../../src/core/types';
import { dedent, RuleTester, startsWith, type ExpectedFinding } from './rule-tester';
import { assertGrowth } from './scaling';
import { moveToEnvFiles, RECORD_FALSE_POSITIVE } from './secret-fixes';
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
type Expected = [ruleId: string, line: number, severity: Severity, messageStart: string, flagged: string];

interface Case {
  name: string;
  path: string;
  text: string;
  expected: Expected[];
}

const tester = new RuleTester({ category: 'inline-secret' });

function asFinding([ruleId, line, severity, messageStart, flagged]: Expected): ExpectedFinding {
  return { ruleId, line, severity, message: startsWith(messageStart), flagged };
}

function runCases(cases: Case[]): void {
  tester.run({
    invalid: cases
      .filter(({ expected }) => expected.length > 0)
      .map(({ name, path, text, expected }) => ({ name, path, code: text, errors: expected.map(asFinding) })),
    valid: cases.filter(({ expected }) => expected.length === 0).map(({ name, path, text }) => ({ name, path, code: text })),
  });
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
        text: dedent`
          services:
            api:
              environment:
                DATABASE_URL: postgres://app:${atAndHash}@db:5432/app
        `,
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
        text: dedent`
          cache:
            url: "redis://:${r('u9', 6)}?${r('u10', 6)}@cache.acme-corp.io:6379/0"
        `,
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
        text: dedent`
          services:
            redis:
              image: redis:7
              command: redis-server --requirepass ${PW} --appendonly yes
        `,
        expected: [['generic-secret', 4, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-server --requirepass in a compose flow list',
        path: 'compose.yaml',
        text: dedent`
          services:
            redis:
              command: ["redis-server", "--requirepass", "${PW}"]
        `,
        expected: [['generic-secret', 3, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-server --requirepass in a compose block list',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            redis:
              command:
                - redis-server
                - --requirepass
                - ${PW}
        `,
        expected: [['generic-secret', 6, 'warning', requirepass, PW]],
      },
      {
        name: 'redis-cli -a in a compose healthcheck',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            redis:
              healthcheck:
                test: ["CMD", "redis-cli", "-a", "${PW}", "ping"]
        `,
        expected: [['generic-secret', 4, 'warning', 'Hard-coded password in `-a`', PW]],
      },
      {
        name: 'mysql -p inside sh -c in a folded compose command',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            seed:
              command: >
                sh -c "mysql -h db -uroot
                -p${PW} app < /seed.sql"
        `,
        expected: [['generic-secret', 5, 'warning', dashP, PW]],
      },
      {
        name: 'mysql -p… in a Dockerfile RUN',
        path: 'Dockerfile',
        text: dedent`
          FROM mysql:8
          RUN mysqladmin -uroot -p${PW} create shop \\
              && mysql -uroot -p${PW} shop < /seed.sql
        `,
        expected: [
          ['generic-secret', 2, 'warning', dashP, PW],
          ['generic-secret', 3, 'warning', dashP, PW],
        ],
      },
      {
        name: 'PGPASSWORD=… before psql in a Dockerfile RUN',
        path: 'Dockerfile',
        text: dedent`
          FROM postgres:16
          RUN PGPASSWORD=${PW} psql -h db -U app -c 'select 1'
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `PGPASSWORD`', PW]],
      },
      {
        name: 'ENV PGPASSWORD=… in a Dockerfile',
        path: 'Dockerfile',
        text: dedent`
          FROM postgres:16
          ENV PGPASSWORD=${PW}
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `PGPASSWORD`', PW]],
      },
      {
        name: 'redis-server --requirepass in a Dockerfile exec-form CMD',
        path: 'redis/Dockerfile',
        text: dedent`
          FROM redis:7
          CMD ["redis-server", "--requirepass", "${PW}"]
        `,
        expected: [['generic-secret', 2, 'warning', requirepass, PW]],
      },
      {
        name: "export PGPASSWORD and mysql -p'…' in a shell script",
        path: 'scripts/backup.sh',
        text: dedent`
          #!/usr/bin/env bash
          set -euo pipefail
          export PGPASSWORD=${PW}
          pg_dump -h db -U app app > app.sql
          mysqldump -u root -p'${PW}' shop > shop.sql
        `,
        expected: [
          ['generic-secret', 3, 'warning', 'Hard-coded password in `PGPASSWORD`', PW],
          ['generic-secret', 5, 'warning', dashP, PW],
        ],
      },
      {
        name: 'a password variable in a script without an extension (shebang)',
        path: 'bin/deploy',
        text: dedent`
          #!/bin/sh
          DB_PASSWORD="${PW}"
          ./migrate --password "$DB_PASSWORD"
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'sshpass -p and docker login -p in a shell script',
        path: 'deploy.sh',
        text: dedent`
          sshpass -p '${PW}' ssh -p 2222 deploy@app.acme-corp.io
          docker login -u ci -p ${r('docker', 16)} registry.acme-corp.io
        `,
        expected: [
          ['generic-secret', 1, 'warning', dashP, PW],
          ['generic-secret', 2, 'warning', dashP, r('docker', 16)],
        ],
      },
      {
        name: 'a --password=… option and a -e NAME=… argument',
        path: 'run.sh',
        text: dedent`
          mysql --password=${PW} shop
          docker run -e POSTGRES_PASSWORD=${PW} postgres:16
        `,
        expected: [
          ['generic-secret', 1, 'warning', 'Hard-coded password in `--password`', PW],
          ['generic-secret', 2, 'warning', 'Hard-coded password in `POSTGRES_PASSWORD`', PW],
        ],
      },
      {
        name: 'mysql -p… in a GitHub Actions step',
        path: '.github/workflows/ci.yml',
        text: dedent`
          jobs:
            test:
              steps:
                - run: |
                    mysql -h 127.0.0.1 -uroot -p${PW} -e 'create database t'
        `,
        expected: [['generic-secret', 5, 'warning', dashP, PW]],
      },
      {
        name: '--requirepass in Kubernetes args (no command named)',
        path: 'k8s/redis.yaml',
        text: dedent`
          spec:
            containers:
              - name: redis
                image: redis:7
                args:
                  - --requirepass
                  - ${PW}
        `,
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
        text: dedent`
          curl -d "username=admin&password=${PW}" https://api.acme-corp.io/login
          curl -d "password=x&user=${PW}" https://api.acme-corp.io/login
        `,
        expected: [['generic-secret', 1, 'warning', 'Hard-coded password in `password`', PW]],
      },
      {
        name: 'secret mounts, secret names and prompts on command lines',
        path: 'scripts/build.sh',
        text: dedent`
          docker build --secret id=npmrc,src=.npmrc .
          docker service create --secret db_password app
          psql --password -h db -U app
          openssl genrsa -passout env:KEY_PASS 2048
          keytool -genkey -storepass changeit
          curl -u "$USER:$TOKEN" https://api.acme-corp.io
          ssh-keygen -t ed25519 -N "" -f key
        `,
        expected: [],
      },
      {
        name: 'a placeholder, a reference and a substitution after --requirepass',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            a:
              command: redis-server --requirepass changeme
            b:
              command: redis-server --requirepass "$REDIS_PASSWORD"
            c:
              command: redis-server --requirepass \${REDIS_PASSWORD}
            d:
              command: ["redis-server", "--requirepass", "\${REDIS_PASSWORD:?}"]
        `,
        expected: [],
      },
      {
        name: '-p as a port or another flag',
        path: 'scripts/dev.sh',
        text: dedent`
          mkdir -p /var/lib/app
          docker run -p 8080:80 -p 5432:5432 postgres:16
          ssh -p 22 deploy@app.acme-corp.io
          redis-cli -h cache -p 6379 ping
          psql -h db -p 5432 -U app
          mysql -h db -P 3306 -u app -p shop
        `,
        expected: [],
      },
      {
        name: 'passwords read at run time in scripts',
        path: 'scripts/restore.sh',
        text: dedent`
          export PGPASSWORD="$(cat /run/secrets/pg)"
          export PGPASSWORD=$DB_PASSWORD
          mysql -uroot -p"$MYSQL_ROOT_PASSWORD" shop
          docker login -u ci --password-stdin < token.txt
          PGPASSWORD=\${PGPASSWORD:-} psql -h db
        `,
        expected: [],
      },
      {
        name: 'well-known defaults and placeholders on command lines',
        path: 'scripts/local.sh',
        text: dedent`
          export PGPASSWORD=postgres
          mysql -uroot -proot shop
          mysql -uroot -ppassword shop
          redis-cli -a "<password>" ping
          export API_TOKEN=xxx
        `,
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
      const finding = await tester.only({
        path: 'Dockerfile',
        code: dedent`
          FROM mysql:8
          RUN mysql -uroot -p${PW} -e 'select 1'
        `,
      });
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
        text: dedent`
          {
            "Jwt": {
              "Issuer": "https://api.acme-corp.io",
              "Key": "${SECRET}"
            }
          }
        `,
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
        text: dedent`
          {
            "ConnectionStrings": {
              "Redis": "acme.redis.cache.windows.net:6380,password=${SHARED_KEY},ssl=True,abortConnect=False"
            }
          }
        `,
        expected: [['credentialed-uri', 3, 'error', 'Redis password in connection string in `Redis`', SHARED_KEY]],
      },
      {
        name: 'a Redis configuration string with a reference',
        path: 'appsettings.json',
        text: dedent`
          {
            "Redis": { "Configuration": "localhost:6379,password=\${REDIS_PASSWORD},ssl=False" }
          }
        `,
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
        text: dedent`
          {
            "Jwt": { "Key": "your-256-bit-secret-key-here", "ExpiryMinutes": "60" }
          }
        `,
        expected: [],
      },
      {
        name: 'a cache key and a key file path',
        path: 'appsettings.json',
        text: dedent`
          {
            "Cache": { "Key": "products-v2" },
            "Tls": { "Key": "/etc/ssl/private/api.key" }
          }
        `,
        expected: [],
      },
    ]);
  });

  describe('Terraform variable defaults', () => {
    runCases([
      {
        name: 'a default for a password variable',
        path: 'infra/variables.tf',
        text: dedent`
          variable "db_password" {
            type    = string
            default = "${PW}"
          }
        `,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded password in `db_password.default`', PW]],
      },
      {
        name: 'a default for a sensitive token variable',
        path: 'infra/variables.tf',
        text: dedent`
          variable "api_token" {
            sensitive = true
            default   = "${SECRET}"
          }
        `,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded token in `api_token.default`', SECRET]],
      },
      {
        name: 'variables without a real default',
        path: 'infra/variables.tf',
        text: dedent`
          variable "db_password" {
            type      = string
            sensitive = true
            default   = ""
          }
          variable "admin_password" {
            type = string
          }
          variable "api_key" {
            default = "changeme"
          }
          variable "password_length" {
            default = "24"
          }
        `,
        expected: [],
      },
    ]);
  });

  describe('name/value pairs', () => {
    runCases([
      {
        name: 'a Kubernetes env value named by its name',
        path: 'k8s/api.yaml',
        text: dedent`
          spec:
            containers:
              - name: api
                env:
                  - name: LOG_LEVEL
                    value: debug
                  - name: DB_PASSWORD
                    value: "${PW}"
        `,
        expected: [['generic-secret', 8, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'an ECS task definition environment entry',
        path: 'deploy/task-definition.json',
        text: dedent`
          {
            "containerDefinitions": [{
              "environment": [
                { "name": "PORT", "value": "8080" },
                { "name": "JWT_SECRET", "value": "${SECRET}" }
              ]
            }]
          }
        `,
        expected: [['generic-secret', 5, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET]],
      },
      {
        name: 'values from secrets, placeholders and names that are no secret',
        path: 'k8s/api.yaml',
        text: dedent`
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: db, key: password }
            - name: API_TOKEN
              value: "<api-token>"
            - name: PASSWORD_MIN_LENGTH
              value: "12"
            - name: SECRET_NAME
              value: prod/db/credentials
        `,
        expected: [],
      },
    ]);
  });

  describe('literal fallbacks after an environment lookup', () => {
    runCases([
      {
        name: 'os.environ.get(…) or "…" in Python',
        path: 'app/settings.py',
        text: dedent`
          import os

          DB_PASSWORD = os.environ.get("DB_PASSWORD") or "${PW}"
        `,
        expected: [['generic-secret', 3, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW]],
      },
      {
        name: 'os.getenv(…) or "…" in Python',
        path: 'app/settings.py',
        text: dedent`
          import os
          SECRET_KEY = os.getenv("SECRET_KEY") or "${SECRET}"
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET]],
      },
      {
        name: 'os.getenv(…, "…") in Python',
        path: 'app/settings.py',
        text: dedent`
          import os
          SECRET_KEY = os.getenv("SECRET_KEY", "${SECRET}")
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET]],
      },
      {
        name: 'default= of os.getenv and of the settings libraries in Python',
        path: 'app/settings.py',
        text: dedent`
          import os
          from decouple import config
          SECRET_KEY = config("SECRET_KEY", default="${SECRET}")
          DB_PASSWORD = os.getenv("DB_PASSWORD", default="${PW}")
        `,
        expected: [
          ['generic-secret', 3, 'warning', 'Hard-coded secret in `SECRET_KEY`', SECRET],
          ['generic-secret', 4, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW],
        ],
      },
      {
        name: 'process.env.X || "…" and ?? "…" in JS',
        path: 'src/config.js',
        text: dedent`
          export const jwtSecret = process.env.JWT_SECRET || "${SECRET}";
          export const dbPassword = process.env.DB_PASSWORD ?? '${PW}';
        `,
        expected: [
          ['generic-secret', 1, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET],
          ['generic-secret', 2, 'warning', 'Hard-coded password in `DB_PASSWORD`', PW],
        ],
      },
      {
        name: 'empty, placeholder and dev-value fallbacks',
        path: 'app/settings.py',
        text: dedent`
          import os
          A = os.environ.get("DB_PASSWORD") or ""
          B = os.environ.get("SECRET_KEY") or "changeme"
          C = os.getenv("JWT_SECRET") or "dev-secret"
          D = os.environ.get("API_TOKEN") or None
          E = config("SECRET_KEY", default="change-me")
          F = config("DEBUG", default=False, cast=bool)
        `,
        expected: [],
      },
      {
        name: '${VAR:-…} defaults in compose, Spring and shell',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            api:
              environment:
                JWT_SECRET: \${JWT_SECRET:-${SECRET}}
              command: redis-server --requirepass "\${REDIS_PASSWORD:-${PW}}"
        `,
        expected: [
          ['generic-secret', 4, 'warning', 'Hard-coded secret in `JWT_SECRET`', SECRET],
          ['generic-secret', 5, 'warning', 'Hard-coded password in `--requirepass`', PW],
        ],
      },
      {
        name: 'a Spring placeholder default',
        path: 'src/main/resources/application.properties',
        text: dedent`
          spring.datasource.url=jdbc:postgresql://db:5432/app
          spring.datasource.password=\${DB_PASSWORD:${PW}}
        `,
        expected: [['generic-secret', 2, 'warning', 'Hard-coded password in `spring.datasource.password`', PW]],
      },
      {
        name: 'required, empty, default and placeholder ${VAR…} values',
        path: 'docker-compose.yml',
        text: dedent`
          services:
            db:
              environment:
                POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-postgres}
                DB_PASSWORD: \${DB_PASSWORD:?set DB_PASSWORD}
                API_TOKEN: \${API_TOKEN:-}
                JWT_SECRET: \${JWT_SECRET:-change-me-in-production}
                SESSION_SECRET: \${SESSION_SECRET:+\${OTHER}}
        `,
        expected: [],
      },
      {
        name: 'empty and placeholder fallbacks in JS',
        path: 'src/config.ts',
        text: dedent`
          export const a = process.env.JWT_SECRET || "";
          export const b = process.env.DB_PASSWORD ?? "<password>";
        `,
        expected: [],
      },
    ]);
  });

  describe('move to environment', () => {
    /** The finding's message, 1-based line and column, and the move fix's output and .env line. */
    const cases: { name: string; path: string; text: string; message: string; line: number; column: number; fixed: string; envLine: string }[] = [
      {
        name: 'replaces a compose command password with ${VAR}',
        path: 'docker-compose.yml',
        message: 'Hard-coded password in `--requirepass` (6IB4… (14 chars)).',
        line: 3,
        column: 41,
        text: dedent`
          services:
            redis:
              command: redis-server --requirepass ${PW}
        `,
        fixed: dedent`
          services:
            redis:
              command: redis-server --requirepass \${REDIS_PASSWORD}
        `,
        envLine: `REDIS_PASSWORD=${PW}`,
      },
      {
        name: 'drops a compose default and keeps the variable the file reads',
        path: 'docker-compose.yml',
        message: 'Hard-coded secret in `JWT_SECRET` (VuMj… (32 chars)).',
        line: 4,
        column: 34,
        text: dedent`
          services:
            api:
              environment:
                JWT_SECRET: "\${JWT_SECRET:-${SECRET}}"
        `,
        fixed: dedent`
          services:
            api:
              environment:
                JWT_SECRET: "\${JWT_SECRET}"
        `,
        envLine: `JWT_SECRET=${SECRET}`,
      },
      {
        name: 'drops a settings library’s default and keeps its lookup (no import os)',
        path: 'app/settings.py',
        message: 'Hard-coded secret in `SECRET_KEY` (VuMj… (32 chars)).',
        line: 2,
        column: 44,
        text: dedent`
          from decouple import config
          SECRET_KEY = config("SECRET_KEY", default="${SECRET}")
        `,
        fixed: dedent`
          from decouple import config
          SECRET_KEY = config("SECRET_KEY")
        `,
        envLine: `SECRET_KEY=${SECRET}`,
      },
      {
        name: 'drops the Python `or` fallback and keeps the variable the code reads',
        path: 'app/settings.py',
        message: 'Hard-coded password in `DB_PASSWORD` (6IB4… (14 chars)).',
        line: 3,
        column: 49,
        text: dedent`
          import os

          DB_PASSWORD = os.environ.get("DB_PASSWORD") or "${PW}"
        `,
        fixed: dedent`
          import os

          DB_PASSWORD = os.environ["DB_PASSWORD"]
        `,
        envLine: `DB_PASSWORD=${PW}`,
      },
    ];
    tester.run({
      invalid: cases.map(({ name, path, text, message, line, column, fixed, envLine }) => ({
        name,
        path,
        code: text,
        errors: [
          {
            ruleId: 'generic-secret',
            message,
            line,
            column,
            severity: 'warning',
            fixes: [
              { title: `Move to environment variable ${envLine.slice(0, envLine.indexOf('='))}`, output: fixed, files: moveToEnvFiles(envLine) },
              RECORD_FALSE_POSITIVE,
            ],
          },
        ],
      })),
    });
  });
});
