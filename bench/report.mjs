// Turns the results object into the plain-text report printed on stdout. Pure formatting: every
// number shown here is also in bench/results/latest.json.
import { formatMB, table } from './stats.mjs';

export const TARGETS = {
  scanMBps: 10,
  onTypeP95Ms: 30,
  activationMs: 100,
  secretsVsSecretlint: 3,
  repeatScanSpeedup: 5,
};

const n = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toLocaleString('en-US') : '–');
const fixed = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '–');
const met = (ok) => (ok === undefined ? '–' : ok ? 'met' : 'NOT met');

export function render(results) {
  const out = [];
  const { machine, corpus, options } = results;
  out.push(`Lastline benchmark — ${corpus.profile} corpus, ${options.runs} runs per scan (medians), ${results.startedAt}`);
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM; ${machine.os}; Node ${machine.node}; load average ${machine.loadAverage.start.join(' ')} at start`,
  );
  out.push('Tools:');
  for (const tool of results.tools) {
    out.push(`  ${tool.name.padEnd(34)} ${tool.installed ? tool.version : `not installed: ${tool.install}`}`);
  }
  out.push(`Lastline rules in this build: ${results.lastlineRules.join(', ') || '(none)'} — files that pass no rule's keyword pre-filter are not parsed.`);
  const g = corpus.byGroup;
  const p = corpus.byPool;
  out.push(
    `Corpus: ${corpus.relativeRoot} — ${n(corpus.files)} files, ${formatMB(corpus.bytes)}: ` +
      `JS ${n(g.js?.files)} files ${formatMB(g.js?.bytes ?? 0)}; ` +
      `TS ${n(g.ts?.files)} files ${formatMB(g.ts?.bytes ?? 0)} (.ts ${formatMB(p.ts?.bytes ?? 0)}, .d.ts ${formatMB(p.dts?.bytes ?? 0)}); ` +
      `Python ${n(g.py?.files)} files ${formatMB(g.py?.bytes ?? 0)}`,
  );
  out.push(`  from this repo's node_modules and the Python stdlib at ${corpus.stdlib ?? '(none found)'}; no file > 1 MiB (Lastline's default maxFileSize).`);

  // --- throughput ---
  out.push('');
  out.push('Whole-tree scans — wall time per run, median; MB = 10^6 bytes of the subset each tool covers');
  out.push('("Lastline vs peer" = Lastline CLI throughput ÷ the peer\'s, on the same files, in the same run).');
  const rows = [];
  for (const row of results.scans) {
    const t = row.throughput;
    rows.push([
      row.subsetLabel,
      row.toolName,
      n(row.files),
      formatMB(row.bytes).replace(' MB', ''),
      t ? fixed(t.medianMs / 1000, 2) : '–',
      t ? fixed(t.mbPerSec, 1) : '–',
      t ? n(t.filesPerSec) : '–',
      row.ratio ? `${fixed(row.ratio, 1)}×${row.ratioOneThread ? ` (1 thread: ${fixed(row.ratioOneThread, 1)}×)` : ''}` : '',
      row.status === 'ok' ? (row.remark ?? '') : `${row.status}: ${row.reason}`,
    ]);
  }
  out.push(table(['Subset', 'Tool', 'Files', 'MB', 'Median s', 'MB/s', 'Files/s', 'Lastline vs peer', 'Notes'], rows, [2, 3, 4, 5, 6, 7]));
  out.push('Lastline CLI includes Node start-up and loading the engine bundle; by default (4+ CPUs) it scans a large tree on');
  out.push('one worker thread per CPU, "--jobs 1" on one. "in-process" is the one-thread scan called from dist/lastline.js in an');
  out.push("already-running process (what the extension's Scan Workspace costs).");

  if (results.parseThroughput) {
    out.push('');
    out.push('Raw parse throughput — every file of the subset through the parser adapter once (single pass, in-process):');
    out.push('the floor for whole-tree scans once structural rules apply to every file.');
    const prow = [];
    for (const [group, r] of Object.entries(results.parseThroughput)) {
      const what = group === 'py' ? 'parsePython (tree-sitter WASM)' : 'parseJavaScript (typescript-estree)';
      if (r.unavailable) prow.push([group.toUpperCase(), what, '', '', '', '', '', '', r.unavailable]);
      else
        prow.push([
          group === 'py' ? 'Python' : group.toUpperCase(),
          what,
          n(r.files),
          formatMB(r.bytes).replace(' MB', ''),
          fixed(r.ms / 1000, 2),
          fixed(r.mbPerSec, 1),
          n(r.filesPerSec),
          fixed(r.p95FileMs, 1),
          r.problems ? `${r.problems} file${r.problems === 1 ? '' : 's'} did not parse cleanly` : '',
        ]);
    }
    out.push(table(['Subset', 'Parser', 'Files', 'MB', 'Total s', 'MB/s', 'Files/s', 'p95 ms/file', 'Notes'], prow, [2, 3, 4, 5, 6, 7]));
  }

  // --- latency ---
  if (results.latency) {
    out.push('');
    const l = results.latency;
    out.push(
      `On-type re-analysis — one-line edit (rename one identifier on a random line), then re-analyse; ${l.iterations} iterations after ${l.warmup} warm-up`,
    );
    const lrow = [];
    for (const [key, label] of [
      ['typescript', 'TypeScript'],
      ['python', 'Python'],
    ]) {
      const r = l[key];
      if (!r) continue;
      const file = `${label}, ${n(r.file.lines)} lines, ${fixed(r.file.bytes / 1024, 0)} KB`;
      lrow.push([file, `analyze() with the current rules`, fixed(r.analyze.p50, 2), fixed(r.analyze.p95, 2), fixed(r.analyze.max, 2), '']);
      if (r.parse.unavailable) lrow.push(['', 'raw parse', '–', '–', '–', r.parse.unavailable]);
      else
        lrow.push([
          '',
          `raw parse (${key === 'python' ? 'parsePython' : 'parseJavaScript'})`,
          fixed(r.parse.p50, 2),
          fixed(r.parse.p95, 2),
          fixed(r.parse.max, 2),
          r.parse.parseProblems ? `${r.parse.parseProblems} edits left a parse error` : '',
        ]);
    }
    out.push(table(['File (real code, whole files concatenated)', 'Measured', 'p50 ms', 'p95 ms', 'max ms', 'Notes'], lrow, [2, 3, 4]));
  }

  // --- activation ---
  out.push('');
  const a = results.activation;
  if (a.status === 'ok') {
    out.push(
      `Extension activation (inside code-server, fresh VS Code per run): activate() took ${a.runs.map((x) => fixed(x, 1)).join(', ')} ms → median ${fixed(a.medianMs, 1)} ms`,
    );
    if (a.extensionLoadMedianMs !== undefined)
      out.push(`  plus loading dist/extension.js (re-required in the host, not part of activationMs): median ${fixed(a.extensionLoadMedianMs, 1)} ms`);
  } else {
    out.push(`Extension activation: ${a.status.toUpperCase()} — ${a.reason}`);
  }

  // --- targets ---
  out.push('');
  out.push('Targets (informational; the benchmark never fails on a number)');
  const tg = results.targets;
  const trow = tg.map((t) => [t.target, t.value, met(t.met)]);
  out.push(table(['Target', 'Measured', 'Status'], trow));

  if (results.warnings.length) {
    out.push('');
    out.push('Notes and surprises:');
    for (const w of results.warnings) out.push(`  - ${w}`);
  }
  return out.join('\n');
}

