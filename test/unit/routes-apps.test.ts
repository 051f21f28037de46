// End to end over small apps, one per framework (test/fixtures/routes/<app>/): `lastline scan
// --category open-route` must report exactly the findings in the app's expected.json, and
// `lastline routes` must list its routes with full paths and effective auth. Each app has guarded,
// open-sensitive, open-public and globally guarded routes, and mounts across files.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { LineIndex } from '../../src/core/text';
import { join } from 'node:path';
import { REPO_ROOT, runCli, tempDir } from './helpers';

interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

interface JsonFinding {
  file: string;
  message: string;
  fingerprint: string;
  fixes: { title: string; edits: JsonEdit[]; allowlist?: { fingerprint: string; rule: string } }[];
}

/** Applies the CLI's 1-based edits, last first so earlier offsets stay valid. */
function applyOneBasedEdits(text: string, edits: readonly JsonEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((edit) => ({
    start: lines.offsetAt({ line: edit.line - 1, character: edit.column - 1 }),
    end: lines.offsetAt({ line: edit.endLine - 1, character: edit.endColumn - 1 }),
    newText: edit.newText,
  }));
  let result = text;
  for (const edit of offsets.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

interface ExpectedApp {
  description: string;
  findings: { file: string; line: number; severity: string }[];
  routes: { methods: string[]; path: string; auth: string; file: string; line: number }[];
}

const APPS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'routes');
const apps = existsSync(APPS_DIR) ? readdirSync(APPS_DIR).filter((name) => existsSync(join(APPS_DIR, name, 'expected.json'))) : [];

describe('lastline routes', () => {
  it('prints the inventory as text, with help and clear usage errors', async () => {
    const dir = tempDir('lastline-routes-cli-');
    try {
      cpSync(join(APPS_DIR, 'express-app'), dir.path, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
      const run = await runCli(dir.path, 'routes');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^GET \/health\s+\S+:\d+\s+public: health check$/m);
      assert.match(run.stdout, /guarded by requireAuth \((?:route|mount|container)\)/);
      assert.match(run.stdout, /OPEN \(error\)/);
      assert.match(run.stdout, /\d+ routes; \d+ open that should not be/);
      assert.match((await runCli(dir.path, 'routes', '--help')).stdout, /Usage: lastline routes/);
      const unknown = await runCli(dir.path, 'routes', '--frmat', 'json');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown option '--frmat'/);
      const missing = await runCli(dir.path, 'routes', 'nowhere');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no such file or folder: nowhere/);
      const empty = tempDir('lastline-routes-empty-');
      try {
        assert.match((await runCli(empty.path, 'routes')).stdout, /No routes found/);
      } finally {
        empty.remove();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('open routes: framework apps end to end', () => {
  it('has an app for every framework', () => {
    for (const framework of ['express', 'koa', 'fastify', 'nest', 'next', 'flask', 'fastapi', 'django']) {
      assert.ok(
        apps.some((app) => app.startsWith(framework)),
        `no fixture app for ${framework} (have ${apps.join(', ')})`,
      );
    }
  });

  for (const app of apps) {
    describe(app, () => {
      const expected = JSON.parse(readFileSync(join(APPS_DIR, app, 'expected.json'), 'utf8')) as ExpectedApp;
      let dir: ReturnType<typeof tempDir>;
      before(() => {
        // A copy outside the repository: inside it, fixtures count as test files (lower severity).
        dir = tempDir(`lastline-${app}-`);
        cpSync(join(APPS_DIR, app), dir.path, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
      });
      after(() => dir.remove());

      it('reports exactly the expected open routes', async () => {
        const run = await runCli(dir.path, 'scan', '--category', 'open-route', '--format', 'json');
        assert.equal(run.stderr, '');
        const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; severity: string; message: string }[]; errors: unknown[] };
        assert.deepEqual(report.errors, []);
        const actual = report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity}`).sort();
        const wanted = expected.findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity}`).sort();
        assert.deepEqual(actual, wanted, `messages:\n${report.findings.map((finding) => `  ${finding.file}:${finding.line} ${finding.message}`).join('\n')}`);
        assert.equal(run.code, wanted.length ? 1 : 0);
      });

      it('each guard fix makes its route guarded, and marking public silences it by route identity', async () => {
        const scan = async () =>
          JSON.parse((await runCli(dir.path, 'scan', '--category', 'open-route', '--format', 'json')).stdout) as { findings: JsonFinding[] };
        const { findings } = await scan();
        for (const finding of findings) {
          const fix = finding.fixes.find((candidate) => candidate.edits.length > 0);
          if (!fix) continue;
          const path = join(dir.path, finding.file);
          const before = readFileSync(path, 'utf8');
          writeFileSync(path, applyOneBasedEdits(before, fix.edits));
          const after = await scan();
          const still = after.findings.filter((other) => other.file === finding.file && other.message === finding.message);
          assert.deepEqual(still, [], `"${fix.title}" left ${finding.file}: ${finding.message}\n${readFileSync(path, 'utf8')}`);
          writeFileSync(path, before);
        }
        // The allowlist fix records the route (framework, method, path), not its line.
        const [first] = findings;
        if (!first) return;
        const marker = first.fixes.find((candidate) => candidate.allowlist);
        assert.ok(marker, 'every finding can be marked intentionally public');
        writeFileSync(join(dir.path, '.lastline.json'), JSON.stringify({ allowlist: [{ ...marker.allowlist, reason: 'public on purpose' }] }));
        const path = join(dir.path, first.file);
        const original = readFileSync(path, 'utf8');
        writeFileSync(path, `\n\n${original}`);
        try {
          const remaining = (await scan()).findings.filter((finding) => finding.fingerprint === first.fingerprint);
          assert.deepEqual(remaining, []);
        } finally {
          writeFileSync(path, original);
          rmSync(join(dir.path, '.lastline.json'));
        }
      });

      it('lists the routes with full paths and effective auth', async () => {
        const run = await runCli(dir.path, 'routes', '--format', 'json');
        assert.equal(run.code, 0, run.stderr);
        const listed = (JSON.parse(run.stdout) as { routes: { methods: string[]; path: string; auth: string; file: string; line: number }[] }).routes;
        const key = (route: { methods: string[]; path: string; auth: string; file: string; line: number }) =>
          `${route.methods.join('|')} ${route.path} ${route.auth} ${route.file}:${route.line}`;
        assert.deepEqual([...new Set(listed.map(key))].sort(), [...new Set(expected.routes.map(key))].sort());
      });
    });
  }
});
