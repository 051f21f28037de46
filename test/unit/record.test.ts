import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDirectory } from '../../src/git/repository-paths';
import { ProvenanceStore } from '../../src/store/provenance-store';
import { aiRows, expectedFile, hookFixture, record, type AiRow } from './agent-hooks';
import { git, REPO_ROOT, repositoryPerTest, runCli, tempDir, writeTree } from './helpers';

const COUPONS = 'app/coupons.py';

const spans = (rows: AiRow[], version = 'worktree') =>
  rows.filter((row) => row.in.includes(version)).map((row) => `${row.file}:${row.startLine}-${row.endLine}`);

function toolInput(payload: Record<string, unknown>): Record<string, string> {
  return payload.tool_input as Record<string, string>;
}

describe('lastline record: Claude Code', () => {
  let repo: string;
  const scratch = repositoryPerTest({ initialCommit: true });
  beforeEach(() => (repo = scratch.path));

  /** The agent's Write of the seed incident, with its pre and post events. */
  async function agentWritesCoupons() {
    assert.deepEqual(await record(repo, hookFixture('claude-pre-write.json', repo)), { code: 0, stdout: '', stderr: '' });
    writeTree(repo, { [COUPONS]: toolInput(hookFixture('claude-post-write.json', repo)).content });
    return record(repo, hookFixture('claude-post-write.json', repo));
  }

  it('records a Write and tells Claude about the string-built query, the # nosec that hides it and the open route', async () => {
    const post = await agentWritesCoupons();
    assert.equal(post.code, 0);
    assert.equal(post.stderr, '');
    const answer = JSON.parse(post.stdout) as { decision: string; reason: string };
    assert.equal(answer.decision, 'block');
    const problems = answer.reason.split('\n').filter((line) => line.startsWith('- '));
    assert.equal(problems.length, 3, answer.reason);
    assert.match(
      problems.find((line) => line.includes('[open-route, error]')) ?? '',
      /^- app\/coupons\.py:7 \[open-route, error\] Open route: POST \/coupons\/redeem/,
    );
    assert.match(problems.find((line) => line.includes('[string-built-query, error]')) ?? '', /^- app\/coupons\.py:12 .*Fix: /);
    assert.match(
      problems.find((line) => line.includes('[silenced-check, error]')) ?? '',
      /^- app\/coupons\.py:12 .*# nosec.*fix the query, do not silence the check/,
    );
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:1-13']);
  });

  it('keeps its state in the git folder, not in the work tree', async () => {
    await agentWritesCoupons();
    assert.deepEqual(git(repo, 'status', '--porcelain', '--ignored'), '?? app/\n');
    const store = new ProvenanceStore(join(repo, '.git', 'lastline'));
    assert.deepEqual(
      store.list().map((file) => file.path),
      [COUPONS],
    );
    assert.deepEqual(readdirSync(join(repo, '.git', 'lastline', 'snapshots')), [], 'the pre snapshot is consumed by the post event');
  });

  it('attributes only the lines an Edit changed, from its old and new strings when there was no pre event', async () => {
    writeTree(repo, { [COUPONS]: expectedFile('coupons.after-write.py') });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'coupons by a person');
    const edit = hookFixture('claude-post-edit.json', repo);
    const { old_string, new_string } = toolInput(edit);
    writeTree(repo, { [COUPONS]: expectedFile('coupons.after-write.py').replace(old_string, new_string) });
    const post = await record(repo, edit);
    assert.equal(post.code, 0, post.stderr);
    assert.equal(post.stdout, '', 'the new lines hold no finding');
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:13-15']);
  });

  it('leaves lines a person typed between two agent edits to the person', async () => {
    await agentWritesCoupons();
    // A person adds a line and rewrites another.
    const written = readFileSync(join(repo, COUPONS), 'utf8');
    const byPerson = written
      .replace('    code = request.form["code"]\n', '    code = request.form["code"].strip()\n')
      .replace('    db = sqlite3.connect("shop.db")\n', '    db = sqlite3.connect("shop.db")\n    app.logger.info("redeem %s", code)\n');
    writeTree(repo, { [COUPONS]: byPerson });
    const edit = hookFixture('claude-post-edit.json', repo);
    const { old_string, new_string } = toolInput(edit);
    assert.equal((await record(repo, hookFixture('claude-pre-edit.json', repo))).code, 0);
    writeTree(repo, { [COUPONS]: byPerson.replace(old_string, new_string) });
    assert.equal((await record(repo, edit)).code, 0);
    // 1-8 the agent's Write, 9 the person's rewrite, 10-11 the Write, 12 the person's new line,
    // 13 the Write's query line, 14-16 the agent's Edit (another tool call: its own range).
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:1-8', 'app/coupons.py:10-11', 'app/coupons.py:13-13', 'app/coupons.py:14-16']);
  });

  it('follows a line that moves and drops one a person rewrites', async () => {
    await agentWritesCoupons();
    const lines = readFileSync(join(repo, COUPONS), 'utf8').split('\n');
    // Move `import sqlite3` to the top and rewrite the TODO comment.
    const moved = [lines[1], lines[0], ...lines.slice(2)].map((line) => (line.includes('TODO') ? '    # validated by the form schema' : line));
    writeTree(repo, { [COUPONS]: moved.join('\n') });
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:1-9', 'app/coupons.py:11-13']);
  });

  it('lists AI lines in the staged content as well as in the working tree', async () => {
    await agentWritesCoupons();
    git(repo, 'add', COUPONS);
    writeTree(repo, { [COUPONS]: 'print("rewritten by a person")\n' });
    const rows = await aiRows(repo);
    assert.deepEqual(spans(rows, 'index'), ['app/coupons.py:1-13']);
    assert.deepEqual(spans(rows, 'worktree'), []);
    const text = await runCli(repo, 'ai');
    assert.match(text.stdout, /^app\/coupons\.py:1-13 +claude-code +\d{4}-\d\d-\d\d \d\d:\d\d {2}unreviewed {2}staged$/m);
  });

  it('reports findings in AI-written lines as AI-written and one level more severe in lastline scan', async () => {
    await agentWritesCoupons();
    const scan = await runCli(repo, 'scan', '--format', 'json');
    const findings = (JSON.parse(scan.stdout) as { findings: { ruleId: string; severity: string; message: string; line: number }[] }).findings;
    const todo = findings.filter((finding) => finding.line === 12);
    assert.ok(todo.length >= 2, scan.stdout);
    for (const finding of todo) assert.match(finding.message, / \(AI-written\)$/);
  });

  it('ignores tools that do not edit files, quietly', async () => {
    assert.deepEqual(await record(repo, hookFixture('claude-post-bash.json', repo)), { code: 0, stdout: '', stderr: '' });
    assert.equal(existsSync(join(repo, '.git', 'lastline')), false);
  });

  it('never fails the agent: bad input is one line on stderr, exit 0, and nothing recorded is lost', async () => {
    await agentWritesCoupons();
    const post = JSON.stringify(hookFixture('claude-post-write.json', repo));
    const cases: [string, string, RegExp][] = [
      ['malformed JSON', '{"hook_event_name": "PostToolUse", ', /not valid JSON/],
      ['truncated payload', post.slice(0, post.length / 2), /not valid JSON/],
      ['not an object', '[1, 2]', /not a JSON object/],
      ['an empty stdin', '', /not valid JSON/],
      // The parser's message quotes the input, line breaks and escape sequences included.
      ['text with line breaks', 'not json\n\u001b[2Jsecond line\n', /not valid JSON .*\\x0a/],
      ['an edit without a path', JSON.stringify({ ...JSON.parse(post), tool_input: { content: 'x' } }), /no tool_input\.file_path/],
      ['an unknown payload shape', JSON.stringify({ hello: 'world' }), /not from an agent Lastline knows/],
    ];
    for (const [what, payload, message] of cases) {
      const run = await record(repo, payload);
      assert.equal(run.code, 0, what);
      assert.equal(run.stdout, '', what);
      assert.equal(run.stderr.split('\n').length, 1, `${what}: ${run.stderr}`);
      assert.match(run.stderr, message, what);
    }
    const unknownAgent = await record(repo, post, '--agent', 'clippy');
    assert.deepEqual([unknownAgent.code, unknownAgent.stderr.split('\n').length], [0, 1]);
    assert.match(unknownAgent.stderr, /unknown agent "clippy"/);
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:1-13']);
  });

  it('says so when the file is not in a git repository, and exits 0', async () => {
    const outside = tempDir();
    try {
      const payload = hookFixture('claude-post-write.json', outside.path);
      writeTree(outside.path, { [COUPONS]: toolInput(payload).content });
      const run = await record(outside.path, payload);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /app\/coupons\.py is not in a git repository; nothing recorded/);
    } finally {
      outside.remove();
    }
  });

  it("waits for an edit that reaches the disk after the post-tool hook started (VS Code's agent)", async () => {
    writeTree(repo, { [COUPONS]: expectedFile('coupons.after-write.py') });
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'coupons by a person');
    const edit = hookFixture('claude-post-edit.json', repo);
    const { old_string, new_string } = toolInput(edit);
    const edited = expectedFile('coupons.after-write.py').replace(old_string, new_string);
    // Another process, once running, writes the edit 30 ms after the hook was called.
    const writer = spawn(process.execPath, [
      '-e',
      `process.stdout.write('ready'); setTimeout(() => require('fs').writeFileSync(${JSON.stringify(join(repo, COUPONS))}, ${JSON.stringify(edited)}), 30)`,
    ]);
    await new Promise((done) => writer.stdout.once('data', done));
    writer.stdout.resume();
    const post = await record(repo, edit);
    if (writer.exitCode === null) await new Promise((done) => writer.on('exit', done));
    assert.equal(post.code, 0, post.stderr);
    assert.deepEqual(spans(await aiRows(repo)), ['app/coupons.py:13-15']);
  });

  it('forgets a file the agent deleted', async () => {
    await agentWritesCoupons();
    spawnSync('rm', [join(repo, COUPONS)]);
    assert.equal((await record(repo, hookFixture('claude-post-edit.json', repo))).code, 0);
    assert.deepEqual(await aiRows(repo), []);
  });
});

