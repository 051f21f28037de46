// The CLI's start from a V8 startup snapshot (src/launch/startup-snapshot.ts): the first parsing
// command builds the blob in the background, later runs start from it with the same results, and
// a blob Node cannot load is dropped with the command still run — never a lost run or exit code.
// Needs `npm run build` (bin/lastline.js runs the bundles in dist/).
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasAgentRecords } from '../../src/launch/startup-snapshot';
import { BACKUP_COMMAND_PY, COUPON_ROUTE_TS, gitInit, git, runBin as lastline, tempDir, writeTree } from './helpers';

/** Waits for the detached builder: a blob appears, and no lock is left. */
async function builtBlob(cache: string): Promise<string> {
  const folder = join(cache, 'lastline', 'startup-snapshots');
  for (let attempt = 0; attempt < 600; attempt++) {
    const names = existsSync(folder) ? readdirSync(folder) : [];
    // The seal is written last: with it, the blob is in place and checked.
    const seal = names.find((name) => name.endsWith('.seal.json'));
    if (seal && !names.some((name) => name.endsWith('.lock'))) return join(folder, seal.replace(/\.seal\.json$/, '.blob'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('no startup snapshot was built within a minute');
}

const SOURCES = { 'app.ts': COUPON_ROUTE_TS, 'tool.py': BACKUP_COMMAND_PY };

describe('startup snapshot', function () {
  this.timeout(120_000);
  let project: ReturnType<typeof tempDir>;
  let cache: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    project = tempDir();
    cache = tempDir('lastline-snapshot-cache-');
    env = { XDG_CACHE_HOME: cache.path, LASTLINE_STARTUP_SNAPSHOT: '' };
    gitInit(project.path);
    writeTree(project.path, SOURCES);
    git(project.path, 'add', '.');
  });
  afterEach(() => {
    project.remove();
    cache.remove();
  });

  it('is built after the first parsing command, and later runs from it report the same findings', async () => {
    const first = await lastline(project.path, env, 'scan', '--staged', '--format', 'json', '--no-cache', '--verbose');
    assert.equal(first.status, 1, first.stderr);
    assert.doesNotMatch(first.stderr, /startup snapshot/);
    await builtBlob(cache.path);

    const second = await lastline(project.path, env, 'scan', '--staged', '--format', 'json', '--no-cache', '--verbose');
    assert.equal(second.status, 1, second.stderr);
    assert.match(second.stderr, /started from this machine's startup snapshot/);
    assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
    const ruleIds = JSON.parse(second.stdout)
      .findings.map((finding: { ruleId: string }) => finding.ruleId)
      .sort();
    assert.deepEqual(ruleIds, ['string-built-command', 'string-built-query']);
  });

  it('passes arguments, the working folder and the exit code through', async () => {
    await lastline(project.path, env, 'scan', 'tool.py');
    await builtBlob(cache.path);
    const clean = await lastline(project.path, env, 'routes', 'app.ts', '--format', 'json');
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(
      JSON.parse(clean.stdout).routes.map((route: { path: string }) => route.path),
      ['/coupons/:code'],
    );
    const usage = await lastline(project.path, env, 'scan', '--no-such-option');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /no-such-option/);
  });

  it('never hands Node a blob changed since its check (Node aborts on one it cannot read): the command runs as before', async () => {
    await lastline(project.path, env, 'scan', 'tool.py');
    const blob = await builtBlob(cache.path);
    writeFileSync(blob, 'not a V8 snapshot');
    const run = await lastline(project.path, env, 'scan', 'tool.py', '--format', 'json', '--verbose');
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /snapshot/i);
    assert.deepEqual(
      JSON.parse(run.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId),
      ['string-built-command'],
    );
    // It is removed and built again: the next run starts from the new one.
    await builtBlob(cache.path);
    const again = await lastline(project.path, env, 'scan', 'tool.py', '--format', 'json', '--verbose');
    assert.match(again.stderr, /started from this machine's startup snapshot/);
    assert.deepEqual(JSON.parse(again.stdout), JSON.parse(run.stdout));
  });

  it('is neither built nor used with LASTLINE_STARTUP_SNAPSHOT=off', async () => {
    const run = await lastline(project.path, { ...env, LASTLINE_STARTUP_SNAPSHOT: 'off' }, 'scan', 'tool.py');
    assert.equal(run.status, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(!existsSync(join(cache.path, 'lastline', 'startup-snapshots')), 'no builder ran');
  });

  it('leaves commands that parse nothing (deps, rules) to start as before, without a build', async () => {
    const run = await lastline(project.path, env, 'rules');
    assert.equal(run.status, 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(!existsSync(join(cache.path, 'lastline', 'startup-snapshots')), 'no builder ran');
  });
});

describe('startup snapshot: the commit gate starts from it only where agents wrote lines', () => {
  let project: ReturnType<typeof tempDir>;
  beforeEach(() => {
    project = tempDir();
    gitInit(project.path);
    mkdirSync(join(project.path, 'src', 'deep'), { recursive: true });
  });
  afterEach(() => project.remove());

  it('looks for provenance records in the git dir of the enclosing work tree', () => {
    assert.equal(hasAgentRecords(join(project.path, 'src', 'deep')), false);
    mkdirSync(join(project.path, '.git', 'lastline', 'files'), { recursive: true });
    assert.equal(hasAgentRecords(join(project.path, 'src', 'deep')), false, 'an empty records folder');
    writeFileSync(join(project.path, '.git', 'lastline', 'files', 'record.json'), '{}');
    assert.equal(hasAgentRecords(join(project.path, 'src', 'deep')), true);
  });

  it("follows a linked work tree's .git file to its own git dir", () => {
    git(project.path, 'commit', '-q', '--allow-empty', '-m', 'first');
    const linked = join(project.path, '..', `${project.path.split('/').pop()}-linked`);
    git(project.path, 'worktree', 'add', '-q', linked);
    try {
      const gitDirectory = git(linked, 'rev-parse', '--absolute-git-dir').trim();
      assert.equal(hasAgentRecords(linked), false);
      mkdirSync(join(gitDirectory, 'lastline', 'files'), { recursive: true });
      writeFileSync(join(gitDirectory, 'lastline', 'files', 'record.json'), '{}');
      assert.equal(hasAgentRecords(linked), true);
    } finally {
      git(project.path, 'worktree', 'remove', '--force', linked);
    }
  });

  it('is false outside any repository (the gate then starts as before)', () => {
    const outside = tempDir();
    try {
      assert.equal(hasAgentRecords(outside.path), false);
    } finally {
      outside.remove();
    }
  });
});