/** The targets from the issues, evaluated against the results. */
export function evaluateTargets(results) {
  const find = (tool, subset) => results.scans.find((s) => s.tool === tool && s.subset === subset);
  const cliAll = find('lastline-cli', 'all');
  const cliOneThread = find('lastline-cli-j1', 'all');
  const inAll = find('lastline-inprocess', 'all');
  const secret = find('secretlint', 'all');
  const targets = [];

  const scan = cliAll?.throughput?.mbPerSec;
  targets.push({
    id: 'scan',
    target: `whole-tree scan ≥ ${TARGETS.scanMBps} MB/s (mixed JS/TS/Python)`,
    value:
      scan === undefined
        ? 'not measured'
        : `CLI ${fixed(scan, 1)} MB/s (one thread: ${fixed(cliOneThread?.throughput?.mbPerSec, 1)} MB/s), in-process one thread ${fixed(inAll?.throughput?.mbPerSec, 1)} MB/s`,
    met: scan === undefined ? undefined : scan >= TARGETS.scanMBps,
  });

  const ts = results.latency?.typescript;
  const p95 = ts?.analyze?.p95;
  const parseP95 = ts?.parse?.p95;
  targets.push({
    id: 'onType',
    target: `on-type re-analysis p95 ≤ ${TARGETS.onTypeP95Ms} ms (2,000-line TS)`,
    value:
      p95 === undefined
        ? 'not measured'
        : `analyze() ${fixed(p95, 2)} ms${parseP95 !== undefined ? ` (with a full parse: ~${fixed(p95 + parseP95, 1)} ms)` : ''}`,
    met: p95 === undefined ? undefined : p95 <= TARGETS.onTypeP95Ms,
  });
  if (parseP95 !== undefined && p95 + parseP95 > TARGETS.onTypeP95Ms) {
    results.warnings.push(
      `once rules parse TS on every edit, on-type p95 would be ~${fixed(p95 + parseP95, 1)} ms (parse alone ${fixed(parseP95, 1)} ms) — above the ${TARGETS.onTypeP95Ms} ms target`,
    );
  }

  const act = results.activation;
  targets.push({
    id: 'activation',
    target: `activation ≤ ${TARGETS.activationMs} ms`,
    value: act.status === 'ok' ? `median ${fixed(act.medianMs, 1)} ms (activate() only)` : act.status,
    met: act.status === 'ok' ? act.medianMs <= TARGETS.activationMs : undefined,
  });

  const repeat = results.repeatScan;
  targets.push({
    id: 'repeatScan',
    target: `second scan of an unchanged tree ≥ ${TARGETS.repeatScanSpeedup}× faster than the first (result cache)`,
    value:
      repeat?.status === 'ok'
        ? `${fixed(repeat.ratio, 1)}×: first ${fixed(repeat.firstMs / 1000, 2)} s, second ${fixed(repeat.secondMs / 1000, 2)} s (CLI, medians${repeat.identical ? ', identical reports' : ', REPORTS DIFFER'})`
        : (repeat?.status ?? 'not measured'),
    met: repeat?.status === 'ok' ? repeat.ratio >= TARGETS.repeatScanSpeedup && repeat.identical : undefined,
  });

  const ratio = secret?.ratio;
  targets.push({
    id: 'secrets',
    target: `secret scanning ≥ ${TARGETS.secretsVsSecretlint}× faster than secretlint`,
    value:
      ratio === undefined
        ? 'not measured'
        : `${fixed(ratio, 1)}× (one thread: ${fixed(secret.ratioOneThread, 1)}×) — Lastline's secret rules vs secretlint, CLI vs CLI, all files`,
    met: ratio === undefined ? undefined : ratio >= TARGETS.secretsVsSecretlint,
  });
  return targets;
}
