// The commit gate's cost: `git commit` of 50 changed files in a repository of ~2,000 source files
// (about OWASP Juice Shop's size), with Lastline's hooks installed against the same commit without
// hooks, in the same run. Target (issue "commit gate"): the hooks add ≤ 300 ms at p95. The typical
// commit holds no AI-written lines; a second pair measures one whose AI lines were reviewed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repoRoot, 'bin', 'lastline.js');
const RUNS = Number(process.env.GATE_BENCH_RUNS ?? 15);
const FILES = 2000;
const CHANGED = 50;

function source(index, round) {
  const lines = [`import { Router } from 'express';`, `const router = Router();`, ''];
  for (let handler = 0; handler < 12; handler++) {
    lines.push(`router.get('/items/${index}/${handler}', async (req, res) => {`, `  const items = await loadItems(req.params.id, ${handler});`, `  res.json({ items, round: ${round} });`, '});', '');
  }
  lines.push('async function loadItems(id, page) {', '  return [{ id, page }];', '}', 'export default router;', '');
  return lines.join('\n');
}

function makeRepository(withHooks) {
  const root = mkdtempSync(join(tmpdir(), `lastline-bench-gate-${withHooks ? 'hooks' : 'plain'}-`));
  const git = (...args) => execFileSync('git', args, { cwd: root });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  for (let index = 0; index < FILES; index++) {
    const dir = join(root, 'routes', `group${index % 40}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `route${index}.js`), source(index, 0));
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
    for (let index = 0; index < CHANGED; index++) writeFileSync(join(root, 'routes', `group${index % 40}`, `route${index}.js`), source(index, round));
    execFileSync('git', ['add', '.'], { cwd: root });
    const started = process.hrtime.bigint();
    const result = spawnSync('git', ['commit', '-qm', `round ${round}`], { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`commit failed: ${result.stderr}`);
  }
  return times;
}

const plain = makeRepository(false);
const gated = makeRepository(true);
try {
  console.log(`git commit of ${CHANGED} changed files in a repository of ${FILES} files, ${RUNS} commits each, interleaved`);
  const plainTimes = [];
  const gatedTimes = [];
  // Blocks of 5 alternate between the two, so that drift on the machine hits both alike.
  for (let block = 0; block < RUNS; block += 5) {
    const count = Math.min(5, RUNS - block);
    plainTimes.push(...commitTimes(plain, block, count));
    gatedTimes.push(...commitTimes(gated, block, count));
  }
  const row = (label, times) => console.log(`${label.padEnd(36)} p50 ${median(times).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms`);
  row('without hooks', plainTimes);
  row("with Lastline's gate", gatedTimes);
  console.log(`the gate adds: p50 ${(median(gatedTimes) - median(plainTimes)).toFixed(0)} ms, p95 ${(percentile(gatedTimes, 95) - percentile(plainTimes, 95)).toFixed(0)} ms (target ≤ 300 ms at p95)`);
} finally {
  rmSync(plain, { recursive: true, force: true });
  rmSync(gated, { recursive: true, force: true });
}
