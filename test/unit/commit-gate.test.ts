import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_VARIABLES } from '../../src/agents/agent-environment';
import { parseGitAiNote } from '../../src/core/provenance/git-ai-note';
import { hookFixture, record } from './agent-hooks';
import { git, gitInit, REPO_ROOT, repositoryPerTest, runCli, tempDir, writeTree } from './helpers';
import { startOsvServer } from './osv-server';
import { startRegistryServer } from './registry-server';

const BIN = join(REPO_ROOT, 'bin', 'lastline.js');
const CLEAN_FILE = 'app/discounts.py';
const CLEAN_CONTENT = 'def discount(total, percent):\n    """Applies a percentage discount."""\n    return round(total * (100 - percent) / 100, 2)\n';

/** Runs git with the hooks, as a person's terminal would (no agent variables). */
function commit(repo: string, ...args: string[]): { code: number; stderr: string } {
  const result = spawnSync('git', ['commit', '-q', ...args], { cwd: repo, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status ?? -1, stderr: result.stderr };
}

/** `commit`, without blocking this process: for tests whose loopback services must answer the hooks. */
function commitAsync(repo: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['commit', '-q', ...args], { cwd: repo, env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** What VS Code's git error dialog shows of a hook's stderr: its first non-empty line. */
function firstLine(stderr: string): string {
  return stderr.split(/[\r\n]/).find((line) => line !== '') ?? '';
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const { variable } of AGENT_VARIABLES) if (!(variable in extra)) delete env[variable];
  return env;
}

/** `lastline review` in a pseudo-terminal (util-linux `script`), answering with `answers`. */
function reviewInTerminal(repo: string, answers: string, extraEnv: Record<string, string> = {}): { code: number; output: string } {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} review`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repo, input: answers, encoding: 'utf8', env: cleanEnv(extraEnv) });
  return { code: result.status ?? -1, output: result.stdout };
}

describe('the commit gate', function () {
  this.timeout(60_000);
  let repo: string;
  before(function () {
    if (!existsSync(join(REPO_ROOT, 'dist', 'lastline.js'))) this.skip(); // the hooks run the built CLI (npm test builds first)
  });
  const scratch = repositoryPerTest({ initialCommit: true });
  beforeEach(async () => {
    repo = scratch.path;
    const install = await runCli(repo, 'hooks', 'install');
    assert.equal(install.code, 0, install.stderr);
  });

  /** The agent writes `path` through Claude Code's Write (pre and post events). */
  async function agentWrites(path: string, content: string, toolUseId = 'toolu_gate') {
    const payload = hookFixture('claude-post-write.json', repo);
    const event = (name: string) => ({ ...payload, hook_event_name: name, tool_use_id: toolUseId, tool_input: { file_path: join(repo, path), content } });
    assert.equal((await record(repo, event('PreToolUse'))).code, 0);
    writeTree(repo, { [path]: content });
    assert.equal((await record(repo, event('PostToolUse'))).code, 0);
  }

  it('refuses a commit with unreviewed AI lines, naming each hunk and how to review it', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    const refused = commit(repo, '-m', 'Add discounts');
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /commit stopped: 1 AI-written hunk is not reviewed by a person\. .*\n {2}app\/discounts\.py:1-3 \(claude-code\)\n/);
    // VS Code's git error dialog shows only the first non-empty line: it alone says where to click.
    assert.equal(
      firstLine(refused.stderr),
      'lastline: commit stopped: 1 AI-written hunk is not reviewed by a person. Review: Source Control › "Review AI Changes" (or `lastline review` in a terminal).',
    );
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '1');
  });

  it('refuses error-level findings in AI-written lines: the seed coupon endpoint', async () => {
    const seed = (hookFixture('claude-post-write.json', repo).tool_input as { content: string }).content;
    await agentWrites('app/coupons.py', seed);
    git(repo, 'add', '.');
    const refused = commit(repo, '-m', 'coupons');
    assert.notEqual(refused.code, 0);
    assert.match(firstLine(refused.stderr), /^lastline: commit stopped: \d+ errors in AI-written lines\. Fix them \(Problems view/);
    assert.match(refused.stderr, /\nIn AI-written lines:\n/);
    assert.match(refused.stderr, /app\/coupons\.py:12 string-built-query/);
    assert.match(refused.stderr, /app\/coupons\.py:12 silenced-check/);
  });

  it('judges an AI-written route within the project: a guard mounted in app.js counts', async () => {
    const app = (guarded: boolean) =>
      [
        "const express = require('express');",
        ...(guarded ? ["const { requireAuth } = require('./auth');"] : []),
        "const admin = require('./routes/admin');",
        'const app = express();',
        ...(guarded ? ['app.use(requireAuth);'] : []),
        "app.use('/admin', admin);",
        'app.listen(3000);',
        '',
      ].join('\n');
    writeTree(repo, {
      'auth.js':
        "function requireAuth(req, res, next) {\n  if (!req.session || !req.session.userId) return res.status(401).send('Sign in first');\n  next();\n}\nmodule.exports = { requireAuth };\n",
      'app.js': app(false),
    });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'app', '--no-verify');
    await agentWrites(
      'routes/admin.js',
      "const express = require('express');\nconst router = express.Router();\nrouter.post('/users/:id/delete', (req, res) => res.send('deleted'));\nmodule.exports = router;\n",
    );
    git(repo, 'add', 'routes/admin.js');
    assert.match(commit(repo, '-m', 'admin').stderr, /routes\/admin\.js:3 open-route/);
    // The person guards the app (not an AI line): the same staged route is no longer open.
    writeTree(repo, { 'app.js': app(true) });
    git(repo, 'add', 'app.js');
    const refused = commit(repo, '-m', 'admin');
    assert.notEqual(refused.code, 0, 'still unreviewed');
    assert.doesNotMatch(refused.stderr, /open-route/);
  });

  it('refuses a vulnerable dependency an agent adds, checked against OSV; a service that is down is a notice only', async () => {
    const osv = await startOsvServer();
    const registry = await startRegistryServer([{ ecosystem: 'PyPI', name: 'Flask', created: '2010-04-06T14:27:00Z', versions: ['2.2.2', '2.2.5'] }]);
    const saved = { ...process.env };
    Object.assign(process.env, {
      LASTLINE_OSV_URL: osv.url,
      LASTLINE_PYPI_URL: registry.url,
      LASTLINE_NPM_REGISTRY_URL: registry.url,
      XDG_CACHE_HOME: join(repo, '.git', 'test-cache'),
    });
    delete process.env.LASTLINE_OFFLINE;
    try {
      await agentWrites('requirements.txt', 'Flask==2.2.2\n');
      git(repo, 'add', 'requirements.txt');
      const refused = await commitAsync(repo, '-m', 'deps');
      assert.notEqual(refused.code, 0);
      assert.match(firstLine(refused.stderr), /^lastline: commit stopped: an error in AI-written lines\./);
      assert.match(refused.stderr, /requirements\.txt:1 vulnerable-dependency/);
      // OSV down (and nothing cached for this version: the agent's feedback could not ask either):
      // said in one line; the dependency does not stop the commit.
      osv.fault({ kind: 'status', status: 503 }, 100);
      await agentWrites('requirements.txt', 'Flask==2.2.5\n', 'toolu_gate_2');
      git(repo, 'add', 'requirements.txt');
      const unchecked = await commitAsync(repo, '-m', 'deps');
      assert.match(unchecked.stderr, /lastline: gate: 1 dependency look-up had no answer \(OSV did not answer/);
      assert.doesNotMatch(unchecked.stderr, /vulnerable-dependency/);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      await osv.close();
      await registry.close();
    }
  });

  it('refuses a staged secret anywhere, and not when the gate switch is off', async () => {
    writeTree(repo, { 'config/settings.json': '{ "stripe_key": "sk_live_51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW" }\n' });
    git(repo, 'add', '.');
    const refused = commit(repo, '-m', 'settings');
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /secret is staged\. Fix them[^\n]*\nStaged secrets:\n {2}config\/settings\.json:1 /);
    writeTree(repo, { '.lastline.json': '{ "gate": { "secrets": false } }\n' });
    git(repo, 'add', '.');
    assert.equal(commit(repo, '-m', 'settings').code, 0);
  });

  it('passes once a person approves in a terminal; the commit carries both trailers and both notes', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    const review = reviewInTerminal(repo, 'a\n');
    assert.equal(review.code, 0, review.output);
    assert.match(review.output, /\[1\/1\] app\/discounts\.py:1-3 \(claude-code\)/);
    assert.match(review.output, /Approved 1, rejected 0, skipped 0, as Lastline Test <test@example.com>/);
    assert.match(
      (await runCli(repo, 'ai')).stdout,
      /^app\/discounts\.py:1-3 +claude-code .* reviewed by Lastline Test <test@example.com> {2}working tree, staged$/m,
    );
    assert.equal(commit(repo, '-m', 'Add discounts').code, 0);
    const message = git(repo, 'log', '-1', '--format=%B');
    assert.match(message, /^Assisted-by: claude-code:unknown$/m);
    assert.match(message, /^AI-Reviewed-by: Lastline Test <test@example.com>$/m);
    const note = parseGitAiNote(git(repo, 'notes', '--ref', 'refs/notes/ai', 'show', 'HEAD'));
    assert.ok(note, 'a v3 note');
    assert.equal(note.metadata.base_commit_sha, git(repo, 'rev-parse', 'HEAD').trim());
    assert.deepEqual(
      [...note.files.entries()].map(([path, entries]) => [path, entries.flatMap((entry) => entry.ranges)]),
      [[CLEAN_FILE, [[1, 3]]]],
    );
    const session = Object.values(note.metadata.sessions ?? {})[0];
    assert.equal(session.agent_id.tool, 'claude-code');
    const reviewNote = JSON.parse(git(repo, 'notes', '--ref', 'refs/notes/lastline-review', 'show', 'HEAD'));
    assert.equal(reviewNote.hunks[0].reviewer, 'Lastline Test <test@example.com>');
    // A second commit on top adds no trailers for the AI lines already committed.
    writeTree(repo, { 'README.md': '# shop\n\nDiscounts.\n' });
    git(repo, 'add', '.');
    assert.equal(commit(repo, '-m', 'Docs').code, 0);
    assert.doesNotMatch(git(repo, 'log', '-1', '--format=%B'), /Assisted-by/);
    // --amend keeps the notes (notes.rewriteRef).
    git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    assert.equal(commit(repo, '--amend', '--no-edit').code, 0);
    assert.ok(parseGitAiNote(git(repo, 'notes', '--ref', 'refs/notes/ai', 'show', 'HEAD')));
    assert.equal((await runCli(repo, 'verify', 'HEAD~1..HEAD')).code, 0);
    // rebase -i (rewriting every commit) keeps both notes too.
    const before = git(repo, 'rev-parse', 'HEAD').trim();
    const rebase = spawnSync('git', ['rebase', '-q', '-i', '--force-rebase', 'HEAD~1'], {
      cwd: repo,
      encoding: 'utf8',
      env: cleanEnv({ GIT_SEQUENCE_EDITOR: 'true', GIT_COMMITTER_DATE: '2030-01-01T00:00:00Z' }),
    });
    assert.equal(rebase.status, 0, rebase.stderr);
    assert.notEqual(git(repo, 'rev-parse', 'HEAD').trim(), before, 'the commit was rewritten');
    assert.deepEqual([...parseGitAiNote(git(repo, 'notes', '--ref', 'refs/notes/ai', 'show', 'HEAD'))!.files.keys()], [CLEAN_FILE]);
    assert.equal(JSON.parse(git(repo, 'notes', '--ref', 'refs/notes/lastline-review', 'show', 'HEAD')).hunks[0].reviewer, 'Lastline Test <test@example.com>');
    assert.equal((await runCli(repo, 'verify', 'HEAD~1..HEAD')).code, 0);
  });

  it('asks only about the AI lines that are staged (partial staging)', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    await agentWrites('app/other.py', 'VALUE = 1\n', 'toolu_other');
    git(repo, 'add', CLEAN_FILE);
    // Stage part of the file only, as `git add -p` would: its first line.
    const blob = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, input: CLEAN_CONTENT.split('\n')[0] + '\n', encoding: 'utf8' }).stdout.trim();
    git(repo, 'update-index', '--cacheinfo', `100644,${blob},${CLEAN_FILE}`);
    const refused = commit(repo, '-m', 'part');
    assert.match(refused.stderr, /1 AI-written hunk is not reviewed by a person\. [^\n]*\n {2}app\/discounts\.py:1 \(claude-code\)\n/);
    assert.doesNotMatch(refused.stderr, /other\.py/);
  });

  it('moves the notes to and from a remote', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    assert.equal(commit(repo, '-m', 'AI\n\nAI-Review-Waived: test').code, 0);
    const remote = tempDir();
    const clone = tempDir();
    try {
      git(remote.path, 'init', '-q', '--bare', '-b', 'main');
      git(repo, 'remote', 'add', 'origin', remote.path);
      git(repo, 'push', '-q', 'origin', 'main');
      assert.match((await runCli(repo, 'notes', 'push')).stdout, /Pushed refs\/notes\/ai, refs\/notes\/lastline-review to origin/);
      git(clone.path, 'clone', '-q', remote.path, '.');
      const fetched = await runCli(clone.path, 'notes', 'fetch', 'origin');
      assert.equal(fetched.code, 0, fetched.stderr);
      assert.ok(parseGitAiNote(git(clone.path, 'notes', '--ref', 'refs/notes/ai', 'show', 'HEAD')));
      assert.equal((await runCli(clone.path, 'verify', 'HEAD~1..HEAD')).code, 0);
      assert.equal((await runCli(clone.path, 'notes', 'fetch', 'origin')).code, 0, 'a second fetch merges');
    } finally {
      remote.remove();
      clone.remove();
    }
  });

  it('makes an approved hunk unreviewed again when it is edited', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    assert.equal(reviewInTerminal(repo, 'a\n').code, 0);
    writeTree(repo, { [CLEAN_FILE]: CLEAN_CONTENT.replace('100 - percent', '100 - min(percent, 90)') });
    await record(repo, {
      ...hookFixture('claude-post-edit.json', repo),
      tool_input: { file_path: join(repo, CLEAN_FILE), old_string: '100 - percent', new_string: '100 - min(percent, 90)' },
    });
    git(repo, 'add', CLEAN_FILE);
    const listed = await runCli(repo, 'review', '--list');
    assert.match(listed.stdout, /unreviewed/);
    assert.notEqual(commit(repo, '-m', 'Add discounts').code, 0);
  });

  it('rejecting a hunk removes it from the index and the working tree, after a confirmation', async () => {
    writeTree(repo, { [CLEAN_FILE]: 'import math\n' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'start', '--no-verify');
    await agentWrites(CLEAN_FILE, `import math\n${CLEAN_CONTENT}`);
    git(repo, 'add', CLEAN_FILE);
    const declined = reviewInTerminal(repo, 'r\nn\n');
    assert.match(declined.output, /skipped 1/);
    const review = reviewInTerminal(repo, 'r\ny\n');
    assert.match(review.output, /removed from the index and the working tree/);
    assert.equal(readFileSync(join(repo, CLEAN_FILE), 'utf8'), 'import math\n');
    assert.equal(git(repo, 'show', `:${CLEAN_FILE}`), 'import math\n');
  });

  it('accepts a waiver trailer and records it', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    assert.equal(commit(repo, '-m', 'Prototype\n\nAI-Review-Waived: throwaway spike, deleted before release').code, 0);
    const reviewNote = JSON.parse(git(repo, 'notes', '--ref', 'refs/notes/lastline-review', 'show', 'HEAD'));
    assert.equal(reviewNote.waiver, 'throwaway spike, deleted before release');
    assert.match(git(repo, 'log', '-1', '--format=%B'), /^Assisted-by: claude-code:unknown$/m);
    assert.equal((await runCli(repo, 'verify', 'HEAD~1..HEAD')).code, 0);
  });

  it("refuses approval without a terminal and inside every agent's environment", async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    const piped = spawnSync(process.execPath, [BIN, 'review'], { cwd: repo, input: 'a\n', encoding: 'utf8', env: cleanEnv() });
    assert.equal(piped.status, 2);
    assert.match(piped.stderr, /approval needs a person at an interactive terminal/);
    for (const { variable, value, agent } of AGENT_VARIABLES) {
      const run = reviewInTerminal(repo, 'a\n', { [variable]: value ?? 'session-1' });
      assert.equal(run.code, 2, `${variable}: ${run.output}`);
      assert.match(run.output, new RegExp(`runs inside ${agent} \\(${variable} is set\\)`));
    }
    assert.match((await runCli(repo, 'review', '--list')).stdout, /app\/discounts\.py:1-3 \(claude-code\) {2}unreviewed/);
    assert.match((await runCli(repo, 'review', '--yes')).stderr, /Unknown option '--yes'/);
  });

  it('lets verify catch a --no-verify commit in a range', async () => {
    await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
    git(repo, 'add', CLEAN_FILE);
    assert.equal(commit(repo, '--no-verify', '-m', 'Sneak it in').code, 0);
    writeTree(repo, { 'README.md': '# shop!\n' });
    git(repo, 'add', '.');
    assert.equal(commit(repo, '-m', 'Docs').code, 0);
    const verify = await runCli(repo, 'verify', 'HEAD~2..HEAD');
    assert.equal(verify.code, 1);
    assert.match(verify.stdout, /^[0-9a-f]{12} Sneak it in: AI-written lines \(app\/discounts\.py:1-3\) without AI-Reviewed-by or AI-Review-Waived$/m);
    assert.doesNotMatch(verify.stdout, /Docs/);
  });

  it('works for the initial commit and for a merge commit', async () => {
    const fresh = tempDir();
    try {
      gitInit(fresh.path);
      assert.equal((await runCli(fresh.path, 'hooks', 'install')).code, 0);
      const saved = repo;
      repo = fresh.path;
      await agentWrites(CLEAN_FILE, CLEAN_CONTENT);
      repo = saved;
      git(fresh.path, 'add', '.');
      assert.notEqual(commit(fresh.path, '-m', 'first').code, 0, 'the initial commit is gated too');
      assert.equal(commit(fresh.path, '-m', 'first\n\nAI-Review-Waived: bootstrap').code, 0);
      git(fresh.path, 'checkout', '-qb', 'side');
      writeTree(fresh.path, { 'b.txt': 'b\n' });
      git(fresh.path, 'add', '.');
      assert.equal(commit(fresh.path, '-m', 'side').code, 0);
      git(fresh.path, 'checkout', '-q', 'main');
      writeTree(fresh.path, { 'c.txt': 'c\n' });
      git(fresh.path, 'add', '.');
      assert.equal(commit(fresh.path, '-m', 'main').code, 0);
      const merge = spawnSync('git', ['merge', '-q', '--no-ff', '-m', 'merge side', 'side'], { cwd: fresh.path, encoding: 'utf8', env: cleanEnv() });
      assert.equal(merge.status, 0, merge.stderr);
    } finally {
      fresh.remove();
    }
  });

  it('chains a foreign hook and uninstall restores it byte for byte; honours core.hooksPath', async () => {
    const other = tempDir();
    try {
      gitInit(other.path);
      const hooks = join(other.path, '.husky', '_');
      git(other.path, 'config', 'core.hooksPath', '.husky/_');
      const foreign = '#!/bin/sh\necho "husky pre-commit ran" >&2\n';
      writeTree(other.path, { '.husky/_/pre-commit': foreign });
      chmodSync(join(hooks, 'pre-commit'), 0o751);
      const install = await runCli(other.path, 'hooks', 'install');
      assert.match(install.stdout, /pre-commit +\.husky\/_\/pre-commit: installed, chaining the existing hook/);
      assert.equal((await runCli(other.path, 'hooks', 'status')).code, 0);
      writeTree(other.path, { 'a.txt': 'a\n' });
      git(other.path, 'add', '.');
      const run = commit(other.path, '-m', 'a');
      assert.equal(run.code, 0);
      assert.match(run.stderr, /husky pre-commit ran/);
      assert.deepEqual(git(other.path, 'config', '--get-all', 'notes.rewriteRef').split('\n').filter(Boolean), ['refs/notes/ai', 'refs/notes/lastline-review']);
      assert.equal((await runCli(other.path, 'hooks', 'uninstall')).code, 0);
      assert.equal(readFileSync(join(hooks, 'pre-commit'), 'utf8'), foreign);
      assert.equal(statSync(join(hooks, 'pre-commit')).mode & 0o777, 0o751);
      for (const hook of ['commit-msg', 'post-commit', 'post-rewrite']) assert.equal(existsSync(join(hooks, hook)), false);
      assert.equal(spawnSync('git', ['config', '--get-all', 'notes.rewriteRef'], { cwd: other.path }).status, 1);
    } finally {
      other.remove();
    }
  });

  it('lets the commit through with a warning when Lastline cannot be found', async () => {
    const hook = readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8').replace(BIN, join(repo, 'missing', 'lastline.js'));
    writeTree(repo, { '.git/hooks/pre-commit': hook });
    writeTree(repo, { 'x.txt': 'x\n' });
    git(repo, 'add', '.');
    const run = commit(repo, '-m', 'x');
    assert.equal(run.code, 0);
    assert.match(run.stderr, /cannot find Node or .*missing\/lastline\.js; this commit is NOT checked/);
  });
});
