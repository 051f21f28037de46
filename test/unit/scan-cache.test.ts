// The scan result cache: a repeat scan gives exactly the first one's report while analysing only
// what changed — including findings that depend on other files (a guard mounted in app.js decides
// whether a route in routes/admin.js is open) — and a broken, foreign or racy cache is never trusted.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/scan/config-file';
import { ScanCache } from '../../src/scan/cache/scan-cache';
import { scanWorkingTree } from '../../src/scan/working-tree-scan';
import { git, repositoryPerTest, runCli, writeTree } from './helpers';

const APP = `const express = require('express');
const admin = require('./routes/admin');
const app = express();
app.use('/admin', admin);
app.listen(3000);
`;

const GUARDED_APP = `const express = require('express');
const { requireAuth } = require('./auth');
const admin = require('./routes/admin');
const app = express();
app.use(requireAuth);
app.use('/admin', admin);
app.listen(3000);
`;

const AUTH = `function requireAuth(req, res, next) {
  if (!req.session || !req.session.userId) return res.status(401).send('Sign in first');
  next();
}
module.exports = { requireAuth };
`;

const ADMIN = `const express = require('express');
const router = express.Router();
router.post('/users/:id/delete', (req, res) => res.send('deleted'));
module.exports = router;
`;

const PROJECT = {
  'app.js': APP,
  'auth.js': AUTH,
  'routes/admin.js': ADMIN,
  'lib/strings.js': 'export const shout = (text) => text.toUpperCase();\n',
  'db/users.py': 'def find(cursor, name):\n    cursor.execute(f"SELECT * FROM users WHERE name = \'{name}\'")\n',
  'config/settings.json': '{ "stripeKey": "sk_live_51HaB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD7eF8gH9" }\n',
};

/** Dates every file an hour back: the cache then trusts their stamps (see TRUST_AFTER_MS). */
function age(root: string, paths: string[]): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const path of paths) utimesSync(join(root, path), past, past);
}

