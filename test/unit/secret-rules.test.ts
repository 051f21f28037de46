// The secret rules end to end: what they report where, the exact "move to environment" edits, and
// that a secret's value never appears in any output.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits } from '../../src/core/edits';
import { analyze, type AnalyzeInput } from '../../src/core/engine';
import type { ProjectFacts } from '../../src/core/rule';
import type { Finding, Fix } from '../../src/core/types';
import { appendLines } from '../../src/scan/apply-fixes';
import { git, gitInit, runCli, tempDir, writeTree } from './helpers';
import { randomBase62, stripeLiveKey, stripeTestKey, strongPassword } from './secret-values';

const KEY = stripeLiveKey();
const PASSWORD = strongPassword();
const URI_PASSWORD = randomBase62('uri-password', 16);

async function findings(input: AnalyzeInput, project?: ProjectFacts): Promise<Finding[]> {
  return (await analyze(input, { project })).findings.filter((finding) => finding.category === 'inline-secret');
}

async function only(input: AnalyzeInput, project?: ProjectFacts): Promise<Finding> {
  const found = await findings(input, project);
  assert.equal(found.length, 1, JSON.stringify(found.map((finding) => [finding.ruleId, finding.message])));
  return found[0];
}

function moveFix(finding: Finding): Fix {
  const fix = finding.fixes.find((candidate) => candidate.title.startsWith('Move to environment') || candidate.title.startsWith('Use the Actions'));
  assert.ok(fix, `no move fix among ${finding.fixes.map((candidate) => candidate.title).join(' | ')}`);
  return fix;
}

const fixed = (text: string, fix: Fix) => applyTextEdits(text, fix.edits);

