// Lastline's resident process (src/launch/resident-*.ts): the first read-only command starts it,
// later ones run in it with the same output and exit code as a run of their own — in the caller's
// folder, environment and files of the moment — and whenever it is not there, not this build's,
// or not private to this user, the command simply runs in its own process.
// Needs `npm run build` (bin/lastline.js runs the bundles in dist/).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { servedByResident } from '../../src/launch/resident-client';
import { jsonLines, residentKey, socketAnswers, residentSocketPath, residentWanted, type ResidentMessage } from '../../src/launch/resident-protocol';
import { hookFixture, record } from './agent-hooks';
import { BACKUP_COMMAND_PY, COUPON_ROUTE_TS, gitInit, git, REPO_ROOT, runBin, runCli, tempDir, writeTree } from './helpers';
import { assertGrowth } from './scaling';

const DIST = join(REPO_ROOT, 'dist');
const SOURCES = { 'app.ts': COUPON_ROUTE_TS, 'tools/backup.py': BACKUP_COMMAND_PY };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (up to a minute, for a busy machine) until the resident process takes connections. */
async function residentUp(socket: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await socketAnswers(socket)) return;
    await sleep(100);
  }
  assert.fail('no resident process took connections within a minute');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 600 && alive(pid); attempt++) await sleep(100);
  assert.ok(!alive(pid), `resident process ${pid} still running after a minute`);
}

/** Sends one request on the socket and collects every message until the process hangs up. */
function ask(socket: string, request: object): Promise<ResidentMessage[]> {
  return new Promise((resolve) => {
    const received: ResidentMessage[] = [];
    const connection = connect(socket, () => connection.write(`${JSON.stringify(request)}\n`));
    connection.on(
      'data',
      jsonLines<ResidentMessage>(
        (message) => received.push(message),
        () => undefined,
      ),
    );
    connection.on('close', () => resolve(received));
  });
}

const residentPid = (stderr: string) => Number(/running in the resident process \(pid (\d+)\)/.exec(stderr)?.[1] ?? NaN);