describe('lastline record: concurrency and crashes', function () {
  this.timeout(60_000);
  let repo: string;
  const scratch = repositoryPerTest();
  beforeEach(() => (repo = scratch.path));

  const MAIN = join(REPO_ROOT, 'out/src/cli/main.js');
  const runner = `require(${JSON.stringify(MAIN)}).main(['record', '--agent', 'claude']).then((code) => { process.exitCode = code; })`;

  function recordInChild(payload: Record<string, unknown>): Promise<{ code: number | null; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['-e', runner], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stderr }));
      child.stdin.end(JSON.stringify(payload));
    });
  }

  /** A Write of `files/<n>.py` by the agent, already on disk. */
  function writeEvent(index: number): Record<string, unknown> {
    const payload = hookFixture('claude-post-write.json', repo);
    const path = join(repo, 'files', `${index}.py`);
    const content = `def handler_${index}():\n    return ${index}\n`;
    mkdirSync(join(repo, 'files'), { recursive: true });
    writeFileSync(path, content);
    return { ...payload, tool_use_id: `toolu_${index}`, tool_input: { file_path: path, content } };
  }

  it('loses nothing when ten records run at once', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, (_, index) => recordInChild(writeEvent(index))));
    for (const run of runs) assert.deepEqual(run, { code: 0, stderr: '' });
    const files = (await aiRows(repo)).map((row) => `${row.file}:${row.startLine}-${row.endLine}`).sort();
    assert.deepEqual(files, Array.from({ length: 10 }, (_, index) => `files/${index}.py:1-2`).sort());
  });

  it('breaks the lock of a killed writer, and a writer killed at any point leaves a readable state', async () => {
    const events = Array.from({ length: 40 }, (_, index) => writeEvent(index));
    // A writer killed with SIGKILL while it works through the events.
    const script = `const main = require(${JSON.stringify(MAIN)}).main;
      const events = ${JSON.stringify(events)};
      const fs = require('node:fs');
      (async () => { for (let round = 0; ; round++) for (const event of events) {
        fs.writeFileSync(event.tool_input.file_path, event.tool_input.content + '# ' + round + '\\n');
        const stdin = Buffer.from(JSON.stringify(event));
        await require(${JSON.stringify(join(REPO_ROOT, 'out/src/agents/record-command.js'))}).recordCommand(['--agent', 'claude'], { cwd: process.cwd(), color: false, out() {}, error() {} }, async () => undefined, { stdin: () => stdin });
      } })();`;
    for (const delay of [150, 400, 900]) {
      const child = spawn(process.execPath, ['-e', script], { cwd: repo, stdio: 'ignore' });
      await new Promise((done) => setTimeout(done, delay));
      child.kill('SIGKILL');
      await new Promise((done) => child.on('close', done));
      const store = new ProvenanceStore(stateDirectory({ root: repo, gitDir: join(repo, '.git') }));
      store.list();
      assert.deepEqual(store.problems, [], `state after a kill at ${delay} ms`);
      // The next record goes through even if the killed writer held the lock.
      assert.deepEqual(await recordInChild(writeEvent(99)), { code: 0, stderr: '' });
    }
    assert.ok((await aiRows(repo)).some((row) => row.file === 'files/99.py'));
  });
});