describe('secret rules', () => {
  describe('move to environment variable', () => {
    const cases: { name: string; path: string; text: string; expected: string; envLine: string }[] = [
      {
        name: 'a JS constructor argument',
        path: 'src/billing.ts',
        text: `import Stripe from 'stripe';\nconst stripe = new Stripe("${KEY}");\n`,
        expected: `import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
        envLine: `STRIPE_SECRET_KEY=${KEY}`,
      },
      {
        name: 'a JS env fallback (keeps the variable the code reads)',
        path: 'src/billing.js',
        text: `const key = process.env.PAYMENTS_KEY || '${KEY}';\n`,
        expected: `const key = process.env.PAYMENTS_KEY;\n`,
        envLine: `PAYMENTS_KEY=${KEY}`,
      },
      {
        name: 'a JSX attribute (wrapped in braces)',
        path: 'src/Pay.tsx',
        text: `export const Pay = () => <Checkout secretKey="${KEY}" />;\n`,
        expected: `export const Pay = () => <Checkout secretKey={process.env.STRIPE_SECRET_KEY} />;\n`,
        envLine: `STRIPE_SECRET_KEY=${KEY}`,
      },
      {
        name: 'a Python attribute (import os added before the first import)',
        path: 'app/billing.py',
        text: `"""Billing."""\nimport stripe\n\nstripe.api_key = "${KEY}"\n`,
        expected: `"""Billing."""\nimport os\nimport stripe\n\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n`,
        envLine: `STRIPE_SECRET_KEY=${KEY}`,
      },
      {
        name: 'a Python getenv fallback',
        path: 'app/settings.py',
        text: `import os\n\nSTRIPE = os.getenv("STRIPE_KEY", "${KEY}")\n`,
        expected: `import os\n\nSTRIPE = os.environ["STRIPE_KEY"]\n`,
        envLine: `STRIPE_KEY=${KEY}`,
      },
      {
        name: 'a hard-coded password in Python (generic-secret)',
        path: 'app/db.py',
        text: `import os\nDB_PASSWORD = "${PASSWORD}"\n`,
        expected: `import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n`,
        envLine: `DB_PASSWORD=${dotenvValue(PASSWORD)}`,
      },
      {
        name: 'a password property in TS (generic-secret)',
        path: 'src/db.ts',
        text: `export const pool = createPool({ host: 'db', dbPassword: '${PASSWORD}' });\n`,
        expected: `export const pool = createPool({ host: 'db', dbPassword: process.env.DB_PASSWORD });\n`,
        envLine: `DB_PASSWORD=${dotenvValue(PASSWORD)}`,
      },
      {
        name: 'a compose environment value',
        path: 'docker-compose.yml',
        text: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "${PASSWORD}"\n`,
        expected: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: "\${POSTGRES_PASSWORD}"\n`,
        envLine: `POSTGRES_PASSWORD=${dotenvValue(PASSWORD)}`,
      },
    ];
    for (const { name, path, text, expected, envLine } of cases) {
      it(`rewrites ${name}`, async () => {
        const fix = moveFix(await only({ path, text }));
        assert.equal(fixed(text, fix), expected);
        assert.deepEqual(fix.files, [
          { path: '.env', appendLines: [envLine], unlessPresent: true, sensitive: true },
          { path: '.gitignore', appendLines: ['.env'], unlessPresent: true },
          { path: '.env.example', appendLines: [envLine.slice(0, envLine.indexOf('=') + 1)], unlessPresent: true },
        ]);
        assert.equal(fix.safe, false, 'needs the variable at run time: never applied by --fix');
      });
    }

    it('moves a whole connection URI, named after its scheme', async () => {
      const password = randomBase62('uri', 14);
      const uri = `postgres://shop:${password}@db.prod.example.com:5432/shop`;
      const text = `engine = create_engine("${uri}")\n`;
      const finding = await only({ path: 'app/db.py', text });
      assert.equal(finding.ruleId, 'credentialed-uri');
      assert.equal(text.slice(...offsets(text, finding)), password, 'the password is what is flagged');
      const fix = moveFix(finding);
      assert.match(fixed(text, fix), /create_engine\(os\.environ\["DATABASE_URL"\]\)/);
      assert.equal(fix.files?.[0].appendLines[0], `DATABASE_URL=${dotenvValue(uri)}`);
    });

    it('offers no move when the URI is part of a larger string, and says what to do', async () => {
      const finding = await only({
        path: 'app/db.py',
        text: `dsn = "host=db url=postgres://shop:${randomBase62('uri2', 14)}@db.prod.example.com/shop sslmode=require"\n`,
      });
      assert.equal(finding.fixes.filter((fix) => fix.edits.length).length, 0);
      assert.match(finding.message, /Load it from the environment/);
    });

    it('never reuses a name .env holds with another value, and reuses it for the same value', async () => {
      const text = `const stripe = new Stripe("${KEY}");\n`;
      const other = await only({ path: 'a.ts', text }, { envVariables: new Map([['STRIPE_SECRET_KEY', stripeLiveKey('other')]]) });
      assert.equal(moveFix(other).title, 'Move to environment variable STRIPE_SECRET_KEY_2');
      const same = await only({ path: 'a.ts', text }, { envVariables: new Map([['STRIPE_SECRET_KEY', KEY]]) });
      assert.equal(moveFix(same).title, 'Move to environment variable STRIPE_SECRET_KEY (already in .env)');
      assert.ok(!moveFix(same).files?.some((file) => file.path === '.env'));
    });

    it('gives two different secrets in one file two names', async () => {
      const text = `const a = new Stripe("${KEY}");\nconst b = new Stripe("${stripeLiveKey('second')}");\n`;
      const titles = (await findings({ path: 'a.ts', text })).map((finding) => moveFix(finding).title);
      assert.deepEqual(titles, ['Move to environment variable STRIPE_SECRET_KEY', 'Move to environment variable STRIPE_SECRET_KEY_2']);
    });

    it('uses ${VAR} in .npmrc and an Actions secret in workflows', async () => {
      const npmrc = `//registry.npmjs.org/:_authToken=${randomBase62('npmrc', 36)}\n`;
      const npmFix = moveFix(await only({ path: '.npmrc', text: npmrc }));
      assert.match(fixed(npmrc, npmFix), /_authToken=\$\{[A-Z_]+\}/);
      const workflow = `jobs:\n  deploy:\n    env:\n      API_TOKEN: "${randomBase62('tok', 32)}"\n`;
      const actionsFix = moveFix(await only({ path: '.github/workflows/deploy.yml', text: workflow }));
      assert.equal(fixed(workflow, actionsFix), 'jobs:\n  deploy:\n    env:\n      API_TOKEN: "${{ secrets.API_TOKEN }}"\n');
      assert.equal(actionsFix.files, undefined, 'Actions secrets live in the repository settings, not .env');
    });

    it('explains instead of fixing in formats that do not interpolate', async () => {
      const terraform = await only({ path: 'main.tf', text: `resource "x" "y" {\n  password = "${PASSWORD}"\n}\n` });
      assert.match(terraform.message, /sensitive/);
      const dockerfile = await only({ path: 'Dockerfile', text: `FROM node:20\nENV API_KEY=${randomBase62('dk', 32)}\n` });
      assert.match(dockerfile.message, /build secret/);
      for (const finding of [terraform, dockerfile]) assert.ok(!finding.fixes.some((fix) => fix.edits.length));
    });

    it('applies the whole edit on a tree: file, .env, .gitignore and .env.example', async () => {
      const dir = tempDir();
      try {
        const text = `import Stripe from 'stripe';\nexport const stripe = new Stripe("${KEY}");\n`;
        writeTree(dir.path, { 'src/billing.ts': text, '.gitignore': 'node_modules\n', '.env.example': 'PORT=\n' });
        const fix = moveFix(await only({ path: 'src/billing.ts', text }));
        writeFileSync(join(dir.path, 'src/billing.ts'), fixed(text, fix));
        for (const append of fix.files ?? []) appendLines(join(dir.path, append.path), append);
        assert.doesNotMatch(readFileSync(join(dir.path, 'src/billing.ts'), 'utf8'), /sk_live/);
        assert.equal(readFileSync(join(dir.path, '.env'), 'utf8'), `STRIPE_SECRET_KEY=${KEY}\n`);
        assert.equal(readFileSync(join(dir.path, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
        assert.equal(readFileSync(join(dir.path, '.env.example'), 'utf8'), 'PORT=\nSTRIPE_SECRET_KEY=\n');
        const again = await findings({ path: 'src/billing.ts', text: readFileSync(join(dir.path, 'src/billing.ts'), 'utf8') });
        assert.deepEqual(again, []);
      } finally {
        dir.remove();
      }
    });
  });

  describe('where secrets are and are not reported', () => {
    const notReported: { name: string; path: string; text: string }[] = [
      { name: 'an environment lookup', path: 'a.ts', text: 'const password = process.env.DB_PASSWORD;\n' },
      { name: 'a placeholder', path: 'a.py', text: 'API_KEY = "your-api-key-here"\npassword = "changeme"\n' },
      { name: 'a form label', path: 'a.tsx', text: 'const t = { password: "Enter your password" };\n' },
      { name: 'a token type', path: 'a.py', text: 'token_type = "bearer"\n' },
      { name: 'a secret name, not a secret', path: 'a.py', text: 'secret_name = "prod/db/credentials"\n' },
      { name: 'a UUID', path: 'a.ts', text: 'const apiKey = "123e4567-e89b-12d3-a456-426614174000";\n' },
      {
        name: 'an SRI hash',
        path: 'a.json',
        text: '{ "integrity": "sha512-7gUr7Smv2O8kL5Jbu6GEmX9jBwuS0AhRTMHFHnr0bD7qD8nJdQlHFYYuY4tG5b0vY2B9iS8sl4p6wyj6YvK9Nw==" }\n',
      },
      { name: 'a publishable key', path: 'a.ts', text: `const pk = "${['pk', 'live', randomBase62('pk', 24)].join('_')}";\n` },
      { name: 'a .env that git ignores', path: '.env', text: `STRIPE_SECRET_KEY=${KEY}\nDB_PASSWORD=${PASSWORD}\n` },
      { name: 'a .env.example with placeholders', path: '.env.example', text: 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nDB_PASSWORD=<password>\n' },
      { name: 'a connection URI with a ${VAR} password', path: 'a.py', text: 'URL = "postgres://app:${DB_PASSWORD}@db/app"\n' },
      { name: 'the word password in a comment', path: 'a.py', text: '# the password must be rotated yearly\n' },
    ];
    for (const { name, path, text } of notReported) {
      it(`does not report ${name}`, async () => {
        assert.deepEqual(await findings({ path, text, ignoredByGit: path === '.env' }), []);
      });
    }

    it('reports a .env that git does not ignore, and offers to ignore it', async () => {
      const found = await findings({ path: '.env', text: `STRIPE_SECRET_KEY=${KEY}\n`, ignoredByGit: false });
      assert.equal(found.length, 1);
      assert.match(found[0].message, /committed \.env file/);
      assert.deepEqual(found[0].fixes[0].files, [{ path: '.gitignore', appendLines: ['.env'], unlessPresent: true }]);
    });

    it('blanks a real value in .env.example and keeps it in .env', async () => {
      const text = `STRIPE_SECRET_KEY=${KEY}\n`;
      const [finding] = await findings({ path: '.env.example', text });
      assert.equal(fixed(text, finding.fixes[0]), 'STRIPE_SECRET_KEY=\n');
      assert.deepEqual(finding.fixes[0].files?.[0], { path: '.env', appendLines: [`STRIPE_SECRET_KEY=${KEY}`], unlessPresent: true, sensitive: true });
    });

    it('lowers the severity in test code and for test keys', async () => {
      assert.equal((await only({ path: 'tests/test_billing.py', text: `KEY = "${KEY}"\n` })).severity, 'warning');
      assert.equal((await only({ path: 'app/billing.py', text: `KEY = "${stripeTestKey()}"\n` })).severity, 'info');
    });

    it('reports a token in a comment or a Markdown file, without a move fix', async () => {
      const finding = await only({ path: 'NOTES.md', text: `Use ${KEY} for the demo.\n` });
      assert.equal(finding.ruleId, 'provider-token');
      assert.ok(!finding.fixes.some((fix) => fix.edits.length));
      assert.ok(finding.fixes.some((fix) => fix.allowlist?.rule === 'provider-token'));
    });

    it('reports a JWT signing secret passed to jwt.sign', async () => {
      const finding = await only({ path: 'src/auth.ts', text: `export const token = jwt.sign(payload, "${PASSWORD}x9", { expiresIn: '1h' });\n` });
      assert.equal(finding.ruleId, 'generic-secret');
    });

    it('still finds provider tokens in a file that does not parse', async () => {
      const finding = await only({ path: 'src/broken.ts', text: `const stripe = new Stripe("${KEY}"\nfunction (\n` });
      assert.equal(finding.ruleId, 'provider-token');
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

function offsets(text: string, finding: Finding): [number, number] {
  const lines = text.split('\n');
  const toOffset = (line: number, character: number) => lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + character;
  return [toOffset(finding.range.start.line, finding.range.start.character), toOffset(finding.range.end.line, finding.range.end.character)];
}

function dotenvValue(value: string): string {
  return /^[A-Za-z0-9_\-./:+=@,]*$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