describe('resident process', function () {
  let project: ReturnType<typeof tempDir>;
  let runtime: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  let socket: string;
  const pids = new Set<number>();

  beforeEach(() => {
    project = tempDir();
    runtime = tempDir('lastline-runtime-');
    chmodSync(runtime.path, 0o700);
    gitInit(project.path);
    writeTree(project.path, SOURCES);
    git(project.path, 'add', '.');
    env = { LASTLINE_RESIDENT: 'on', XDG_RUNTIME_DIR: runtime.path, LASTLINE_RESIDENT_IDLE_SECONDS: '120' };
    socket = residentSocketPath(residentKey(DIST), env)!;
  });

  afterEach(async () => {
    for (const pid of pids) if (alive(pid)) process.kill(pid);
    for (const pid of pids) await gone(pid);
    pids.clear();
    project.remove();
    runtime.remove();
  });

  /** Starts the resident process with a first run and returns its pid (from a --verbose run). */
  async function started(): Promise<number> {
    await runBin(project.path, env, 'scan', 'tools/backup.py');
    await residentUp(socket);
    const probe = await runBin(project.path, env, 'scan', 'tools/backup.py', '--verbose');
    const pid = residentPid(probe.stderr);
    assert.ok(pid > 0, probe.stderr);
    pids.add(pid);
    return pid;
  }

  it('answers later runs with the output and exit code of a run of their own', async () => {
    const own = await runBin(project.path, { LASTLINE_RESIDENT: 'off' }, 'scan', '--staged', '--format', 'json');
    assert.equal(own.status, 1);
    await started();
    const resident = await runBin(project.path, env, 'scan', '--staged', '--format', 'json', '--verbose');
    assert.match(resident.stderr, /running in the resident process/);
    assert.equal(resident.status, own.status);
    assert.deepEqual(JSON.parse(resident.stdout), JSON.parse(own.stdout));
    const ownRoutes = await runBin(project.path, { LASTLINE_RESIDENT: 'off' }, 'routes');
    const residentRoutes = await runBin(project.path, env, 'routes');
    assert.equal(residentRoutes.stdout, ownRoutes.stdout);
    assert.equal(residentRoutes.status, ownRoutes.status);
  });

  it('runs in the caller’s folder and environment, on the files as they are now', async () => {
    await started();
    // From a subfolder: paths are printed as that folder's own run prints them.
    const ownSub = await runBin(join(project.path, 'tools'), { LASTLINE_RESIDENT: 'off' }, 'scan', '.');
    const residentSub = await runBin(join(project.path, 'tools'), env, 'scan', '.', '--verbose');
    assert.match(residentSub.stderr, /running in the resident process/);
    assert.equal(residentSub.stdout, ownSub.stdout);
    // GIT_DIR and GIT_WORK_TREE from outside the work tree reach git through the environment.
    const outside = tempDir();
    try {
      const gitEnv = { GIT_DIR: join(project.path, '.git'), GIT_WORK_TREE: project.path };
      const own = await runBin(outside.path, { ...gitEnv, LASTLINE_RESIDENT: 'off' }, 'scan', '--staged', '--format', 'json');
      const resident = await runBin(outside.path, { ...env, ...gitEnv }, 'scan', '--staged', '--format', 'json', '--verbose');
      assert.match(resident.stderr, /running in the resident process/);
      assert.equal(own.status, 1);
      assert.deepEqual(JSON.parse(resident.stdout), JSON.parse(own.stdout));
    } finally {
      outside.remove();
    }
    // The file fixed: the next run sees it (nothing of the last run is kept but the result cache).
    writeFileSync(join(project.path, 'tools/backup.py'), 'import subprocess\ndef run(name):\n    subprocess.run(["tar", "czf", "backup.tgz", name])\n');
    const fixed = await runBin(project.path, env, 'scan', 'tools/backup.py', '--verbose');
    assert.match(fixed.stderr, /running in the resident process/);
    assert.equal(fixed.status, 0, fixed.stdout);
  });

  it('refuses a run of another build or of a command it does not serve', async () => {
    await started();
    const request = { key: residentKey(DIST), argv: ['scan', '.'], cwd: project.path, env: {}, color: false };
    assert.deepEqual(await ask(socket, { ...request, key: 'another-build' }), [{ refused: 'another build' }]);
    // Approval never runs away from the person's own terminal.
    assert.deepEqual(await ask(socket, { ...request, argv: ['review'] }), [{ refused: 'not a resident command' }]);
    assert.deepEqual(await ask(socket, { ...request, cwd: join(project.path, 'no-such-folder') }), [{ refused: 'folder not reachable' }]);
  });

  it('runs the command itself when the resident process is gone, and starts a new one', async () => {
    const pid = await started();
    process.kill(pid, 'SIGKILL');
    await gone(pid);
    assert.ok(existsSync(socket), 'a killed process leaves its socket file behind');
    const own = await runBin(project.path, { LASTLINE_RESIDENT: 'off' }, 'scan', '--format', 'json');
    const run = await runBin(project.path, env, 'scan', '--format', 'json', '--verbose');
    assert.doesNotMatch(run.stderr, /running in the resident process/);
    assert.equal(run.status, own.status);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(own.stdout));
    // …and the stale socket file was replaced by a new process.
    await residentUp(socket);
    const next = await runBin(project.path, env, 'scan', '--format', 'json', '--verbose');
    const newPid = residentPid(next.stderr);
    assert.ok(newPid > 0 && newPid !== pid, next.stderr);
    pids.add(newPid);
  });

  it("runs the commit gate's checks where agents wrote lines, with the same verdict", async () => {
    git(project.path, 'commit', '-qm', 'init');
    assert.equal((await runCli(project.path, 'hooks', 'install')).code, 0);
    assert.equal(servedByResident(['gate', 'pre-commit'], project.path), false, 'no agent records: the gate runs in its own process');
    const payload = hookFixture('claude-post-write.json', project.path);
    const seed = (payload.tool_input as { content: string }).content;
    const event = (name: string) => ({ ...payload, hook_event_name: name, tool_input: { file_path: join(project.path, 'app/coupons.py'), content: seed } });
    assert.equal((await record(project.path, event('PreToolUse'))).code, 0);
    writeTree(project.path, { 'app/coupons.py': seed });
    assert.equal((await record(project.path, event('PostToolUse'))).code, 0);
    git(project.path, 'add', '.');
    assert.equal(servedByResident(['gate', 'pre-commit'], project.path), true);
    assert.equal(servedByResident(['gate', 'commit-msg', '.git/COMMIT_EDITMSG'], project.path), true);
    assert.equal(servedByResident(['gate', 'post-commit'], project.path), true);
    assert.equal(servedByResident(['gate', 'post-rewrite'], project.path), false, 'reads stdin');

    const commit = (extra: NodeJS.ProcessEnv) =>
      spawnSync('git', ['commit', '-qm', 'coupons'], { cwd: project.path, encoding: 'utf8', env: { ...process.env, ...extra } });
    const own = commit({ LASTLINE_RESIDENT: 'off' });
    assert.notEqual(own.status, 0);
    assert.match(own.stderr, /commit stopped: \d+ errors in AI-written lines/);
    commit(env); // starts the resident process
    await residentUp(socket);
    // What the hook hands over, asked directly: the same refusal, line for line.
    const messages = await ask(socket, {
      key: residentKey(DIST),
      argv: ['gate', 'pre-commit'],
      cwd: project.path,
      env: { ...process.env, ...env },
      color: false,
    });
    const accepted = messages.find((message): message is { accepted: number } => 'accepted' in message);
    assert.ok(accepted);
    pids.add(accepted.accepted);
    const residentStderr = messages.flatMap((message) => ('error' in message ? [`lastline: ${message.error}\n`] : [])).join('');
    assert.equal(residentStderr, own.stderr);
    assert.deepEqual(messages.at(-1), { exit: 1 });
    const again = commit(env);
    assert.equal(again.status, own.status);
    assert.equal(again.stderr, own.stderr);
    assert.equal(git(project.path, 'rev-list', '--count', 'HEAD').trim(), '1');
  });

  it('commits AI-written lines whose review is waived, with their notes written', async () => {
    git(project.path, 'commit', '-qm', 'init');
    assert.equal((await runCli(project.path, 'hooks', 'install')).code, 0);
    await started();
    const content = 'def discount(total, percent):\n    return round(total * (100 - percent) / 100, 2)\n';
    const payload = hookFixture('claude-post-write.json', project.path);
    const event = (name: string) => ({ ...payload, hook_event_name: name, tool_input: { file_path: join(project.path, 'app/discounts.py'), content } });
    assert.equal((await record(project.path, event('PreToolUse'))).code, 0);
    writeTree(project.path, { 'app/discounts.py': content });
    assert.equal((await record(project.path, event('PostToolUse'))).code, 0);
    git(project.path, 'add', 'app/discounts.py');
    const committed = spawnSync('git', ['commit', '-qm', 'Discounts\n\nAI-Review-Waived: generated by the test'], {
      cwd: project.path,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(committed.status, 0, committed.stderr);
    assert.match(git(project.path, 'log', '-1', '--format=%B'), /Assisted-by: /);
    assert.match(git(project.path, 'notes', '--ref', 'refs/notes/ai', 'show', 'HEAD'), /app\/discounts\.py/);
    assert.equal((await runCli(project.path, 'verify', 'HEAD~1..HEAD')).code, 0);
  });

  it('leaves after a quiet spell, removing its socket', async () => {
    env.LASTLINE_RESIDENT_IDLE_SECONDS = '5';
    const pid = await started();
    await gone(pid);
    assert.ok(!existsSync(socket));
  });

  it('is not used where others could reach its socket, nor started under CI unless asked', async () => {
    const folder = join(runtime.path, `lastline-${process.getuid?.() ?? 0}`);
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o755);
    assert.equal(residentSocketPath(residentKey(DIST), env), undefined);
    const open = await runBin(project.path, env, 'scan', 'tools/backup.py', '--verbose');
    assert.equal(open.status, 1);
    assert.doesNotMatch(open.stderr, /resident/);
    await sleep(500);
    assert.ok(!existsSync(socket));

    chmodSync(folder, 0o700);
    assert.equal(residentWanted({ CI: 'true' }), false);
    assert.equal(residentWanted({ CI: 'true', LASTLINE_RESIDENT: 'on' }), true);
    assert.equal(residentWanted({ LASTLINE_RESIDENT: 'off' }), false);
    assert.equal(residentWanted({}), true);
    const underCi = await runBin(project.path, { ...env, LASTLINE_RESIDENT: '', CI: 'true' }, 'scan', 'tools/backup.py');
    assert.equal(underCi.status, 1);
    await sleep(500);
    assert.ok(!existsSync(socket));
  });
});

