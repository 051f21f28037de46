// The peer tools measured on the corpus next to Lastline, each as a small adapter that
// knows how to detect itself, write its config into a temp dir, run one whole-tree scan as a child
// process, and read back what it covered (so a tool silently skipping files shows up in the report).
//
// Every tool writes its report to a file (never to a pipe): some CLIs call process.exit() and lose
// piped output past 64 KB, and writing a file is what a CI job does anyway. All runs use the
// corpus root as cwd and the tool's own default parallelism (single-threaded for all of these).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Generous: a peer that needs longer than this on ~30 MB is reported as crashed, not waited for. */
const RUN_TIMEOUT_MS = 180_000;
const MAX_BUFFER = 64 * 1024 * 1024;

function resolveFrom(repoRoot, request) {
  try {
    return createRequire(join(repoRoot, 'package.json')).resolve(request);
  } catch {
    return undefined;
  }
}

function packageInfo(repoRoot, name) {
  const path = resolveFrom(repoRoot, `${name}/package.json`);
  if (!path) return undefined;
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.[name] ?? Object.values(pkg.bin ?? {})[0]);
  return { dir: dirname(path), version: pkg.version, bin: bin ? join(dirname(path), bin) : undefined, main: pkg.main };
}

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { __unreadable: error.message };
  }
}

/** Runs one scan; returns wall time (ms, including process start-up, as a user experiences it). */
export function timedRun(command, args, cwd, okCodes) {
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const ms = performance.now() - started;
  let failure;
  if (child.error) failure = child.error.code === 'ETIMEDOUT' ? `timed out after ${RUN_TIMEOUT_MS / 1000} s` : child.error.message;
  else if (child.signal) failure = `killed by ${child.signal}`;
  else if (!okCodes.includes(child.status))
    failure = `exit code ${child.status}: ${(child.stderr || child.stdout || '').trim().split('\n').slice(-5).join(' | ')}`;
  return { ms, status: child.status, failure, stderr: child.stderr ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Peers

export function peers(repoRoot) {
  // ESLint can lint on threads (--concurrency, off by default): measured both ways, since Lastline's
  // CLI uses threads by default. secretlint and Bandit have no such option.
  return [
    secretlint(repoRoot),
    secretlint(repoRoot, { asInstalled: true }),
    eslintSecurity(repoRoot),
    eslintSecurity(repoRoot, { concurrency: 'auto' }),
    bandit(),
  ];
}

/**
 * secretlint, twice. Up to 13.0.4 (and so in 11.x, the last line that runs on Node 20) its
 * @secretlint/profiler records a performance mark per rule per file on every run and scans all
 * earlier marks on each one — O(n²) in the number of files, whether or not --profile is given
 * (secretlint/secretlint#1633, #1653; fixed in 13.0.5 by #1673, which needs Node 22). On ~4,500
 * files that is most of its run time. So:
 *   - "secretlint" (the comparison and the target): the installed secretlint with the profiler's
 *     mark() made a no-op by a small wrapper — what the upstream fix does; same findings.
 *   - "secretlint as installed": the unmodified CLI, one run (it is slow), for reference.
 */
function secretlint(repoRoot, { asInstalled = false } = {}) {
  const install = 'npm install --save-dev secretlint@^11 @secretlint/secretlint-rule-preset-recommend@^11 (v12+ needs Node 22)';
  let rc;
  let entry;
  return {
    id: asInstalled ? 'secretlint-as-installed' : 'secretlint',
    name: asInstalled ? 'secretlint as installed (1 run)' : 'secretlint (profiler fix applied)',
    subset: 'all',
    maxRuns: asInstalled ? 1 : undefined,
    coverage: 'all files',
    detect() {
      const cli = packageInfo(repoRoot, 'secretlint');
      const preset = packageInfo(repoRoot, '@secretlint/secretlint-rule-preset-recommend');
      if (!cli?.bin || !preset) return { installed: false, install };
      this.bin = cli.bin;
      this.profilers = asInstalled ? [] : profilerModules(cli.bin);
      if (!asInstalled && this.profilers.length === 0) return { installed: false, install: 'cannot locate @secretlint/profiler next to secretlint' };
      return {
        installed: true,
        version: `secretlint ${cli.version}, preset-recommend ${preset.version}${asInstalled ? ' (stock CLI)' : ' (profiler marks disabled)'}`,
      };
    },
    prepare(tmp) {
      rc = join(tmp, '.secretlintrc.json');
      writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2));
      entry = this.bin;
      if (!asInstalled) {
        entry = join(tmp, 'secretlint-profiler-off.mjs');
        writeFileSync(
          entry,
          [
            '// Generated by bench/peers.mjs: disables @secretlint/profiler marks (the upstream fix, #1673), then runs the CLI.',
            ...this.profilers.map((p, i) => `import { secretLintProfiler as p${i} } from ${JSON.stringify(pathToFileURL(p).href)};`),
            ...this.profilers.map((_, i) => `p${i}.mark = () => {};`),
            `await import(${JSON.stringify(pathToFileURL(this.bin).href)});`,
          ].join('\n') + '\n',
        );
      }
    },
    run(corpusRoot, dirs, tmp, tag) {
      const out = join(tmp, `${this.id}-${tag}.json`); // one report per subset: summarized after all runs
      rmSync(out, { force: true });
      // --output makes secretlint exit 0 even with findings; 2 is its "fatal error".
      const globs = dirs.map((d) => `${d}/**/*`);
      const run = timedRun(
        process.execPath,
        [entry, '--secretlintrc', rc, '--format', 'json', '--output', out, '--no-color', '--no-terminalLink', ...globs],
        corpusRoot,
        [0, 1],
      );
      return { ...run, out };
    },
    summarize(run) {
      const results = readJson(run.out);
      if (!Array.isArray(results)) return { note: `no report: ${results.__unreadable ?? 'not an array'}` };
      const messages = results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath })));
      return {
        filesCovered: results.length,
        findings: messages.length,
        findingsByRule: countBy(messages, (m) => m.ruleId),
      };
    },
  };
}

