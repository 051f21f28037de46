// The silenced-check rule end to end: what each directive is judged as, given the findings of the
// other rules, and every fix's output.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { defaultConfig } from '../../src/core/config';
import { stripeLiveKey } from './secret-values';
import { SEED_INCIDENT_PY } from '../seed-incident';
import { assertGrowth } from './scaling';

async function judged(path: string, text: string, options: Record<string, unknown> = {}): Promise<Finding[]> {
  const config = defaultConfig();
  config.rules['silenced-check'] = { options };
  const result = await analyze({ path, text }, { config });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.filter((finding) => finding.ruleId === 'silenced-check');
}

async function only(path: string, text: string): Promise<Finding> {
  const found = await judged(path, text);
  assert.equal(found.length, 1, JSON.stringify(found.map((finding) => finding.message)));
  return found[0];
}

const SEED = SEED_INCIDENT_PY;

describe('rule silenced-check', () => {
  describe('a directive that hides a finding', () => {
    it('reports the seed line: # nosec hides a string-built SQL query', async () => {
      const finding = await only('app/coupons.py', SEED);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /^`# nosec` hides a string-built SQL query: SQL built from couponCode/);
      assert.equal(finding.range.start.line, 7);
      assert.equal(finding.fixes[0].title, 'Parameterize query', 'the hidden problem is fixed first');
      assert.ok(applyTextEdits(SEED, finding.fixes[0].edits).includes('cursor.execute("SELECT * FROM coupons WHERE code = %s AND expires_at > NOW()", (couponCode,))'));
      const remove = finding.fixes.find((fix) => fix.title === 'Remove `# nosec`');
      assert.ok(remove);
      assert.equal(applyTextEdits(SEED, remove.edits), SEED.replace('  # nosec\n', '\n'));
      assert.ok(finding.fixes.some((fix) => fix.title === 'Narrow to B608, B610, B611'));
    });

    it('covers every line of a multi-line statement', async () => {
      const text = 'import sqlite3\n\ndef f(conn, uid):\n    conn.execute(\n        f"SELECT * FROM users WHERE id = {uid}"\n    )  # nosec\n';
      assert.equal((await only('app/x.py', text)).severity, 'error');
    });

    it('hides an inline secret from a secret scanner', async () => {
      const text = `STRIPE = "${stripeLiveKey()}"  # pragma: allowlist secret\n`;
      const finding = await only('app/billing.py', text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /hides an inline secret/);
      assert.match(finding.fixes[0].title, /^Move to environment variable/);
    });

    it('hides a string-built command from ESLint with eslint-disable-next-line', async () => {
      const text = "import { exec } from 'child_process';\nexport function list(dir: string) {\n  // eslint-disable-next-line\n  exec(`ls ${dir}`);\n}\n";
      const finding = await only('src/list.ts', text);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /hides a string-built shell command/);
    });

    it('does not count a directive for an unrelated check as hiding', async () => {
      const text = SEED.replace('  # nosec', '  # noqa: E501');
      const finding = await only('app/coupons.py', text);
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /gives no reason/);
    });
  });

  describe('directives over code without a finding', () => {
    it('warns about a blanket directive and offers a justification', async () => {
      const text = 'import subprocess\n\ndef run(cmd):\n    return subprocess.run(["ls", cmd])  # nosec\n';
      const finding = await only('app/run.py', text);
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /silences every Bandit check on this line, without a reason/);
      const justify = finding.fixes.find((fix) => fix.title === 'Add a justification');
      assert.ok(justify);
      assert.match(applyTextEdits(text, justify.edits), /# nosec.*<why this is safe>/);
    });

    it('turns @ts-ignore into @ts-expect-error', async () => {
      const text = 'const value = load();\n// @ts-ignore\nvalue.run();\n';
      const finding = await only('src/a.ts', text);
      assert.equal(finding.severity, 'warning');
      const fix = finding.fixes.find((candidate) => candidate.title === 'Use @ts-expect-error instead of @ts-ignore');
      assert.ok(fix);
      assert.equal(applyTextEdits(text, fix.edits), 'const value = load();\n// @ts-expect-error\nvalue.run();\n');
    });

    it('warns about a file-wide eslint-disable', async () => {
      const finding = await only('src/a.js', '/* eslint-disable */\nrun();\n');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /every ESLint check in/);
    });

    it('reports a scoped directive without a reason as info', async () => {
      const finding = await only('src/a.js', 'console.log(1); // eslint-disable-line no-console\n');
      assert.equal(finding.severity, 'info');
    });

    it('leaves a scoped, justified directive alone unless asked', async () => {
      const text = 'console.log(1); // eslint-disable-line no-console -- CLI output goes to stdout\n';
      assert.deepEqual(await judged('src/a.js', text), []);
      assert.equal((await judged('src/a.js', text, { reportJustified: true })).length, 1);
    });

    it('calls a security directive over code where nothing could fire unused', async () => {
      const finding = await only('app/a.py', 'RETRIES = 3  # nosec B105 -- not a password\n');
      assert.equal(finding.severity, 'info');
      assert.match(finding.message, /silences nothing today/);
    });

    it('removes only the directive from a comment that holds more', async () => {
      const text = 'import os\nos.remove(path)  # noqa: E501  # nosec\n';
      const finding = (await judged('app/a.py', text)).find((candidate) => candidate.message.startsWith('`# nosec`'));
      assert.ok(finding);
      const remove = finding.fixes.find((fix) => fix.title === 'Remove `# nosec`');
      assert.ok(remove);
      assert.equal(applyTextEdits(text, remove.edits), 'import os\nos.remove(path)  # noqa: E501\n');
    });

    it('removes a directive comment alone on its line with the line', async () => {
      const text = 'const a = 1;\n// eslint-disable-next-line\nfoo(a);\n';
      const finding = await only('src/a.js', text);
      const remove = finding.fixes.find((fix) => fix.title.startsWith('Remove'));
      assert.ok(remove);
      assert.equal(applyTextEdits(text, remove.edits), 'const a = 1;\nfoo(a);\n');
    });
  });

  it('reads directives in JSX comments (the comment walk needs parent links)', async () => {
    const text = 'export const View = () => (\n  <div>\n    {/* eslint-disable-next-line */}\n    <Widget />\n  </div>\n);\n';
    const finding = await only('src/View.tsx', text);
    assert.equal(finding.severity, 'warning');
  });

  describe('look-alikes that are not directives', () => {
    const cases: [string, string][] = [
      ['a string holding the words', 'app/a.py', 'HELP = "add # nosec to silence bandit"\n'],
      ['a variable named nosec', 'app/a.py', 'nosec = 1\nprint(nosec)\n'],
      ['Markdown prose', 'README.md', 'Never add `# nosec` or `// eslint-disable-line` to make CI pass.\n'],
      ['a JS string', 'src/a.ts', "const doc = '// eslint-disable-next-line';\n"],
      ['a URL in a comment', 'src/a.ts', '// see https://eslint.org/docs/latest/use/configure/rules#eslint-disable-line\nrun();\n'],
    ].map(([name, path, text]) => [name, `${path}\u0000${text}`]);
    for (const [name, packed] of cases) {
      it(`ignores ${name}`, async () => {
        const [path, text] = packed.split('\u0000');
        assert.deepEqual(await judged(path, text), []);
      });
    }
  });

  describe('config switches', () => {
    it('warns about Bandit checks skipped project-wide', async () => {
      const found = await judged('pyproject.toml', '[tool.bandit]\nskips = ["B608", "B105"]\n');
      assert.equal(found.length, 2);
      assert.ok(found.every((finding) => finding.severity === 'warning'));
      assert.match(found[0].message, /switches bandit B608 off for the whole project/);
    });
  });

  describe('many directives on one line (linear time, bounded output)', () => {
    const blanket = 'f(x);/* eslint-disable-line */';
    const masking = 'db.query("SELECT * FROM t WHERE id = " + req.query.id); /* eslint-disable-line */ ';
    const cases: [string, string][] = [
      ['blanket directives', blanket],
      ['directives that each hide a string-built query', masking],
    ];
    for (const [label, unit] of cases) {
      it(`judges ${label} repeated on one line in linear time`, () =>
        assertGrowth((size) => unit.repeat(size / unit.length), (text) => judged('src/app.js', text), 16 * 1024));
    }

    it('lists at most 20 of the findings a directive hides, and counts them all', async () => {
      const found = await judged('src/app.js', masking.repeat(30));
      const hides = found.filter((finding) => finding.severity === 'error');
      assert.equal(hides.length, 30);
      for (const finding of hides) {
        assert.equal(finding.related?.length, 20);
        assert.match(finding.message, /and 29 more finding\(s\)/);
      }
    });
  });
});
