#!/usr/bin/env node
// `npm run bench` (builds first): whole-tree scan throughput for Lastline and peer tools on one
// shared corpus, on-type re-analysis latency, raw parse cost and extension activation time.
// Prints a table (stdout) and writes everything to bench/results/latest.json. Never gates on a
// number: exits 1 only when a tool is missing or crashes (after running everything else).
//
//   node bench/run.mjs [--quick] [--runs N] [--no-activation]
//
// See bench/README.md for what each figure means.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureActivation } from './activation.mjs';
import { buildCorpus } from './corpus.mjs';
import { lastlineCli, lastlineInProcess } from './lastline.mjs';
import { measureRepeatScan } from './repeat-scan.mjs';
import { peers } from './peers.mjs';
import { evaluateTargets, render } from './report.mjs';
import { round2, throughput } from './stats.mjs';

// Lastline's own runs start a process each, as the peers' do: no resident process (bench/gate.mjs
// measures that one).
process.env.LASTLINE_RESIDENT ??= 'off';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORKER_TIMEOUT_MS = 300_000;
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function parseArgs(argv) {
  const options = { quick: false, runs: undefined, activation: true, latencyIterations: 200, latencyWarmup: 20 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-activation') options.activation = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      options.runs = Number(value);
      if (!Number.isInteger(options.runs) || options.runs < 1) usage(`--runs needs a positive integer, got "${value}"`);
    } else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown argument "${arg}"`);
  }
  options.runs ??= options.quick ? 3 : 5;
  options.activationRuns = options.quick ? 1 : 3;
  options.profile = options.quick ? 'quick' : 'full';
  return options;
}

function usage(error) {
  const text =
    'Usage: npm run bench -- [--quick] [--runs N] [--no-activation]\n' +
    '  --quick          ~7 MB corpus, 3 runs, 1 activation run (default: ~30 MB, 5 runs, 3 activation runs)\n' +
    '  --runs N         whole-tree scan runs per tool and subset (median reported)\n' +
    '  --no-activation  skip the VS Code activation measurement (it starts code-server + Chromium)';
  if (error) {
    console.error(`bench: ${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: round2(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/**
 * Copies dist/ and bin/lastline.js into the temp dir, so every measurement in this run uses the
 * same build even if dist/ is rebuilt meanwhile (bin/lastline.js requires ../dist/lastline.js).
 * The activation part cannot use it: VS Code loads the extension from the repo.
 */
function snapshotBuild(temp) {
  const root = join(temp, 'build');
  if (existsSync(join(repoRoot, 'dist')))
    cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.vsix') });
  mkdirSync(join(root, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'bin', 'lastline.js'), join(root, 'bin', 'lastline.js'));
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  return { bin: join(root, 'bin', 'lastline.js'), engine: join(root, 'dist', 'lastline.js'), version };
}

/** Runs bench/worker.mjs for one task; returns { result } or { failure }. */
function runWorker(args, temp, extra = []) {
  const out = join(temp, `worker-${args[0]}.json`);
  const child = spawnSync(process.execPath, [join(repoRoot, 'bench', 'worker.mjs'), ...args, out, ...extra], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: WORKER_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error || child.status !== 0) {
    const why = child.error?.code === 'ETIMEDOUT' ? `timed out after ${WORKER_TIMEOUT_MS / 1000} s` : (child.error?.message ?? `exit code ${child.status}`);
    return { failure: `${why}: ${(child.stderr ?? '').trim().split('\n').slice(-6).join(' | ')}` };
  }
  return { result: JSON.parse(readFileSync(out, 'utf8')) };
}

/** Reads every corpus file once so no tool pays for a cold page cache on its first run. */
function warmPageCache(corpus) {
  for (const f of corpus.list) readFileSync(join(corpus.root, f.dest));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const problems = []; // missing or crashed tools: exit code 1 at the end
  const warnings = [];
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg().map(round2); // other work on the machine shows up in the numbers

  // Teammates rebuild dist/ while a run is going on: measure one snapshot of the build throughout.
  const temp = mkdtempSync(join(tmpdir(), 'lastline-bench-'));
  process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
  const build = snapshotBuild(temp);
  let engine;
  try {
    engine = createRequire(import.meta.url)(build.engine);
  } catch (error) {
    console.error(`bench: cannot load dist/lastline.js (${error.message.split('\n')[0]}); run \`npm run build\` first`);
    return 1;
  }

  log(`corpus "${options.profile}"…`);
  const corpus = buildCorpus(repoRoot, options.profile, log);
  log(`corpus ${corpus.reused ? 'reused' : 'built'}: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${relative(repoRoot, corpus.root)}`);
  warmPageCache(corpus);

  // --- tools ---
  const defaultThreads = engine.defaultJobs?.();
  const cli = lastlineCli(build, undefined, { defaultThreads });
  const cliOneThread = lastlineCli(build, undefined, { oneThread: true });
  const secretsCli = lastlineCli(build, 'inline-secret', { defaultThreads });
  const secretsCliOneThread = lastlineCli(build, 'inline-secret', { oneThread: true });
  const inProcess = lastlineInProcess(engine);
  const peerTools = peers(repoRoot);
  const tools = [cli, cliOneThread, secretsCli, secretsCliOneThread, inProcess, ...peerTools];
  const toolInfo = [];
  for (const tool of tools) {
    const info = tool.detect();
    tool.installed = info.installed;
    toolInfo.push({ id: tool.id, name: tool.name, ...info, ...(tool.coverage ? { coverage: tool.coverage } : {}) });
    if (info.installed) tool.prepare(temp);
    else {
      problems.push(`${tool.name} not installed: ${info.install}`);
      log(`${tool.name}: not installed (${info.install})`);
    }
  }

  try {
    // --- whole-tree scans: one plan, run round-robin so drift on the machine hits every tool alike ---
    const subsetsNeeded = ['all', ...new Set(peerTools.map((p) => p.subset).filter((s) => s !== 'all'))];
    const plan = [];
    for (const subset of subsetsNeeded) {
      plan.push({ tool: cli, subset });
      // One thread too; the start-up-free figure; secrets-only vs secretlint.
      if (subset === 'all')
        plan.push({ tool: cliOneThread, subset }, { tool: inProcess, subset }, { tool: secretsCli, subset }, { tool: secretsCliOneThread, subset });
      for (const peer of peerTools.filter((p) => p.subset === subset)) plan.push({ tool: peer, subset });
    }
    for (const item of plan) Object.assign(item, { times: [], last: undefined, failure: undefined });
    for (let run = 1; run <= options.runs; run++) {
      for (const item of plan) {
        if (!item.tool.installed || item.failure) continue;
        if (item.tool.maxRuns && item.times.length >= item.tool.maxRuns) continue; // a slow reference run
        const subset = corpus.subsets[item.subset];
        const outcome = await item.tool.run(corpus.root, subset.dirs, temp, item.subset);
        if (outcome.failure) {
          item.failure = outcome.failure;
          problems.push(`${item.tool.name} on ${subset.label} crashed: ${outcome.failure}`);
          log(`${item.tool.name} on ${subset.label}: FAILED (${outcome.failure})`);
          continue;
        }
        item.times.push(outcome.ms);
        item.last = outcome;
        log(`run ${run}/${options.runs} ${item.tool.name.padEnd(32)} ${subset.label.padEnd(13)} ${(outcome.ms / 1000).toFixed(2)} s`);
      }
    }

    const scans = [];
    for (const item of plan) {
      const subset = corpus.subsets[item.subset];
      const row = { tool: item.tool.id, toolName: item.tool.name, subset: item.subset, subsetLabel: subset.label, files: subset.files, bytes: subset.bytes };
      if (!item.tool.installed) Object.assign(row, { status: 'not installed', reason: toolInfo.find((t) => t.id === item.tool.id).install });
      else if (item.failure && item.times.length === 0) Object.assign(row, { status: 'crashed', reason: item.failure });
      else {
        row.status = 'ok';
        row.throughput = throughput(item.times, subset.bytes, subset.files);
        row.coverage = item.last ? item.tool.summarize(item.last) : undefined;
        const c = row.coverage ?? {};
        const remarks = [];
        if (c.filesCovered !== undefined && c.filesCovered !== subset.files) {
          remarks.push(`covered ${c.filesCovered} of ${subset.files} files`);
          warnings.push(`${item.tool.name} on ${subset.label}: reported ${c.filesCovered} files, the subset has ${subset.files}`);
        }
        if (c.findings !== undefined) remarks.push(`${c.findings} finding${c.findings === 1 ? '' : 's'}`);
        if (c.errors) {
          remarks.push(`${c.errors} file error${c.errors === 1 ? '' : 's'}`);
          warnings.push(
            `${item.tool.name} on ${subset.label}: ${c.errors} file${c.errors === 1 ? '' : 's'} with errors, e.g. ${c.errorSamples?.slice(0, 3).join('; ')}`,
          );
        }
        if (c.skipped) warnings.push(`${item.tool.name} on ${subset.label}: skipped ${c.skipped} files, e.g. ${c.skippedSamples?.slice(0, 3).join('; ')}`);
        if (c.note) warnings.push(`${item.tool.name} on ${subset.label}: ${c.note}`);
        if (item.failure) remarks.push(`a later run failed: ${item.failure}`);
        row.remark = remarks.join(', ');
      }
      scans.push(row);
    }
    // Ratios: Lastline CLI (its default, and one thread) vs each peer on the peer's own subset.
    for (const row of scans) {
      if (row.tool.startsWith('lastline') || !row.throughput) continue;
      // secretlint only looks for secrets: compare it with Lastline's secret rules alone.
      const comparable = row.tool.startsWith('secretlint') ? 'lastline-cli-inline-secret' : 'lastline-cli';
      const figure = (tool) => scans.find((s) => s.tool === tool && s.subset === row.subset)?.throughput;
      const lastline = figure(comparable);
      const lastlineOneThread = figure(`${comparable}-j1`);
      const lastlineIn = figure('lastline-inprocess');
      if (lastline) row.ratio = round2(lastline.mbPerSec / row.throughput.mbPerSec);
      if (lastlineOneThread) row.ratioOneThread = round2(lastlineOneThread.mbPerSec / row.throughput.mbPerSec);
      if (lastlineIn) row.ratioInProcess = round2(lastlineIn.mbPerSec / row.throughput.mbPerSec);
    }

    const fixedSl = scans.find((s) => s.tool === 'secretlint')?.coverage;
    const stockSl = scans.find((s) => s.tool === 'secretlint-as-installed')?.coverage;
    if (fixedSl && stockSl && JSON.stringify(fixedSl) !== JSON.stringify(stockSl)) {
      warnings.push(`secretlint with and without the profiler fix disagree: ${JSON.stringify(fixedSl)} vs ${JSON.stringify(stockSl)}`);
    }

    // --- raw parse cost over the corpus, then on-type latency: each in a fresh worker process ---
    log('raw parse throughput (one pass over JS, TS and Python)…');
    const parseRun = runWorker(['parse', build.engine, corpus.manifestPath, corpus.root], temp);
    const parseThroughput = parseRun.result;
    if (parseRun.failure) problems.push(`raw parse throughput crashed: ${parseRun.failure}`);
    for (const [group, r] of Object.entries(parseThroughput ?? {})) if (r.unavailable) warnings.push(`raw parse ${group}: ${r.unavailable}`);

    log(`on-type latency (${options.latencyIterations} edits per file)…`);
    const latencyRun = runWorker(['latency', build.engine, corpus.manifestPath, corpus.root], temp, [
      String(options.latencyIterations),
      String(options.latencyWarmup),
    ]);
    const latency = latencyRun.result ? { iterations: options.latencyIterations, warmup: options.latencyWarmup, ...latencyRun.result } : undefined;
    if (latencyRun.failure) problems.push(`latency measurement crashed: ${latencyRun.failure}`);
    for (const key of ['typescript', 'python']) {
      if (latency?.[key]?.parse?.unavailable) warnings.push(`${key} raw parse: ${latency[key].parse.unavailable}`);
    }

    // --- repeat scan through the result cache ---
    log('repeat scan of the unchanged tree (result cache)…');
    const repeatScan = measureRepeatScan(build, corpus.root, options.runs, temp, log);
    if (repeatScan.status !== 'ok') problems.push(`repeat scan: ${repeatScan.reason}`);
    else if (!repeatScan.identical) problems.push("repeat scan: the report from the cache differs from the first scan's");

    // --- activation ---
    let activation;
    if (!options.activation) activation = { status: 'skipped', reason: '--no-activation', runs: [] };
    else {
      log(`extension activation (${options.activationRuns} VS Code session${options.activationRuns === 1 ? '' : 's'})…`);
      activation = measureActivation(repoRoot, options.activationRuns, log);
      if (activation.status === 'missing' || activation.status === 'crashed') problems.push(`activation: ${activation.reason}`);
      for (const failure of activation.failures ?? []) warnings.push(`an activation run failed: ${failure}`);
    }

    const results = {
      startedAt,
      finishedAt: new Date().toISOString(),
      options: { profile: options.profile, runs: options.runs, activationRuns: options.activationRuns, latencyIterations: options.latencyIterations },
      machine: { ...machine(), loadAverage: { start: loadAtStart, end: loadavg().map(round2) } },
      tools: toolInfo,
      lastlineRules: (engine.allRules ?? []).map((rule) => rule.meta.id),
      corpus: {
        profile: corpus.profile,
        relativeRoot: relative(repoRoot, corpus.root),
        manifest: relative(repoRoot, corpus.manifestPath),
        digest: corpus.digest,
        stdlib: corpus.stdlib,
        files: corpus.files,
        bytes: corpus.bytes,
        byGroup: corpus.byGroup,
        byPool: corpus.byPool,
        subsets: Object.fromEntries(Object.entries(corpus.subsets).map(([k, v]) => [k, { label: v.label, dirs: v.dirs, files: v.files, bytes: v.bytes }])),
      },
      scans,
      parseThroughput,
      latency,
      repeatScan,
      activation,
      warnings,
      problems,
    };
    results.targets = evaluateTargets(results);
    const busiest = Math.max(loadAtStart[0], results.machine.loadAverage.end[0], loadAtStart[1]);
    if (busiest > results.machine.cores * 0.5) {
      warnings.push(
        `the machine was busy (1-/5-min load average ${loadAtStart.slice(0, 2).join('/')} at start, ${results.machine.loadAverage.end.slice(0, 2).join('/')} at the end, ${results.machine.cores} cores): other processes competed for the CPU, so absolute numbers are noisy; ratios within the run are more robust`,
      );
    }
    for (const problem of problems) warnings.push(`PROBLEM: ${problem}`);

    mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
    const resultsPath = join(repoRoot, 'bench', 'results', 'latest.json');
    writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
    console.log(render(results));
    console.log(`\nFull results: ${relative(repoRoot, resultsPath)}`);
    return problems.length ? 1 : 0;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exitCode = 1;
  },
);