describe('scan result cache', () => {
  const repo = repositoryPerTest();

  async function scan(options: { cache?: boolean } = {}) {
    const { config } = loadConfig(repo.path);
    const cache = options.cache === false ? undefined : ScanCache.open(repo.path);
    const result = await scanWorkingTree({ roots: [repo.path], projectRoot: repo.path, config, log: silent, jobs: 1, cache });
    cache?.save();
    const findings = result.reports
      .flatMap((report) => report.findings.map((finding) => `${report.projectPath}:${finding.range.start.line + 1} ${finding.ruleId} ${finding.severity}`))
      .sort();
    return { findings, stats: cache?.stats, result };
  }

  it('answers a repeat scan from the cache, with the same findings, without reading unchanged files', async () => {
    writeTree(repo.path, PROJECT);
    age(repo.path, Object.keys(PROJECT));
    const cold = await scan();
    assert.ok(
      cold.findings.some((finding) => finding.startsWith('routes/admin.js:3 open-route')),
      cold.findings.join('\n'),
    );
    assert.ok(cold.findings.some((finding) => finding.startsWith('db/users.py:2 string-built-query')));
    assert.ok(cold.findings.some((finding) => finding.startsWith('config/settings.json:1 ')));
    const warm = await scan();
    assert.deepEqual(warm.findings, cold.findings);
    assert.deepEqual(warm.findings, (await scan({ cache: false })).findings);
    // Only the files that report are read, for their excerpts; nothing is analysed again.
    assert.equal(warm.stats?.analysesKept, 0);
    assert.equal(warm.stats?.analysesReused, Object.keys(PROJECT).length);
    assert.equal(warm.stats?.contentReads, 0);
    for (const report of warm.result.reports) assert.equal(report.text, readFileSync(join(repo.path, report.projectPath), 'utf8'));
  });

  it('re-analyses a changed file only, when the change touches no project fact', async () => {
    writeTree(repo.path, PROJECT);
    age(repo.path, Object.keys(PROJECT));
    await scan();
    writeTree(repo.path, { 'lib/strings.js': 'export const whisper = (text) => text.toLowerCase();\n' });
    age(repo.path, ['lib/strings.js']);
    const warm = await scan();
    assert.equal(warm.stats?.analysesKept, 1);
    assert.equal(warm.stats?.analysesReused, Object.keys(PROJECT).length - 1);
  });

  it('re-judges the routes of other files when a guard is added in app.js', async () => {
    writeTree(repo.path, PROJECT);
    age(repo.path, Object.keys(PROJECT));
    assert.ok((await scan()).findings.some((finding) => finding.startsWith('routes/admin.js:3 open-route')));
    writeTree(repo.path, { 'app.js': GUARDED_APP });
    age(repo.path, ['app.js']);
    const warm = await scan();
    assert.deepEqual(
      warm.findings.filter((finding) => finding.includes('open-route')),
      [],
    );
    assert.deepEqual(warm.findings, (await scan({ cache: false })).findings);
  });

  it('re-judges the routes of other files when a manifest makes a folder an app of its own', async () => {
    // Without a bootstrap to follow, the API module's global guard covers what shares its manifest.
    const monorepo = {
      'package.json': '{ "private": true }\n',
      'apps/api/src/app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';

@Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })
export class AppModule {}
`,
      'apps/admin/src/tools.controller.ts': `import { Controller, Delete } from '@nestjs/common';

@Controller('admin')
export class ToolsController {
  @Delete('cache')
  clearCache() {
    return true;
  }
}
`,
    };
    writeTree(repo.path, monorepo);
    age(repo.path, Object.keys(monorepo));
    assert.ok(!(await scan()).findings.some((finding) => finding.includes('open-route')));
    writeTree(repo.path, { 'apps/admin/package.json': '{ "name": "admin" }\n' });
    age(repo.path, ['apps/admin/package.json']);
    const warm = await scan();
    assert.deepEqual(
      warm.findings.filter((finding) => finding.includes('open-route')).map((finding) => finding.split(' ').slice(0, 2).join(' ')),
      ['apps/admin/src/tools.controller.ts:5 open-route'],
    );
    assert.deepEqual(warm.findings, (await scan({ cache: false })).findings);
  });

  it('re-analyses everything after a configuration change', async () => {
    writeTree(repo.path, PROJECT);
    age(repo.path, Object.keys(PROJECT));
    await scan();
    writeTree(repo.path, { '.lastline.json': JSON.stringify({ rules: { 'string-built-query': 'off' } }) });
    const warm = await scan();
    assert.ok(!warm.findings.some((finding) => finding.includes('string-built-query')));
    assert.equal(warm.stats?.analysesReused, 0);
  });

  it('reads a file again when its stamp is too recent to trust (same size, same time, new content)', async () => {
    writeTree(repo.path, { 'db/users.py': PROJECT['db/users.py'] });
    const { mtime } = statSync(join(repo.path, 'db/users.py'));
    assert.equal((await scan()).findings.length, 1);
    // Rewritten within the same clock tick: same size, and the modification time put back.
    writeFileSync(join(repo.path, 'db/users.py'), PROJECT['db/users.py'].replace('f"SELECT', ' "SELECT'));
    utimesSync(join(repo.path, 'db/users.py'), mtime, mtime);
    assert.deepEqual((await scan()).findings, []);
  });

  it('ignores a corrupt cache file and one written by another engine build or for another project', async () => {
    writeTree(repo.path, PROJECT);
    age(repo.path, Object.keys(PROJECT));
    const expected = (await scan()).findings;
    const file = join(repo.path, '.git', 'lastline', 'scan-cache.json');
    const valid = JSON.parse(readFileSync(file, 'utf8')) as {
      engine: string;
      project: string;
      files: Record<string, { contents: { analysis?: { result: { findings: unknown[] } } }[] }>;
    };
    // Entries that would hide every finding, under a foreign engine id or project, then garbage.
    for (const entry of Object.values(valid.files)) for (const content of entry.contents) if (content.analysis) content.analysis.result.findings = [];
    for (const tampered of [{ ...valid, engine: 'another build' }, { ...valid, project: '/elsewhere' }, '{"format":1,"engine":', '\u0000\u0001binary']) {
      writeFileSync(file, typeof tampered === 'string' ? tampered : JSON.stringify(tampered));
      const run = await scan();
      assert.deepEqual(run.findings, expected);
      assert.equal(run.stats?.analysesReused, 0);
      // Replaced by a valid cache of this run.
      assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { engine: string }).engine, valid.engine);
    }
  });

  it('is used by the CLI, and --no-cache neither reads nor writes it', async () => {
    writeTree(repo.path, PROJECT);
    const file = join(repo.path, '.git', 'lastline', 'scan-cache.json');
    const uncached = await runCli(repo.path, 'scan', '--no-cache', '--format', 'json');
    assert.equal(existsSync(file), false);
    const first = await runCli(repo.path, 'scan', '--format', 'json');
    assert.ok(existsSync(file));
    const second = await runCli(repo.path, 'scan', '--format', 'json', '--verbose');
    assert.equal(first.stdout, uncached.stdout);
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stderr, /result cache: 6 analyses and \d+ route summaries reused, 0 analyses kept/);
  });

  it('serves `scan --staged` (the commit gate) by content, whatever the working tree holds', async () => {
    writeTree(repo.path, PROJECT);
    git(repo.path, 'add', '.');
    const first = await runCli(repo.path, 'scan', '--staged', '--format', 'json');
    // The working tree moves on; the index still holds the scanned content.
    writeTree(repo.path, { 'db/users.py': 'def find(cursor, name):\n    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))\n' });
    const second = await runCli(repo.path, 'scan', '--staged', '--format', 'json', '--verbose');
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stderr, /result cache: 6 analyses/);
  });
});

const silent = { debug() {}, info() {}, warn() {}, error() {} };
