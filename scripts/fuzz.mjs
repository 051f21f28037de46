#!/usr/bin/env node
// `npm run fuzz`: hostile input for every language reader and rule (not part of `npm test`: it is
// long and its growth check reads a clock). Inputs are mutations of a seed corpus — the project's
// fixtures, the demo, and the reproducers of the adversarial review (issue "hostile input") —
// analysed under many file names, so that each reader sees each shape. An input fails when
// analyze() throws or a rule fails on it; one that a parser gave up on (step budget, stack, its
// own assertion) and that Lastline reports as not analysed is counted apart, as an honest answer; a sample is also run at 1× and 4× its size, and a
// cost ratio past 16 (linear work is ~4) is reported as super-linear. Each input runs in a worker
// thread with a deadline, so an input that hangs a reader is reported, not waited for. Failing
// inputs are saved under fuzz-results/ for a regression test.
//
//   npm run fuzz -- [--count N] [--seed S]     defaults: 10,000 inputs, seed 1
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const results = join(root, 'fuzz-results');
/** An input that takes longer than this hangs a reader (the inputs are at most a few hundred KB). */
const DEADLINE_MS = 20_000;

const options = { count: 10_000, seed: 1 };
for (let index = 2; index < process.argv.length; index++) {
  const [flag, value] = [process.argv[index], process.argv[index + 1]];
  if ((flag === '--count' || flag === '--seed') && /^\d+$/.test(value ?? '')) {
    options[flag.slice(2)] = Number(value);
    index++;
  } else {
    console.error(`fuzz: unknown option ${flag} (options: --count N, --seed S)`);
    process.exit(2);
  }
}

/** A small deterministic generator (mulberry32): a failing run can be repeated with its seed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(options.seed);
const pick = (items) => items[Math.floor(next() * items.length)];
const between = (low, high) => low + Math.floor(next() * (high - low + 1));

const SEED_FOLDERS = ['test/fixtures', 'demo'];
const MAX_SEED_BYTES = 64 * 1024;
/** The adversarial review's reproducers, as seeds: each broke an earlier version. */
const REPRODUCERS = [
  "app.use(jwt({ secret }).unless({ path: [/^\\/(a+)+$/] }));\napp.get('/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', h);\n",
  'f(x);/* eslint-disable-line */'.repeat(200),
  'db_password_1 = "Xy7#kP9!qL2@vN5$"\n'.repeat(200),
  '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(200),
  `cursor.execute(${'f"{'.repeat(60)}x${'}"'.repeat(60)})\n`,
  `const q = ${Array.from({ length: 400 }, (_, index) => `a${index}`).join(' + ')}; // eslint-disable-line\n`,
  `const x = ${'['.repeat(300)}${']'.repeat(300)};\n`,
  'os.system("ls " + request.args["dir"])  # nosec\n',
  // Assembled here so that the script's own source holds no key-shaped literal (Lastline scans itself in CI).
  `API_KEY=${['sk', 'live', '51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW'].join('_')}\n`,
];
/** File names under which inputs are analysed: every reader Lastline has. */
const NAMES = [
  'a.py',
  'a.js',
  'a.jsx',
  'a.ts',
  'a.tsx',
  'a.mjs',
  'config.json',
  'config.yaml',
  'pyproject.toml',
  '.env',
  'main.tf',
  'Dockerfile',
  'settings.ini',
  'notes.txt',
  '.eslintrc.json',
  'setup.cfg',
];
/** Fragments that open or close the structures readers track. */
const TOKENS = [
  '"',
  "'",
  '`',
  '"""',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '${',
  'f"{',
  '/*',
  '*/',
  '//',
  '#',
  '\n',
  '\\',
  ' + ',
  '# nosec',
  '// eslint-disable-next-line',
  '-----BEGIN PRIVATE KEY-----',
  '\u0000',
  '\uFEFF',
  '\u202E',
  'SELECT * FROM t WHERE id = ',
  'os.system(',
  'exec(',
  '@app.route("/admin")',
  'password = ',
  ': ',
  '- ',
  '=',
];

function seeds() {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size <= MAX_SEED_BYTES) found.push({ name: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const folder of SEED_FOLDERS) walk(join(root, folder));
  return [...found, ...REPRODUCERS.map((text, index) => ({ name: `reproducer-${index}`, text }))];
}

