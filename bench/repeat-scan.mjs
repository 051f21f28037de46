// A repeat scan of an unchanged tree against the first, through the result cache: the first scan
// of each pair starts without a cache (the cache file is removed) and writes it; the second reads
// it. Pairs run back to back so that drift on the machine hits both alike. Target (issue "hostile
// input", item 8): the second scan ≥ 5× faster than the first.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { timedRun } from './peers.mjs';
import { median } from './stats.mjs';

export function measureRepeatScan(build, corpusRoot, runs, temp, log) {
  const cacheFile = resolve(
    corpusRoot,
    execFileSync('git', ['rev-parse', '--git-path', 'lastline/scan-cache.json'], { cwd: corpusRoot, encoding: 'utf8' }).trim(),
  );
  const first = [];
  const second = [];
  const reports = [];
  try {
    for (let run = 1; run <= runs; run++) {
      rmSync(cacheFile, { force: true });
      for (const times of [first, second]) {
        const out = join(temp, `repeat-scan-${times === first ? 'first' : 'second'}.json`);
        const outcome = timedRun(process.execPath, [build.bin, 'scan', '--format', 'json', '--output', out, '.'], corpusRoot, [0, 1, 2]);
        if (outcome.failure) return { status: 'crashed', reason: outcome.failure };
        times.push(outcome.ms);
        reports.push(readFileSync(out, 'utf8'));
      }
      log(`run ${run}/${runs} repeat scan: first ${(first.at(-1) / 1000).toFixed(2)} s, second ${(second.at(-1) / 1000).toFixed(2)} s`);
    }
  } finally {
    rmSync(cacheFile, { force: true });
  }
  // The cached report must be the report: a cache that changed a finding would be a bug, not speed.
  const identical = reports.every((report) => report === reports[0]);
  return { status: 'ok', firstMs: median(first), secondMs: median(second), ratio: median(first) / median(second), identical, first, second };
}
