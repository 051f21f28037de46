// The secret rules end to end: what they report where, the exact "move to environment" edits, and
// that a secret's value never appears in any output.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits } from '../../src/core/edits';
import type { Finding, Fix } from '../../src/core/types';
import { appendLines } from '../../src/scan/apply-fixes';
import { git, gitInit, runCli, tempDir, writeTree } from './helpers';
import { dedent, RuleTester, textOf } from './rule-tester';
import { moveToEnvFiles, RECORD_FALSE_POSITIVE } from './secret-fixes';
import { randomBase62, stripeLiveKey, stripeTestKey, strongPassword } from './secret-values';

const KEY = stripeLiveKey();
const PASSWORD = strongPassword();
const URI_PASSWORD = randomBase62('uri-password', 16);

const tester = new RuleTester({ category: 'inline-secret' });

function moveFix(finding: Finding): Fix {
  const fix = finding.fixes.find((candidate) => candidate.title.startsWith('Move to environment') || candidate.title.startsWith('Use the Actions'));
  assert.ok(fix, `no move fix among ${finding.fixes.map((candidate) => candidate.title).join(' | ')}`);
  return fix;
}

const fixed = (text: string, fix: Fix) => applyTextEdits(text, fix.edits);

describe('secret rules', () => {
  describe('move to environment variable', () => {
    tester.run({
      invalid: [
        {
          name: 'a JS constructor argument',
          path: 'src/billing.ts',
          code: dedent`
            import Stripe from 'stripe';
            const stripe = new Stripe("${KEY}");
          `,
          errors: [
            {
              ruleId: 'provider-token',
              message: `Stripe live secret key in a string literal (sk_l… (32 chars)).`,
              line: 2,
              column: 28,
              severity: 'error',
              fixes: [
                {
                  title: 'Move to environment variable STRIPE_SECRET_KEY',
                  output: dedent`
                    import Stripe from 'stripe';
                    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
                  `,
                  files: moveToEnvFiles(`STRIPE_SECRET_KEY=${KEY}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a JS env fallback (keeps the variable the code reads)',
          path: 'src/billing.js',
          code: `const key = process.env.PAYMENTS_KEY || '${KEY}';\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in `PAYMENTS_KEY` (sk_l… (32 chars)).',
              line: 1,
              column: 42,
              severity: 'error',
              fixes: [
                {
                  title: 'Move to environment variable PAYMENTS_KEY',
                  output: 'const key = process.env.PAYMENTS_KEY;\n',
                  files: moveToEnvFiles(`PAYMENTS_KEY=${KEY}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a JSX attribute (wrapped in braces)',
          path: 'src/Pay.tsx',
          code: `export const Pay = () => <Checkout secretKey="${KEY}" />;\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in `secretKey` (sk_l… (32 chars)).',
              line: 1,
              column: 47,
              severity: 'error',
              fixes: [
                {
                  title: 'Move to environment variable STRIPE_SECRET_KEY',
                  output: 'export const Pay = () => <Checkout secretKey={process.env.STRIPE_SECRET_KEY} />;\n',
                  files: moveToEnvFiles(`STRIPE_SECRET_KEY=${KEY}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a Python attribute (import os added before the first import)',
          path: 'app/billing.py',
          code: dedent`
            """Billing."""
            import stripe

            stripe.api_key = "${KEY}"
          `,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in `stripe.api_key` (sk_l… (32 chars)).',
              line: 4,
              column: 19,
              severity: 'error',
              fixes: [
                {
                  title: 'Move to environment variable STRIPE_SECRET_KEY',
                  output: dedent`
                    """Billing."""
                    import os
                    import stripe

                    stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
                  `,
                  files: moveToEnvFiles(`STRIPE_SECRET_KEY=${KEY}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a Python getenv fallback',
          path: 'app/settings.py',
          code: dedent`
            import os

            STRIPE = os.getenv("STRIPE_KEY", "${KEY}")
          `,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in `STRIPE_KEY` (sk_l… (32 chars)).',
              line: 3,
              column: 35,
              severity: 'error',
              fixes: [
                {
                  title: 'Move to environment variable STRIPE_KEY',
                  output: dedent`
                    import os

                    STRIPE = os.environ["STRIPE_KEY"]
                  `,
                  files: moveToEnvFiles(`STRIPE_KEY=${KEY}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a hard-coded password in Python (generic-secret)',
          path: 'app/db.py',
          code: dedent`
            import os
            DB_PASSWORD = "${PASSWORD}"
          `,
          errors: [
            {
              ruleId: 'generic-secret',
              message: 'Hard-coded password in `DB_PASSWORD` (zbZK… (15 chars)).',
              line: 2,
              column: 16,
              severity: 'warning',
              fixes: [
                {
                  title: 'Move to environment variable DB_PASSWORD',
                  output: dedent`
                    import os
                    DB_PASSWORD = os.environ["DB_PASSWORD"]
                  `,
                  files: moveToEnvFiles(`DB_PASSWORD=${dotenvValue(PASSWORD)}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a password property in TS (generic-secret)',
          path: 'src/db.ts',
          code: `export const pool = createPool({ host: 'db', dbPassword: '${PASSWORD}' });\n`,
          errors: [
            {
              ruleId: 'generic-secret',
              message: 'Hard-coded password in `dbPassword` (zbZK… (15 chars)).',
              line: 1,
              column: 59,
              severity: 'warning',
              fixes: [
                {
                  title: 'Move to environment variable DB_PASSWORD',
                  output: `export const pool = createPool({ host: 'db', dbPassword: process.env.DB_PASSWORD });\n`,
                  files: moveToEnvFiles(`DB_PASSWORD=${dotenvValue(PASSWORD)}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a compose environment value',
          path: 'docker-compose.yml',
          code: dedent`
            services:
              db:
                environment:
                  POSTGRES_PASSWORD: "${PASSWORD}"
          `,
          errors: [
            {
              ruleId: 'generic-secret',
              message: 'Hard-coded password in `POSTGRES_PASSWORD` (zbZK… (15 chars)).',
              line: 4,
              column: 27,
              severity: 'warning',
              fixes: [
                {
                  title: 'Move to environment variable POSTGRES_PASSWORD',
                  output: dedent`
                    services:
                      db:
                        environment:
                          POSTGRES_PASSWORD: "\${POSTGRES_PASSWORD}"
                  `,
                  files: moveToEnvFiles(`POSTGRES_PASSWORD=${dotenvValue(PASSWORD)}`),
                  safe: false,
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
      ],
    });

    it('moves a whole connection URI, named after its scheme', async () => {
      const password = randomBase62('uri', 14);
      const uri = `postgres://shop:${password}@db.prod.example.com:5432/shop`;
      const code = `engine = create_engine("${uri}")\n`;
      const finding = await tester.only({ path: 'app/db.py', code });
      assert.equal(finding.ruleId, 'credentialed-uri');
      assert.equal(textOf(code, finding.range), password, 'the password is what is flagged');
      const fix = moveFix(finding);
      assert.match(fixed(code, fix), /create_engine\(os\.environ\["DATABASE_URL"\]\)/);
      assert.equal(fix.files?.[0].appendLines[0], `DATABASE_URL=${dotenvValue(uri)}`);
    });

    it('offers no move when the URI is part of a larger string, and says what to do', async () => {
      const finding = await tester.only({
        path: 'app/db.py',
        code: `dsn = "host=db url=postgres://shop:${randomBase62('uri2', 14)}@db.prod.example.com/shop sslmode=require"\n`,
      });
      assert.equal(finding.fixes.filter((fix) => fix.edits.length).length, 0);
      assert.match(finding.message, /Load it from the environment/);
    });

    it('never reuses a name .env holds with another value, and reuses it for the same value', async () => {
      const code = `const stripe = new Stripe("${KEY}");\n`;
      const other = await tester.only({ path: 'a.ts', code, project: { envVariables: new Map([['STRIPE_SECRET_KEY', stripeLiveKey('other')]]) } });
      assert.equal(moveFix(other).title, 'Move to environment variable STRIPE_SECRET_KEY_2');
      const same = await tester.only({ path: 'a.ts', code, project: { envVariables: new Map([['STRIPE_SECRET_KEY', KEY]]) } });
      assert.equal(moveFix(same).title, 'Move to environment variable STRIPE_SECRET_KEY (already in .env)');
      assert.ok(!moveFix(same).files?.some((file) => file.path === '.env'));
    });

    it('gives two different secrets in one file two names', async () => {
      const code = dedent`
        const a = new Stripe("${KEY}");
        const b = new Stripe("${stripeLiveKey('second')}");
      `;
      const titles = (await tester.findings({ path: 'a.ts', code })).map((finding) => moveFix(finding).title);
      assert.deepEqual(titles, ['Move to environment variable STRIPE_SECRET_KEY', 'Move to environment variable STRIPE_SECRET_KEY_2']);
    });

    it('uses ${VAR} in .npmrc and an Actions secret in workflows', async () => {
      const npmrc = `//registry.npmjs.org/:_authToken=${randomBase62('npmrc', 36)}\n`;
      const npmFix = moveFix(await tester.only({ path: '.npmrc', code: npmrc }));
      assert.match(fixed(npmrc, npmFix), /_authToken=\$\{[A-Z_]+\}/);
      const workflow = dedent`
        jobs:
          deploy:
            env:
              API_TOKEN: "${randomBase62('tok', 32)}"
      `;
      const actionsFix = moveFix(await tester.only({ path: '.github/workflows/deploy.yml', code: workflow }));
      assert.equal(
        fixed(workflow, actionsFix),
        dedent`
          jobs:
            deploy:
              env:
                API_TOKEN: "\${{ secrets.API_TOKEN }}"
        `,
      );
      assert.equal(actionsFix.files, undefined, 'Actions secrets live in the repository settings, not .env');
    });

    it('explains instead of fixing in formats that do not interpolate', async () => {
      const terraform = await tester.only({
        path: 'main.tf',
        code: dedent`
          resource "x" "y" {
            password = "${PASSWORD}"
          }
        `,
      });
      assert.match(terraform.message, /sensitive/);
      const dockerfile = await tester.only({
        path: 'Dockerfile',
        code: dedent`
          FROM node:20
          ENV API_KEY=${randomBase62('dk', 32)}
        `,
      });
      assert.match(dockerfile.message, /build secret/);
      for (const finding of [terraform, dockerfile]) assert.ok(!finding.fixes.some((fix) => fix.edits.length));
    });

    it('applies the whole edit on a tree: file, .env, .gitignore and .env.example', async () => {
      const dir = tempDir();
      try {
        const code = dedent`
          import Stripe from 'stripe';
          export const stripe = new Stripe("${KEY}");
        `;
        writeTree(dir.path, { 'src/billing.ts': code, '.gitignore': 'node_modules\n', '.env.example': 'PORT=\n' });
        const fix = moveFix(await tester.only({ path: 'src/billing.ts', code }));
        writeFileSync(join(dir.path, 'src/billing.ts'), fixed(code, fix));
        for (const append of fix.files ?? []) appendLines(join(dir.path, append.path), append);
        assert.doesNotMatch(readFileSync(join(dir.path, 'src/billing.ts'), 'utf8'), /sk_live/);
        assert.equal(readFileSync(join(dir.path, '.env'), 'utf8'), `STRIPE_SECRET_KEY=${KEY}\n`);
        assert.equal(readFileSync(join(dir.path, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
        assert.equal(readFileSync(join(dir.path, '.env.example'), 'utf8'), 'PORT=\nSTRIPE_SECRET_KEY=\n');
        const again = await tester.findings({ path: 'src/billing.ts', code: readFileSync(join(dir.path, 'src/billing.ts'), 'utf8') });
        assert.deepEqual(again, []);
      } finally {
        dir.remove();
      }
    });
  });

  describe('where secrets are and are not reported', () => {
    tester.run({
      valid: [
        { name: 'an environment lookup', path: 'a.ts', code: 'const password = process.env.DB_PASSWORD;\n' },
        {
          name: 'a placeholder',
          path: 'a.py',
          code: dedent`
            API_KEY = "your-api-key-here"
            password = "changeme"
          `,
        },
        { name: 'a form label', path: 'a.tsx', code: 'const t = { password: "Enter your password" };\n' },
        { name: 'a token type', path: 'a.py', code: 'token_type = "bearer"\n' },
        { name: 'a secret name, not a secret', path: 'a.py', code: 'secret_name = "prod/db/credentials"\n' },
        { name: 'a UUID', path: 'a.ts', code: 'const apiKey = "123e4567-e89b-12d3-a456-426614174000";\n' },
        {
          name: 'an SRI hash',
          path: 'a.json',
          code: '{ "integrity": "sha512-7gUr7Smv2O8kL5Jbu6GEmX9jBwuS0AhRTMHFHnr0bD7qD8nJdQlHFYYuY4tG5b0vY2B9iS8sl4p6wyj6YvK9Nw==" }\n',
        },
        { name: 'a publishable key', path: 'a.ts', code: `const pk = "${['pk', 'live', randomBase62('pk', 24)].join('_')}";\n` },
        {
          name: 'a .env that git ignores',
          path: '.env',
          ignoredByGit: true,
          code: dedent`
            STRIPE_SECRET_KEY=${KEY}
            DB_PASSWORD=${PASSWORD}
          `,
        },
        {
          name: 'a .env.example with placeholders',
          path: '.env.example',
          code: dedent`
            STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
            DB_PASSWORD=<password>
          `,
        },
        { name: 'a connection URI with a ${VAR} password', path: 'a.py', code: 'URL = "postgres://app:${DB_PASSWORD}@db/app"\n' },
        { name: 'the word password in a comment', path: 'a.py', code: '# the password must be rotated yearly\n' },
      ],
      invalid: [
        {
          name: 'a .env that git does not ignore, and offers to ignore it',
          path: '.env',
          ignoredByGit: false,
          code: `STRIPE_SECRET_KEY=${KEY}\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in a committed .env file (sk_l… (32 chars)).',
              line: 1,
              column: 19,
              severity: 'error',
              fixes: [
                {
                  title: 'Stop committing .env: add it to .gitignore (then rotate the secret and git rm --cached it)',
                  output: `STRIPE_SECRET_KEY=${KEY}\n`,
                  files: [{ path: '.gitignore', appendLines: ['.env'], unlessPresent: true }],
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a real value in .env.example, blanked there and kept in .env',
          path: '.env.example',
          code: `STRIPE_SECRET_KEY=${KEY}\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in a committed .env file (sk_l… (32 chars)).',
              line: 1,
              column: 19,
              severity: 'error',
              fixes: [
                {
                  title: 'Blank STRIPE_SECRET_KEY here and keep the value in .env',
                  output: 'STRIPE_SECRET_KEY=\n',
                  files: [
                    { path: '.env', appendLines: [`STRIPE_SECRET_KEY=${KEY}`], unlessPresent: true, sensitive: true },
                    { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
                  ],
                },
                RECORD_FALSE_POSITIVE,
              ],
            },
          ],
        },
        {
          name: 'a live key in test code as a warning',
          path: 'tests/test_billing.py',
          code: `KEY = "${KEY}"\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in `KEY` (sk_l… (32 chars)) in test code.',
              line: 1,
              column: 8,
              severity: 'warning',
              fixes: ['Move to environment variable STRIPE_SECRET_KEY', RECORD_FALSE_POSITIVE],
            },
          ],
        },
        {
          name: 'a test key as info',
          path: 'app/billing.py',
          code: `KEY = "${stripeTestKey()}"\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe test secret key in `KEY` (sk_t… (32 chars)).',
              line: 1,
              column: 8,
              severity: 'info',
              fixes: ['Move to environment variable STRIPE_SECRET_KEY', RECORD_FALSE_POSITIVE],
            },
          ],
        },
        {
          name: 'a token in a comment or a Markdown file, without a move fix',
          path: 'NOTES.md',
          code: `Use ${KEY} for the demo.\n`,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in this file (sk_l… (32 chars)). Remove it and rotate it: it is in the history of every clone.',
              line: 1,
              column: 5,
              severity: 'error',
              fixes: [{ title: RECORD_FALSE_POSITIVE, output: `Use ${KEY} for the demo.\n`, allowlist: 'provider-token' }],
            },
          ],
        },
        {
          name: 'a JWT signing secret passed to jwt.sign',
          path: 'src/auth.ts',
          code: `export const token = jwt.sign(payload, "${PASSWORD}x9", { expiresIn: '1h' });\n`,
          errors: [
            {
              ruleId: 'generic-secret',
              message: 'Hard-coded secret in a string literal (zbZK… (17 chars)).',
              line: 1,
              column: 41,
              severity: 'warning',
              fixes: ['Move to environment variable JWT_SECRET', RECORD_FALSE_POSITIVE],
            },
          ],
        },
        {
          name: 'provider tokens in a file that does not parse',
          path: 'src/broken.ts',
          code: dedent`
            const stripe = new Stripe("${KEY}"
            function (
          `,
          errors: [
            {
              ruleId: 'provider-token',
              message: 'Stripe live secret key in this file (sk_l… (32 chars)). Remove it and rotate it: it is in the history of every clone.',
              line: 1,
              column: 28,
              severity: 'error',
              fixes: [RECORD_FALSE_POSITIVE],
            },
          ],
        },
      ],
    });
  });

  describe('never echoes a secret', () => {
    it('keeps values out of text, JSON and SARIF output', async () => {
      const dir = tempDir();
      try {
        writeTree(dir.path, {
          'src/billing.ts': `new Stripe("${KEY}");\n`,
          'app/db.py': `DB_PASSWORD = "${PASSWORD}"\nURL = "postgres://u:${URI_PASSWORD}@db.example.com/x"\n`,
        });
        for (const format of ['text', 'json', 'sarif']) {
          const run = await runCli(dir.path, 'scan', '--format', format);
          assert.equal(run.code, 1);
          for (const secret of [KEY, PASSWORD, URI_PASSWORD, KEY.slice(8, 20), PASSWORD.slice(2)]) {
            assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `${format} output contains a secret`);
          }
        }
      } finally {
        dir.remove();
      }
    });
  });

  describe('commit safety', () => {
    it('finds a secret in staged content', async () => {
      const dir = tempDir();
      try {
        gitInit(dir.path);
        writeTree(dir.path, { 'config.py': `STRIPE = "${KEY}"\n` });
        git(dir.path, 'add', 'config.py');
        writeTree(dir.path, { 'config.py': 'STRIPE = os.environ["STRIPE"]\n' }); // fixed, but not staged
        const run = await runCli(dir.path, 'scan', '--staged', '--format', 'json');
        assert.equal(run.code, 1);
        assert.deepEqual(
          JSON.parse(run.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId),
          ['provider-token'],
        );
        assert.ok(!existsSync(join(dir.path, '.env')), 'scanning changes nothing');
      } finally {
        dir.remove();
      }
    });
  });
});

function dotenvValue(value: string): string {
  return /^[A-Za-z0-9_\-./:+=@,]*$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
