// Lastline as a measured tool, two ways:
//   - CLI: `node bin/lastline.js scan --format json …` as a child process — what a user or CI job
//     gets, start-up (Node + loading the engine bundle) included. This is the figure compared with
//     the peers, whose numbers include their start-up too.
//   - in-process: loadConfig + workingTreeSources + scanSources from dist/lastline.js, called in
//     this process — the same walk/read/analyze without start-up, i.e. what the extension's
//     "Scan Workspace" costs once the engine is loaded.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { countBy, readJson, timedRun } from './peers.mjs';

/**
 * `build` is the snapshot made by run.mjs: { bin, engine, version } (see snapshotBuild there).
 * With `category`, only that rule category runs (`--category`): the like-for-like comparison
 * with a single-purpose peer (secret rules against secretlint). With `oneThread`, `--jobs 1`:
 * the CLI's default scans a large tree on one worker thread per CPU, so the single-thread figure
 * is measured too (the peers' defaults are single-threaded).
 */
export function lastlineCli(build, category, { oneThread = false, defaultThreads } = {}) {
  const threads = oneThread
    ? ', one thread (--jobs 1)'
    : `, default${defaultThreads ? `: ${defaultThreads} thread${defaultThreads === 1 ? '' : 's'} here` : ' threads'}`;
  return {
    id: `lastline-cli${category ? `-${category}` : ''}${oneThread ? '-j1' : ''}`,
    name: category ? `Lastline CLI (${category} rules${threads})` : `Lastline CLI${threads}`,
    detect() {
      if (!existsSync(build.engine)) return { installed: false, install: 'npm run build' };
      return { installed: true, version: build.version };
    },
    prepare() {},
    /** Exit 1 = findings, 2 = rule errors or config problems (still a complete scan: reported, not fatal). */
    run(corpusRoot, dirs, tmp, tag) {
      const out = join(tmp, `lastline-${category ?? 'all'}${oneThread ? '-j1' : ''}-${tag}.json`); // one report per subset: summarized after all runs
      rmSync(out, { force: true });
      const only = category ? ['--category', category] : [];
      const jobs = oneThread ? ['--jobs', '1'] : [];
      // --no-cache: every run is a first scan, like the peers' (ESLint's --cache is off by default
      // too). The repeat scan, from the cache, is measured on its own (repeat-scan.mjs).
      const run = timedRun(
        process.execPath,
        [build.bin, 'scan', '--no-cache', '--format', 'json', '--output', out, ...only, ...jobs, ...dirs],
        corpusRoot,
        [0, 1, 2],
      );
      return { ...run, out };
    },
    summarize(run) {
      const report = readJson(run.out);
      if (report.__unreadable) return { note: `no report: ${report.__unreadable}` };
      const skipped = report.skipped ?? [];
      const errors = report.errors ?? [];
      return {
        filesCovered: report.stats?.filesAnalysed,
        bytesCovered: report.stats?.bytesAnalysed,
        findings: report.findings?.length ?? 0,
        findingsByRule: countBy(report.findings ?? [], (f) => f.ruleId),
        errors: errors.length,
        errorSamples: errors.slice(0, 5).map((e) => `${e.file}: ${e.ruleId}: ${e.message}`),
        skipped: skipped.length,
        skippedSamples: skipped.slice(0, 5).map((s) => `${s.file}: ${s.reason}`),
        note: run.status === 2 ? `exit code 2: ${run.stderr.trim().split('\n').slice(0, 3).join(' | ')}` : undefined,
      };
    },
  };
}

export function lastlineInProcess(engine) {
  return {
    id: 'lastline-inprocess',
    name: 'Lastline in-process',
    detect() {
      const missing = ['loadConfig', 'workingTreeSources', 'scanSources'].filter((name) => typeof engine[name] !== 'function');
      return missing.length ? { installed: false, install: `dist/lastline.js lacks ${missing.join(', ')}` } : { installed: true, version: 'same build' };
    },
    prepare() {},
    async run(corpusRoot, dirs) {
      const started = performance.now();
      let result;
      let failure;
      try {
        // Config loading is part of a scan (the CLI does it too); the corpus root holds .lastline.json.
        const { config } = engine.loadConfig(corpusRoot);
        const sources = engine.workingTreeSources(
          dirs.map((d) => join(corpusRoot, d)),
          corpusRoot,
          config,
        );
        result = await engine.scanSources(sources, { config });
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      return { ms: performance.now() - started, failure, result };
    },
    summarize(run) {
      const result = run.result;
      if (!result) return { note: 'no result' };
      const findings = result.reports.flatMap((r) => r.findings);
      const errors = result.reports.flatMap((r) => r.ruleErrors.map((e) => ({ ...e, file: r.projectPath })));
      return {
        filesCovered: result.filesAnalysed,
        bytesCovered: result.bytesAnalysed,
        findings: findings.length,
        findingsByRule: countBy(findings, (f) => f.ruleId),
        errors: errors.length,
        errorSamples: errors.slice(0, 5).map((e) => `${e.file}: ${e.ruleId}: ${e.message}`),
        skipped: result.skipped.length,
        skippedSamples: result.skipped.slice(0, 5).map((s) => `${s.projectPath}: ${s.reason}`),
      };
    },
  };
}
