// `lastline record` as an agent's hook runs it: one process per tool call, on a 2,000-line file in
// a real git repository. Targets (issue "provenance"): p95 ≤ 50 ms for recording one edit including
// Node's start-up, and p95 ≤ 300 ms for recording plus the feedback scan of the changed file.
// `node -e 0` is measured in the same run: Node's own start-up on this machine is the floor.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';

// Lastline's own runs start a process each, as the peers' do: no resident process (bench/gate.mjs
// measures that one).
process.env.LASTLINE_RESIDENT ??= 'off';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repoRoot, 'bin', 'lastline.js');
const RUNS = Number(process.env.RECORD_BENCH_RUNS ?? 40);

function pythonFile(lines) {
  const out = ['import os', ''];
  for (let index = 0; out.length < lines - 2; index++)
    out.push(`def handler_${index}(request):`, `    value = request.args.get("v${index}")`, `    return {"value": value, "n": ${index}}`, '');
  return out.slice(0, lines).join('\n') + '\n';
}

function timeRuns(label, command, args, inputFor) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const input = inputFor?.(run);
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { input, cwd: repo, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${label}: exit ${result.status}: ${result.stderr}`);
    times.push(ms);
  }
  const row = { label, p50: median(times), p95: percentile(times, 95) };
  console.log(`${label.padEnd(52)} p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms`);
  return row;
}

const repo = mkdtempSync(join(tmpdir(), 'lastline-bench-record-'));
try {
  const git = (...args) => execFileSync('git', args, { cwd: repo });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  const file = join(repo, 'app.py');
  writeFileSync(file, pythonFile(2000));
  git('add', '.');
  git('commit', '-qm', 'init');

  // Each run is one Edit of a different function, applied to disk before its PostToolUse event.
  const editEvent = (run) => {
    const old = `    return {"value": value, "n": ${run}}`;
    const replacement = `    if value is None:\n        return {"value": None, "n": ${run}}\n    return {"value": value.strip(), "n": ${run}}`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(old, replacement));
    return JSON.stringify({
      session_id: 'bench',
      transcript_path: join(repo, 'none.jsonl'),
      cwd: repo,
      hook_event_name: 'PostToolUse',
      tool_name: 'Edit',
      tool_input: { file_path: file, old_string: old, new_string: replacement, replace_all: false },
      tool_use_id: `toolu_${Date.now()}`,
    });
  };

  console.log(`lastline record on a 2,000-line file, ${RUNS} runs each (one process per event, as an agent's hook runs it)`);
  timeRuns('node -e 0 (Node start-up alone)', process.execPath, ['-e', '0']);
  writeFileSync(join(repo, '.lastline.json'), '{ "agentFeedback": "off" }\n');
  timeRuns('record one Edit (agentFeedback off)', process.execPath, [bin, 'record', '--agent', 'claude'], editEvent);
  writeFileSync(join(repo, '.lastline.json'), '{ "agentFeedback": "all" }\n');
  git('checkout', '--', 'app.py');
  timeRuns('record one Edit + feedback scan of the file', process.execPath, [bin, 'record', '--agent', 'claude'], editEvent);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
