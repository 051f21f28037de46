import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf } from '../../src/core/fingerprint';
import { git, gitInit, runCli, tempDir, writeTree } from './helpers';
import { stripeLiveKey } from './secret-values';

interface JsonFinding {
  ruleId: string;
  fingerprint: string;
}

/** The fingerprints `lastline scan --format json` reports in `dir`, by rule. */
async function fingerprints(dir: string): Promise<Record<string, string>> {
  const run = await runCli(dir, 'scan', '--format', 'json');
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return Object.fromEntries((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((finding) => [finding.ruleId, finding.fingerprint]));
}

describe('salted fingerprints of secrets', () => {
  const key = stripeLiveKey('salt');
  // A secret and, for comparison, a finding of another kind.
  const files = {
    'settings.py': `STRIPE_KEY = "${key}"\n`,
    'query.py': 'def find(cursor, request):\n    cursor.execute(f"SELECT * FROM t WHERE id = {request.args[\'id\']}")\n',
  };
  const dirs: ReturnType<typeof tempDir>[] = [];
  const repository = (firstMessage: string, extra: Record<string, string> = {}) => {
    const dir = tempDir();
    dirs.push(dir);
    gitInit(dir.path);
    writeTree(dir.path, { 'README.md': `${firstMessage}\n`, ...files, ...extra });
    git(dir.path, 'add', '.');
    git(dir.path, 'commit', '-q', '-m', firstMessage);
    return dir.path;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  it('salts a secret by its repository: equal in every clone, different elsewhere, never the bare hash', async () => {
    const original = repository('first');
    const clone = tempDir();
    dirs.push(clone);
    git(clone.path, 'clone', '-q', original, 'copy');
    const other = repository('another project');

    const [here, cloned, elsewhere] = [await fingerprints(original), await fingerprints(join(clone.path, 'copy')), await fingerprints(other)];
    assert.equal(cloned['provider-token'], here['provider-token']);
    assert.notEqual(elsewhere['provider-token'], here['provider-token']);
    // Nobody holding only the report can test a guess of the key: the bare hash is not what it shows.
    assert.notEqual(here['provider-token'], fingerprintOf('provider-token', key));
    // Findings that hold no secret keep their plain fingerprints, equal across projects.
    assert.equal(elsewhere['string-built-query'], here['string-built-query']);
  });

  it('keeps the derived salt in the git folder, and ignores a cache file that is not one', async () => {
    const dir = repository('first');
    const before = await fingerprints(dir);
    const cache = join(dir, '.git', 'lastline', 'fingerprint-salt');
    assert.match(readFileSync(cache, 'utf8'), /^repository:[0-9a-f]{40}\n$/);
    writeFileSync(cache, 'tampered\n');
    assert.deepEqual(await fingerprints(dir), before);
  });

  it('uses the salt .lastline.json sets, in any repository', async () => {
    const salt = { '.lastline.json': '{ "fingerprintSalt": "c0ffee00c0ffee00c0ffee00c0ffee00" }\n' };
    const [one, two] = [await fingerprints(repository('one', salt)), await fingerprints(repository('two', salt))];
    assert.equal(one['provider-token'], two['provider-token']);
  });

  it('refuses a salt too short to be one', async () => {
    const dir = repository('first', { '.lastline.json': '{ "fingerprintSalt": "abc" }\n' });
    const run = await runCli(dir, 'scan');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"fingerprintSalt": must be a string of at least 16 characters/);
  });

  it('still honours an allowlist entry recorded with the unsalted fingerprint', async () => {
    const entry = { fingerprint: fingerprintOf('provider-token', key), rule: 'provider-token', reason: 'recorded before salting' };
    const dir = repository('first', { '.lastline.json': JSON.stringify({ allowlist: [entry] }) });
    assert.equal((await fingerprints(dir))['provider-token'], undefined);
  });

  it('outside a repository, salts with a salt of this user kept in the cache folder', async () => {
    const cache = tempDir();
    const folder = tempDir();
    dirs.push(cache, folder);
    writeTree(folder.path, files);
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache.path;
    try {
      const [first, second] = [await fingerprints(folder.path), await fingerprints(folder.path)];
      assert.equal(second['provider-token'], first['provider-token']);
      assert.notEqual(first['provider-token'], fingerprintOf('provider-token', key));
      assert.ok(existsSync(join(cache.path, 'lastline', 'fingerprint-salt')));
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});
