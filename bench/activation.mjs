// Extension activation time, measured inside a real VS Code: test/host/run.mjs (code-server +
// headless Chromium) runs bench/activation-suite.js instead of the host tests when the env var
// LASTLINE_HOST_TESTS names it. The suite prints `activationMs=<n>` (the extension's own figure,
// returned by activate()); each run is a fresh VS Code, so each figure is a first activation.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, round2 } from './stats.mjs';

const RUN_TIMEOUT_MS = 240_000;

/** Why activation cannot be measured here, or undefined when it can. */
export function activationBlocker(repoRoot) {
  const runner = join(repoRoot, 'test', 'host', 'run.mjs');
  if (!existsSync(runner)) return { status: 'pending', reason: 'test/host/run.mjs does not exist yet' };
  if (!readFileSync(runner, 'utf8').includes('LASTLINE_HOST_TESTS')) {
    return { status: 'pending', reason: 'test/host/run.mjs does not support LASTLINE_HOST_TESTS (overriding the suite entry) yet' };
  }
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) return { status: 'missing', reason: 'dist/extension.js missing: run npm run build' };
  return undefined;
}

export function measureActivation(repoRoot, runs, log = () => {}) {
  const blocker = activationBlocker(repoRoot);
  if (blocker) return { ...blocker, runs: [] };
  const suite = join(repoRoot, 'bench', 'activation-suite.js');
  const samples = [];
  const loads = [];
  const failures = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    const child = spawnSync(process.execPath, [join(repoRoot, 'test', 'host', 'run.mjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, LASTLINE_HOST_TESTS: suite },
    });
    const output = `${child.stdout ?? ''}\n${child.stderr ?? ''}`;
    const activation = /activationMs=([\d.]+)/.exec(output);
    const load = /extensionLoadMs=([\d.]+)/.exec(output);
    if (activation) {
      samples.push(Number(activation[1]));
      if (load) loads.push(Number(load[1]));
      log(`activation run ${i + 1}/${runs}: ${activation[1]} ms (VS Code session ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } else {
      const why = child.error ? child.error.message : `exit code ${child.status}`;
      // The runner's exit codes: 2 = setup problem (code-server or Chromium missing, not built).
      const tail = output.trim().split('\n').slice(-8).join('\n    ');
      failures.push(`${why}\n    ${tail}`);
      log(`activation run ${i + 1}/${runs} failed: ${why}`);
      if (child.status === 2) return { status: 'missing', reason: `host runner could not start VS Code:\n    ${tail}`, runs: samples };
    }
  }
  if (samples.length === 0) return { status: 'crashed', reason: failures[0], runs: [] };
  return {
    status: 'ok',
    runs: samples,
    medianMs: round2(median(samples)),
    extensionLoadRuns: loads,
    extensionLoadMedianMs: loads.length ? round2(median(loads)) : undefined,
    failures,
  };
}