/** Every @secretlint/profiler module instance the secretlint CLI loads (itself, @secretlint/node, @secretlint/core). */
function profilerModules(bin) {
  const found = new Set();
  const from = (file, request) => {
    try {
      return createRequire(file).resolve(request);
    } catch {
      return undefined;
    }
  };
  const node = from(bin, '@secretlint/node/package.json');
  const core = node && from(node, '@secretlint/core/package.json');
  for (const importer of [bin, node, core].filter(Boolean)) {
    const profiler = from(importer, '@secretlint/profiler');
    if (profiler) found.add(profiler);
  }
  return [...found];
}

function eslintSecurity(repoRoot, { concurrency } = {}) {
  const install = 'npm install --save-dev eslint eslint-plugin-security @typescript-eslint/parser';
  let config;
  return {
    id: concurrency ? `eslint-security-concurrency-${concurrency}` : 'eslint-security',
    name: concurrency ? `ESLint + eslint-plugin-security (--concurrency ${concurrency})` : 'ESLint + eslint-plugin-security',
    subset: 'jsts',
    coverage: '.js/.mjs/.cjs (espree) and .ts/.d.ts (@typescript-eslint/parser, no type info)',
    detect() {
      const eslint = packageInfo(repoRoot, 'eslint');
      const plugin = packageInfo(repoRoot, 'eslint-plugin-security');
      const parser = packageInfo(repoRoot, '@typescript-eslint/parser');
      if (!eslint?.bin || !plugin) return { installed: false, install };
      this.bin = eslint.bin;
      this.plugin = resolveFrom(repoRoot, 'eslint-plugin-security');
      this.parser = parser ? resolveFrom(repoRoot, '@typescript-eslint/parser') : undefined;
      if (!this.parser) {
        this.subset = 'js';
        this.coverage = '.js/.mjs/.cjs only (@typescript-eslint/parser not installed)';
      }
      return {
        installed: true,
        version: `eslint ${eslint.version}, eslint-plugin-security ${plugin.version}${parser ? `, @typescript-eslint/parser ${parser.version}` : ''}`,
      };
    },
    prepare(tmp) {
      // A flat config in a temp dir, importing the plugin and parser by absolute URL (a temp dir has
      // no node_modules to resolve bare names from). Rules: the plugin's own `recommended` set only.
      config = join(tmp, `${this.id}.config.mjs`);
      const lines = [
        `import security from ${JSON.stringify(pathToFileURL(this.plugin).href)};`,
        this.parser ? `import tsParser from ${JSON.stringify(pathToFileURL(this.parser).href)};` : '',
        `const base = { plugins: security.configs.recommended.plugins, rules: security.configs.recommended.rules,`,
        `  // node_modules code carries eslint-disable comments for rules we do not load; do not report on them.`,
        `  linterOptions: { reportUnusedDisableDirectives: 'off' } };`,
        `export default [`,
        `  { ...base, files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },`,
        this.parser ? `  { ...base, files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },` : '',
        `];`,
      ];
      writeFileSync(config, lines.filter(Boolean).join('\n') + '\n');
    },
    run(corpusRoot, dirs, tmp, tag) {
      const out = join(tmp, `${this.id}-${tag}.json`); // one report per subset: summarized after all runs
      rmSync(out, { force: true });
      const threads = concurrency ? ['--concurrency', concurrency] : [];
      const run = timedRun(
        process.execPath,
        [this.bin, '--config', config, '--format', 'json', '--output-file', out, '--no-warn-ignored', ...threads, ...dirs],
        corpusRoot,
        [0, 1],
      );
      return { ...run, out };
    },
    summarize(run) {
      const results = readJson(run.out);
      if (!Array.isArray(results)) return { note: `no report: ${results.__unreadable ?? 'not an array'}` };
      const messages = results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath })));
      const fatal = messages.filter((m) => m.fatal);
      const security = messages.filter((m) => m.ruleId?.startsWith('security/'));
      const unknownRule = messages.filter((m) => !m.fatal && !m.ruleId?.startsWith('security/'));
      return {
        filesCovered: results.length,
        findings: security.length,
        findingsByRule: countBy(security, (m) => m.ruleId),
        errors: fatal.length,
        errorSamples: fatal.slice(0, 5).map((m) => `${m.filePath.slice(m.filePath.indexOf('.corpus/'))}: ${m.message}`),
        note: unknownRule.length
          ? `${unknownRule.length} messages about inline comments naming rules not loaded (e.g. "${unknownRule[0].message}")`
          : undefined,
      };
    },
  };
}