function mutate(text, corpus) {
  let out = text;
  for (let step = between(1, 4); step > 0; step--) {
    const at = between(0, out.length);
    switch (between(0, 5)) {
      case 0: // insert a token, possibly many times
        out = out.slice(0, at) + pick(TOKENS).repeat(next() < 0.2 ? between(2, 200) : 1) + out.slice(at);
        break;
      case 1: // delete a span
        out = out.slice(0, at) + out.slice(Math.min(out.length, at + between(1, 64)));
        break;
      case 2: // duplicate a span
        out = out.slice(0, at) + out.slice(at, at + between(1, 256)).repeat(between(2, 20)) + out.slice(at);
        break;
      case 3: // splice in part of another seed
        out = out.slice(0, at) + pick(corpus).text.slice(0, between(0, 2048)) + out.slice(at);
        break;
      case 4: // truncate
        out = out.slice(0, at);
        break;
      default: // flip a character
        out = out.slice(0, at) + String.fromCharCode(between(0, 0x2fff)) + out.slice(at + 1);
    }
  }
  return out;
}

/** Analyses inputs in a worker thread; one past its deadline is reported, and the worker replaced. */
class Analyzer {
  #worker = this.#start();

  #start() {
    return new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { workerData: { root } });
  }

  /** { ruleErrors, micros } | { threw, micros } | { hung: true } */
  analyze(path, text) {
    return new Promise((resolveAnalysis) => {
      const worker = this.#worker;
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        this.#worker = this.#start();
        resolveAnalysis({ hung: true });
      }, DEADLINE_MS);
      worker.once('message', (outcome) => {
        clearTimeout(timer);
        resolveAnalysis(outcome);
      });
      worker.postMessage({ path, text });
    });
  }

  close() {
    return this.#worker.terminate();
  }
}

async function main() {
  const analyzer = new Analyzer();
  // A parser that gave up at its step budget is bounded by it: that cost says nothing about growth.
  const cost = async (path, text) => {
    const outcome = await analyzer.analyze(path, text);
    if (outcome.hung) return Infinity;
    return outcome.ruleErrors?.some((error) => error.ruleId === 'parser') ? NaN : outcome.micros;
  };
  const corpus = seeds();
  rmSync(results, { recursive: true, force: true });
  const failures = [];
  const gaveUp = [];
  const slow = [];
  const started = Date.now();
  for (let index = 0; index < options.count; index++) {
    const seed = pick(corpus);
    const text = mutate(seed.text, corpus);
    const path = next() < 0.5 && extname(seed.name) ? `fuzz/${seed.name.split('/').pop()}` : `fuzz/${pick(NAMES)}`;
    const outcome = await analyzer.analyze(path, text);
    if (outcome.hung) failures.push({ index, path, text, why: `no answer within ${DEADLINE_MS / 1000} s` });
    else if (outcome.threw) failures.push({ index, path, text, why: `threw: ${outcome.threw}` });
    else if (outcome.ruleErrors.length && outcome.ruleErrors.every((error) => error.ruleId === 'parser'))
      gaveUp.push({ index, path, text, why: outcome.ruleErrors[0].message });
    else if (outcome.ruleErrors.length)
      failures.push({ index, path, text, why: outcome.ruleErrors.map((error) => `${error.ruleId}: ${error.message}`).join('; ') });
    // Growth: a sample at 1× and 4× its text (best of two each; linear work costs ~4×).
    if (index % 100 === 0 && text.length > 256) {
      const large = text.repeat(4);
      const small = Math.max(1, Math.min(await cost(path, text), await cost(path, text)));
      const big = Math.min(await cost(path, large), await cost(path, large));
      // NaN (a parser gave up) compares false: no growth verdict for that sample.
      if (big / small > 16 && big > 50_000)
        slow.push({ index, path, text, why: `4× the input cost ${(big / small).toFixed(1)}× (${(big / 1000).toFixed(0)} ms)` });
    }
    if ((index + 1) % 1000 === 0)
      console.log(`fuzz: ${index + 1} inputs, ${failures.length} failing, ${slow.length} super-linear (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const report = (kind, items) => {
    for (const item of items.slice(0, 20)) {
      mkdirSync(results, { recursive: true });
      const file = join(results, `${kind}-${item.index}-${item.path.split('/').pop()}`);
      writeFileSync(file, item.text);
      console.log(`  ${kind} #${item.index} as ${item.path}: ${item.why}\n    saved: ${relative(root, file)}`);
    }
  };
  report('failing', failures);
  report('slow', slow);
  report('not-analysed', gaveUp);
  console.log(
    `fuzz: ${options.count} inputs from ${corpus.length} seeds (seed ${options.seed}): ${failures.length} failing, ${slow.length} super-linear, ${gaveUp.length} reported as not analysed`,
  );
  await analyzer.close();
  process.exitCode = failures.length || slow.length ? 1 : 0;
}

main();
