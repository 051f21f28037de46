// `lastline scan` on worker threads must report exactly what a scan in one thread reports: same
// findings and fixes, same order, same skipped files — including routes judged across files,
// whose index the workers build first.
import { strict as assert } from 'node:assert';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { SILENT_LOGGER } from '../../src/core/log';
import { ScanWorkerPool } from '../../src/scan/parallel/pool';
import { defaultJobs, scanWorkingTree } from '../../src/scan/working-tree-scan';
import { fakePem, REPO_ROOT, runCli, tempDir, writeTree } from './helpers';

describe('parallel scan (--jobs)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  async function scanBothWays(cwd: string, ...argv: string[]) {
    const oneThread = await runCli(cwd, 'scan', '--jobs', '1', '--format', 'json', ...argv);
    const threads = await runCli(cwd, 'scan', '--jobs', '3', '--format', 'json', ...argv);
    return { oneThread, threads };
  }

  it('reports the same as one thread on every routes fixture app (cross-file mounts and guards)', async function () {
    this.timeout(60_000);
    const apps = join(REPO_ROOT, 'test', 'fixtures', 'routes');
    for (const app of readdirSync(apps)) cpSync(join(apps, app), join(dir.path, app), { recursive: true });
    // Many small batches, so that every worker reads part of every app.
    const { oneThread, threads } = await scanBothWays(dir.path);
    assert.equal(oneThread.code, 1);
    const findings = JSON.parse(oneThread.stdout).findings as { ruleId: string }[];
    assert.ok(
      findings.some((finding) => finding.ruleId === 'open-route'),
      'the apps have open routes',
    );
    assert.deepEqual({ ...threads, stdout: JSON.parse(threads.stdout) }, { ...oneThread, stdout: JSON.parse(oneThread.stdout) });
  });

  it('reports the same findings, fixes and skipped files as one thread on a mixed tree', async function () {
    this.timeout(60_000);
    const files: Record<string, string | Buffer> = {
      '.lastline.json': '{ "maxFileSize": 4096 }',
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'big.js': `${'x'.repeat(5000)}\n`,
      'keys/deploy.pem': fakePem(),
      '.env.production': 'STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc\n',
    };
    for (let index = 0; index < 40; index++) {
      files[`py/coupon_${index}.py`] =
        `import sqlite3\n\ndef coupon(db: sqlite3.Connection, code):\n    return db.execute(f"SELECT * FROM coupons WHERE code = '{code}'")  # nosec\n`;
      files[`js/run_${index}.js`] = `const { exec } = require('child_process');\nexports.run = (name) => exec('ls ' + name); // eslint-disable-line\n`;
      files[`ts/clean_${index}.ts`] = `export const answer${index} = ${index};\n`;
    }
    writeTree(dir.path, files);
    const { oneThread, threads } = await scanBothWays(dir.path);
    assert.equal(oneThread.code, 1);
    assert.ok(JSON.parse(oneThread.stdout).findings.length > 100);
    assert.match(oneThread.stderr, /skipped big\.js: .*exceeds maxFileSize/);
    assert.deepEqual({ ...threads, stdout: JSON.parse(threads.stdout) }, { ...oneThread, stdout: JSON.parse(oneThread.stdout) });
    const verbose = await runCli(dir.path, 'scan', '--jobs', '3', '--verbose');
    assert.match(verbose.stderr, /scanned 125 files on 3 threads/);
  });

  it('scans only the paths given, while the route index still covers the whole project', async function () {
    this.timeout(60_000);
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'routes', 'express-app'), dir.path, { recursive: true });
    const filler = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`routes/helpers/h${index}.js`, `exports.h${index} = () => ${index};\n`]));
    writeTree(dir.path, filler); // enough files under routes/ for several workers
    const { oneThread, threads } = await scanBothWays(dir.path, 'routes');
    assert.ok(JSON.parse(oneThread.stdout).findings.length > 0, 'the routes are judged with the app that mounts them');
    assert.deepEqual(threads, oneThread);
    const verbose = await runCli(dir.path, 'scan', '--jobs', '3', '--verbose', 'routes');
    assert.match(verbose.stderr, /scanned \d+ files on 3 threads/);
  });

  const badJobs = ['0', '-1', 'two', '1.5', ''];
  for (const value of badJobs) {
    it(`exits 2 with a clear message for --jobs "${value}"`, async () => {
      const run = await runCli(dir.path, 'scan', `--jobs=${value}`);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--jobs must be a whole number of at least 1/);
    });
  }

  it('defaults to threads only from 4 CPUs on, one per CPU up to 8', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 6, 8, 16].map((cpus) => defaultJobs(cpus)),
      [1, 1, 1, 4, 6, 8, 8],
    );
  });

  it('scans again in one thread, with a warning, when a worker fails', async function () {
    this.timeout(30_000);
    writeTree(dir.path, Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`keys/k${index}.pem`, fakePem('RSA ', index)])));
    const config = defaultConfig();
    const warnings: string[] = [];
    const log = { ...SILENT_LOGGER, warn: (message: string) => warnings.push(message) };
    const broken = { ...config, rules: undefined } as unknown as typeof config;
    const options = { roots: [dir.path], projectRoot: dir.path, config, log };
    const recovered = await scanWorkingTree({ ...options, jobs: 2, startWorkers: (count) => new ScanWorkerPool(count, { config: broken }, SILENT_LOGGER) });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^scanning on 2 threads failed \(scan worker \d: TypeError.*\); scanning on one thread$/s);
    assert.deepEqual(recovered, await scanWorkingTree({ ...options, jobs: 1 }));
    assert.equal(recovered.reports.length, 40);
  });

  it('a worker that fails rejects the run and names the worker', async function () {
    this.timeout(30_000);
    writeTree(dir.path, { 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
    // A config without rules makes the engine throw inside the worker: a real failure, not a mock.
    const broken = { ...defaultConfig(), rules: undefined } as unknown as ReturnType<typeof defaultConfig>;
    const pool = new ScanWorkerPool(2, { config: broken }, SILENT_LOGGER);
    try {
      const files = ['a.py', 'b.py'].map((name) => ({ absolutePath: join(dir.path, name), projectPath: name }));
      await assert.rejects(pool.run('analyze', files, 1), /scan worker \d: TypeError/);
    } finally {
      await pool.close();
    }
  });
});
