// The commit gate's cost: `git commit` of 50 changed files in a repository of ~2,000 source files
// (about OWASP Juice Shop's size), with Lastline's hooks installed against the same commit without
// hooks, in the same run. Target (issue "commit gate"): the hooks add ≤ 300 ms at p95. The typical
// commit holds no AI-written lines; a second pair measures one with an AI-written file (its review
// waived, so the other checks run, within the project's route index from the result cache). Last,
// `lastline scan --staged` of a 10-file commit with a warm cache and Lastline's resident process up
// (issue "hostile input": ≤ 300 ms p95), and the same in a process of its own for comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repoRoot, 'bin', 'lastline.js');
const RUNS = Number(process.env.GATE_BENCH_RUNS ?? 15);
// Lastline's user cache (the startup snapshot among it) is the bench's own, so that every run
// measures the same thing: the snapshot is built by `hooks install` below and waited for.
const userCache = mkdtempSync(join(tmpdir(), 'lastline-bench-gate-cache-'));
process.env.XDG_CACHE_HOME = userCache;
// Its resident process too: started by the first `scan --staged` below, stopped at the end.
const runtimeFolder = mkdtempSync(join(tmpdir(), 'lastline-bench-gate-run-'));
process.env.XDG_RUNTIME_DIR = runtimeFolder;
process.env.LASTLINE_RESIDENT = 'on';
const FILES = 2000;
const CHANGED = 50;
/**
 * Shaped like OWASP Juice Shop: most files are services, components and helpers; about one in
 * twenty declares server routes (Juice Shop: ~60 route modules among ~1,000 source files).
 * GATE_BENCH_SHAPE=routes makes every file a router of 12 routes (24,000 routes): a worst case.
 */
const EVERY_FILE_ROUTES = process.env.GATE_BENCH_SHAPE === 'routes';
const isRouteFile = (index) => EVERY_FILE_ROUTES || index % 20 === 0;
const pathOf = (index) =>
  isRouteFile(index) ? join('routes', `group${index % 40}`, `route${index}.js`) : join('lib', `area${index % 40}`, `service${index}.js`);

function source(index, round) {
  return isRouteFile(index) ? routerSource(index, round) : serviceSource(index, round);
}

function routerSource(index, round) {
  const lines = [`import { Router } from 'express';`, `const router = Router();`, ''];
  for (let handler = 0; handler < (EVERY_FILE_ROUTES ? 12 : 5); handler++) {
    lines.push(
      `router.get('/items/${index}/${handler}', async (req, res) => {`,
      `  const items = await loadItems(req.params.id, ${handler});`,
      `  res.json({ items, round: ${round} });`,
      '});',
      '',
    );
  }
  lines.push('async function loadItems(id, page) {', '  return [{ id, page }];', '}', 'export default router;', '');
  return lines.join('\n');
}