describe('resident process messages (JSON lines)', () => {
  it('reads messages split anywhere, a character split between chunks included', () => {
    const messages: ResidentMessage[] = [{ out: 'naïve → ✓ 😀' }, { error: 'two\nlines' }, { exit: 1 }];
    const bytes = Buffer.from(messages.map((message) => `${JSON.stringify(message)}\n`).join(''));
    for (let cut = 1; cut < bytes.length; cut++) {
      const received: ResidentMessage[] = [];
      const read = jsonLines<ResidentMessage>(
        (message) => received.push(message),
        () => assert.fail('garbage'),
      );
      read(bytes.subarray(0, cut));
      read(bytes.subarray(cut));
      assert.deepEqual(received, messages, `cut at byte ${cut}`);
    }
  });

  it('stops at a line that is not JSON', () => {
    const received: ResidentMessage[] = [];
    let garbage = 0;
    const read = jsonLines<ResidentMessage>(
      (message) => received.push(message),
      () => garbage++,
    );
    read(Buffer.from('{"out":"a"}\nnot json\n{"exit":0}\n'));
    read(Buffer.from('{"exit":0}\n'));
    assert.deepEqual(received, [{ out: 'a' }]);
    assert.equal(garbage, 1);
  });

  it('reads a long line (a whole JSON report) in linear time, however it is chunked', async () => {
    await assertGrowth(
      (size) => {
        const line = Buffer.from(`${JSON.stringify({ out: 'x'.repeat(size) })}\n`);
        return Array.from({ length: Math.ceil(line.length / 1024) }, (_, index) => line.subarray(index * 1024, index * 1024 + 1024));
      },
      (chunks) => {
        let received = 0;
        const read = jsonLines<ResidentMessage>(
          () => received++,
          () => undefined,
        );
        for (const chunk of chunks) read(chunk);
        assert.equal(received, 1);
      },
      50_000,
    );
  });
});