function bandit() {
  const install = 'apt-get install bandit (Debian) or pipx install bandit';
  return {
    id: 'bandit',
    name: 'bandit',
    subset: 'py',
    coverage: '.py only',
    detect() {
      const probe = spawnSync('bandit', ['--version'], { encoding: 'utf8', timeout: 30_000 });
      if (probe.error || probe.status !== 0) return { installed: false, install };
      const lines = `${probe.stdout}\n${probe.stderr}`
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const python = lines.find((l) => l.startsWith('python version'))?.replace(/^python version = (\S+).*/, 'python $1');
      return { installed: true, version: [lines[0], python].filter(Boolean).join(', ') };
    },
    prepare() {},
    run(corpusRoot, dirs, tmp, tag) {
      const out = join(tmp, `bandit-${tag}.json`); // one report per subset: summarized after all runs
      rmSync(out, { force: true });
      // 1 = issues found. bandit reports files it cannot parse in `errors` and still exits 0/1.
      const run = timedRun('bandit', ['-r', '-q', '-f', 'json', '-o', out, ...dirs], corpusRoot, [0, 1]);
      return { ...run, out };
    },
    summarize(run) {
      const report = readJson(run.out);
      if (report.__unreadable) return { note: `no report: ${report.__unreadable}` };
      const files = Object.keys(report.metrics ?? {}).filter((k) => k !== '_totals');
      const errors = report.errors ?? [];
      return {
        filesCovered: files.length,
        findings: report.results?.length ?? 0,
        findingsByRule: countBy(report.results ?? [], (r) => `${r.test_id} ${r.test_name}`),
        errors: errors.length,
        errorSamples: errors.slice(0, 5).map((e) => `${e.filename}: ${e.reason}`),
      };
    },
  };
}

export function countBy(items, key) {
  const counts = {};
  for (const item of items) {
    const k = key(item) ?? '(none)';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}