function serviceSource(index, round) {
  const lines = [`import { db } from '../../db.js';`, `import { logger } from '../../logger.js';`, '', `export class Service${index} {`];
  for (let method = 0; method < 6; method++) {
    lines.push(
      `  async find${method}(id) {`,
      `    logger.debug('find${method}', { id, round: ${round} });`,
      `    const rows = await db.query('SELECT * FROM items_${method} WHERE id = ?', [id]);`,
      '    return rows.map((row) => ({ ...row, total: row.price * row.quantity }));',
      '  }',
      '',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

function makeRepository(withHooks) {
  const root = mkdtempSync(join(tmpdir(), `lastline-bench-gate-${withHooks ? 'hooks' : 'plain'}-`));
  const git = (...args) => execFileSync('git', args, { cwd: root });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  for (let index = 0; index < FILES; index++) {
    mkdirSync(dirname(join(root, pathOf(index))), { recursive: true });
    writeFileSync(join(root, pathOf(index)), source(index, 0));
  }
  git('add', '.');
  git('commit', '-qm', 'init');
  if (withHooks) execFileSync(process.execPath, [bin, 'hooks', 'install'], { cwd: root });
  return root;
}

function commitTimes(root, round0, count) {
  const times = [];
  for (let run = 0; run < count; run++) {
    const round = round0 + run + 1;
    for (let index = 0; index < CHANGED; index++) writeFileSync(join(root, pathOf(index)), source(index, round));
    execFileSync('git', ['add', '.'], { cwd: root });
    const started = process.hrtime.bigint();
    const result = spawnSync('git', ['commit', '-qm', `round ${round}`], { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`commit failed: ${result.stderr}`);
  }
  return times;
}

/** The agent writes `path` through Claude Code's Write: pre and post hook events through `lastline record`. */
function agentWrites(root, path, content, round) {
  const event = (name) =>
    JSON.stringify({
      session_id: 'bench-session',
      transcript_path: join(root, '.transcript.jsonl'),
      cwd: root,
      hook_event_name: name,
      tool_name: 'Write',
      tool_use_id: `toolu_bench_${round}`,
      tool_input: { file_path: join(root, path), content },
    });
  execFileSync(process.execPath, [bin, 'record'], { cwd: root, input: event('PreToolUse') });
  writeFileSync(join(root, path), content);
  execFileSync(process.execPath, [bin, 'record'], { cwd: root, input: event('PostToolUse') });
}

/**
 * Commits whose 50 files include one an agent wrote (the review waived by trailer, so the gate's
 * other checks run: findings in the AI lines, judged within the project's route index).
 */
function aiCommitTimes(root, round0, count) {
  const times = [];
  for (let run = 0; run < count; run++) {
    const round = round0 + run + 1;
    for (let index = 1; index < CHANGED; index++) writeFileSync(join(root, pathOf(index)), source(index, round));
    agentWrites(root, pathOf(0), source(0, round), round); // a router
    execFileSync('git', ['add', '.'], { cwd: root });
    const started = process.hrtime.bigint();
    const result = spawnSync('git', ['commit', '-qm', `round ${round}\n\nAI-Review-Waived: benchmark`], { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`commit failed: ${result.stderr}`);
  }
  return times;
}

/**
 * `lastline scan --staged` of 10 changed files: the cache holds the rest of the project. With
 * `scannedBefore`, a `lastline scan` of the working tree ran first (untimed), as in a workflow that
 * scans before committing: the staged content's own results are then in the cache too.
 */
function stagedScanTimes(root, round0, count, scannedBefore = false, env = process.env) {
  const times = [];
  for (let run = 0; run < count; run++) {
    const round = round0 + run + 1;
    for (let index = 0; index < 10; index++) writeFileSync(join(root, pathOf(index)), source(index, round));
    execFileSync('git', ['add', '.'], { cwd: root });
    if (scannedBefore) spawnSync(process.execPath, [bin, 'scan', '--format', 'json'], { cwd: root, encoding: 'utf8', env });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'scan', '--staged', '--format', 'json'], { cwd: root, encoding: 'utf8', env });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`scan --staged failed: ${result.stderr}`);
  }
  return times;
}

/** `hooks install` starts the startup snapshot's build in the background: wait for its seal. */
async function startupSnapshotBuilt() {
  const folder = join(userCache, 'lastline', 'startup-snapshots');
  for (let waited = 0; waited < 120_000; waited += 100) {
    const names = existsSync(folder) ? readdirSync(folder) : [];
    if (names.some((name) => name.endsWith('.seal.json')) && !names.some((name) => name.endsWith('.lock'))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Waits until the resident process answers a run, and returns its pid (to stop it at the end). */
async function residentProcessUp(root) {
  for (let waited = 0; waited < 120_000; waited += 200) {
    const probe = spawnSync(process.execPath, [bin, 'scan', '--staged', '--verbose'], { cwd: root, encoding: 'utf8' });
    const pid = /running in the resident process \(pid (\d+)\)/.exec(probe.stderr)?.[1];
    if (pid) return Number(pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log('(no resident process started: the scan --staged rows run without one)');
  return undefined;
}

let residentPid;
const plain = makeRepository(false);
const gated = makeRepository(true);
try {
  if (!(await startupSnapshotBuilt())) console.log('(no startup snapshot was built: the runs below start without one)');
  console.log(
    `git commit of ${CHANGED} changed files in a repository of ${FILES} files (${EVERY_FILE_ROUTES ? 'every file a router of 12 routes' : 'shaped like Juice Shop: 1 in 20 a router'}), ${RUNS} commits each, interleaved`,
  );
  const plainTimes = [];
  const gatedTimes = [];
  // Blocks of 5 alternate between the two, so that drift on the machine hits both alike.
  for (let block = 0; block < RUNS; block += 5) {
    const count = Math.min(5, RUNS - block);
    plainTimes.push(...commitTimes(plain, block, count));
    gatedTimes.push(...commitTimes(gated, block, count));
  }
  const row = (label, times) =>
    console.log(`${label.padEnd(36)} p50 ${median(times).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms`);
  row('without hooks', plainTimes);
  row("with Lastline's gate", gatedTimes);
  console.log(
    `the gate adds: p50 ${(median(gatedTimes) - median(plainTimes)).toFixed(0)} ms, p95 ${(percentile(gatedTimes, 95) - percentile(plainTimes, 95)).toFixed(0)} ms (target ≤ 300 ms at p95)`,
  );

  // A commit holding AI-written lines: the gate reads the project's route index, from the result
  // cache (warmed by one commit first, as the first commit after `hooks install` would).
  aiCommitTimes(gated, 1000, 1);
  const plainAgain = [];
  const aiTimes = [];
  for (let block = 0; block < RUNS; block += 5) {
    const count = Math.min(5, RUNS - block);
    plainAgain.push(...commitTimes(plain, 2000 + block, count));
    aiTimes.push(...aiCommitTimes(gated, 2000 + block, count));
  }
  row('without hooks', plainAgain);
  row('with the gate, 1 AI-written file', aiTimes);
  console.log(
    `the gate adds, with AI-written lines: p50 ${(median(aiTimes) - median(plainAgain)).toFixed(0)} ms, p95 ${(percentile(aiTimes, 95) - percentile(plainAgain, 95)).toFixed(0)} ms (target ≤ 300 ms at p95)`,
  );

  stagedScanTimes(gated, 3000, 1); // warms the result cache and starts the resident process
  residentPid = await residentProcessUp(gated);
  const staged = stagedScanTimes(gated, 3001, RUNS);
  const stagedScanned = stagedScanTimes(gated, 4000, RUNS, true);
  const ownProcess = { ...process.env, LASTLINE_RESIDENT: 'off' };
  const stagedFromSnapshot = stagedScanTimes(gated, 5000, RUNS, false, ownProcess);
  const stagedCold = stagedScanTimes(gated, 6000, RUNS, false, { ...ownProcess, LASTLINE_STARTUP_SNAPSHOT: 'off' });
  row('lastline scan --staged (10 files)', staged);
  row('  … after a scan of the working tree', stagedScanned);
  row('  … in a process of its own (snapshot)', stagedFromSnapshot);
  row('  … in a process of its own, cold', stagedCold);
  console.log(
    `scan --staged of a 10-file commit, warm cache and resident process: p95 ${percentile(staged, 95).toFixed(0)} ms (target ≤ 300 ms); with the staged content scanned before: p95 ${percentile(stagedScanned, 95).toFixed(0)} ms; in a process of its own: p95 ${percentile(stagedFromSnapshot, 95).toFixed(0)} ms from the startup snapshot, ${percentile(stagedCold, 95).toFixed(0)} ms without`,
  );
} finally {
  if (residentPid) process.kill(residentPid);
  rmSync(runtimeFolder, { recursive: true, force: true });
  rmSync(plain, { recursive: true, force: true });
  rmSync(gated, { recursive: true, force: true });
  rmSync(userCache, { recursive: true, force: true });
}
