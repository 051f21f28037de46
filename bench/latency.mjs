// On-type latency: how long re-analysing one ~2,000-line file takes after a one-line edit, the way
// the extension does it on every (debounced) keystroke — `analyze()` from dist/lastline.js, in
// process, so neither process start-up nor VS Code is in the number.
//
// Rules only parse a file when their keyword pre-filter matches, and the rule set is still small,
// so `analyze()` on ordinary code mostly skips the parser. The raw parse cost (parseJavaScript /
// parsePython, the adapters every structural rule will share) is therefore measured on the same
// edits too: it is what an edit will cost once rules need the AST.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, median, round2 } from './stats.mjs';

export const TARGET_LINES = 2000;

/** Small deterministic PRNG (mulberry32): the same edit sequence on every run and machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Keywords (and contextual keywords) must not be renamed: the edit has to leave the file parseable.
const TS_KEYWORDS = new Set(
  (
    'abstract any as asserts async await bigint boolean break case catch class const constructor continue debugger declare default ' +
    'delete do else enum export extends false finally for from function get global if implements import in infer instanceof ' +
    'interface is keyof let module namespace never new null number object of out override package private protected public ' +
    'readonly require return satisfies set static string super switch symbol this throw true try type typeof undefined unique ' +
    'unknown var void while with yield accessor using'
  ).split(' '),
);
const PY_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import ' +
    'in is lambda nonlocal not or pass raise return try while with yield match case type print self cls'
  ).split(' '),
);

/**
 * Builds the test file from real source: whole files (never cut mid-declaration, so the result
 * parses) concatenated until ~TARGET_LINES lines. Files come from the corpus's own selection.
 */
export async function buildLatencyFile(corpus, pool, { accept = async () => true } = {}) {
  // Selection order (a stable hash of the path): the quick corpus is a prefix of the full one, so
  // both profiles build the same latency file.
  const files = corpus.list.filter((f) => f.pool === pool);
  const parts = [];
  const sources = [];
  let lines = 0;
  for (const f of files) {
    if (lines >= TARGET_LINES - 25) break;
    const text = readFileSync(join(corpus.root, f.dest), 'utf8').replace(/\r\n/g, '\n').replace(/\n*$/, '\n');
    const n = text.split('\n').length - 1;
    if (n < 40 || lines + n > TARGET_LINES + 25) continue; // keep close to the target without cutting files
    if (/PRIVATE KEY/.test(text)) continue; // would make analyze() take the rule's slow path; keep it "ordinary code"
    if (!(await accept(text))) continue; // e.g. a file the parser rejects on its own
    parts.push(text);
    sources.push(f.dest);
    lines += n;
  }
  const text = parts.join('\n');
  return { text, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text), sources };
}

/** Replaces one identifier on a random line with an edited one (a keystroke's worth of change). */
function editOneLine(text, random, keywords, iteration) {
  const lines = text.split('\n');
  for (let attempt = 0; attempt < 50; attempt++) {
    const index = Math.floor(random() * lines.length);
    const line = lines[index];
    const identifiers = [...line.matchAll(/(?<![\w$.'"`])[A-Za-z_][A-Za-z0-9_]{2,}\b/g)].filter((m) => !keywords.has(m[0]));
    if (identifiers.length === 0) continue;
    const pick = identifiers[Math.floor(random() * identifiers.length)];
    const renamed = `${pick[0].replace(/_e\d+$/, '')}_e${iteration}`;
    lines[index] = line.slice(0, pick.index) + renamed + line.slice(pick.index + pick[0].length);
    return lines.join('\n');
  }
  return text;
}

/**
 * Times `fn(text)` after each of `iterations` one-line edits (cumulative, like typing on), after
 * `warmup` untimed iterations. Returns p50/p95/min/max/mean in ms.
 */
async function timeEdits(text, keywords, fn, { iterations, warmup, seed }) {
  const random = prng(seed);
  let current = text;
  const times = [];
  for (let i = 0; i < warmup + iterations; i++) {
    current = editOneLine(current, random, keywords, i);
    const started = performance.now();
    await fn(current);
    const ms = performance.now() - started;
    if (i >= warmup) times.push(ms);
  }
  return summarize(times);
}

function summarize(times) {
  return {
    n: times.length,
    p50: round2(percentile(times, 50)),
    p95: round2(percentile(times, 95)),
    min: round2(Math.min(...times)),
    max: round2(Math.max(...times)),
    mean: round2(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

/**
 * Runs the latency measurements for TypeScript and Python. `engine` is dist/lastline.js.
 * Returns { typescript: {...}, python: {...} }, each with analyze and parse figures (parse may be
 * { unavailable: reason } when the engine does not export the adapter).
 */
export async function measureLatency(engine, corpus, { iterations, warmup }) {
  const hasJsParser = typeof engine.parseJavaScript === 'function';
  const hasPyParser = typeof engine.parsePython === 'function';
  const out = {};

  // --- TypeScript ---
  const tsFile = await buildLatencyFile(corpus, 'ts', {
    accept: async (text) => !hasJsParser || !engine.parseJavaScript(text, 'typescript', 'bench.ts').problem,
  });
  const ts = { file: describe(tsFile), path: 'bench.ts' };
  ts.analyze = await timeEdits(tsFile.text, TS_KEYWORDS, (text) => engine.analyze({ path: 'bench.ts', text }, {}), { iterations, warmup, seed: 1 });
  if (hasJsParser) {
    let problems = 0;
    ts.parse = await timeEdits(
      tsFile.text,
      TS_KEYWORDS,
      (text) => {
        if (engine.parseJavaScript(text, 'typescript', 'bench.ts').problem) problems++;
      },
      { iterations, warmup, seed: 1 },
    );
    ts.parse.parseProblems = problems; // edits that made the file unparseable (should be 0)
  } else {
    ts.parse = { unavailable: 'dist/lastline.js does not export parseJavaScript (add it to src/engine-api.ts)' };
  }
  out.typescript = ts;

  // --- Python ---
  // tree-sitter never throws; a file with ERROR nodes (e.g. Python 2 test data) is not "ordinary code".
  const pyAccept = async (text) => {
    if (!hasPyParser) return true;
    const parsed = await engine.parsePython(text);
    parsed.tree.delete();
    return !parsed.hasError;
  };
  const pyFile = await buildLatencyFile(corpus, 'py', { accept: pyAccept });
  const py = { file: describe(pyFile), path: 'bench.py' };
  py.analyze = await timeEdits(pyFile.text, PY_KEYWORDS, (text) => engine.analyze({ path: 'bench.py', text }, {}), { iterations, warmup, seed: 2 });
  if (hasPyParser) {
    let problems = 0;
    py.parse = await timeEdits(
      pyFile.text,
      PY_KEYWORDS,
      async (text) => {
        const parsed = await engine.parsePython(text);
        if (parsed.hasError) problems++;
        parsed.tree.delete(); // tree-sitter trees live in WASM memory: free them, as the engine does
      },
      { iterations, warmup, seed: 2 },
    );
    py.parse.parseProblems = problems;
  } else {
    py.parse = { unavailable: 'dist/lastline.js does not export parsePython (add it to src/engine-api.ts)' };
  }
  out.python = py;
  return out;
}

function describe(file) {
  return { lines: file.lines, bytes: file.bytes, sources: file.sources };
}

/**
 * Raw parse throughput over a whole corpus subset, one pass: every JS/TS file through
 * parseJavaScript, every .py through parsePython. The honest floor for whole-tree scans once
 * structural rules apply to every file (today the keyword pre-filter skips most parses).
 */
export async function measureParseThroughput(engine, corpus, groups) {
  const result = {};
  for (const group of groups) {
    const files = corpus.list.filter((f) => f.group === group);
    const parse = group === 'py' ? engine.parsePython : engine.parseJavaScript;
    if (typeof parse !== 'function') {
      result[group] = { unavailable: `dist/lastline.js does not export ${group === 'py' ? 'parsePython' : 'parseJavaScript'}` };
      continue;
    }
    if (group === 'py') await engine.parsePython(''); // load the WASM grammar outside the timing
    const texts = files.map((f) => readFileSync(join(corpus.root, f.dest), 'utf8'));
    let bytes = 0;
    let problems = 0;
    const perFile = [];
    const started = performance.now();
    for (let i = 0; i < files.length; i++) {
      const t0 = performance.now();
      if (group === 'py') {
        const parsed = await engine.parsePython(texts[i]);
        if (parsed.hasError) problems++;
        parsed.tree.delete();
      } else {
        const language = /\.tsx$/.test(files[i].dest)
          ? 'typescriptreact'
          : /\.(m|c)?ts$/.test(files[i].dest)
            ? 'typescript'
            : /\.jsx$/.test(files[i].dest)
              ? 'javascriptreact'
              : 'javascript';
        if (engine.parseJavaScript(texts[i], language, files[i].dest).problem) problems++;
      }
      perFile.push(performance.now() - t0);
      bytes += files[i].size;
    }
    const ms = performance.now() - started;
    result[group] = {
      files: files.length,
      bytes,
      ms: Math.round(ms),
      mbPerSec: round2(bytes / 1e6 / (ms / 1000)),
      filesPerSec: Math.round(files.length / (ms / 1000)),
      medianFileMs: round2(median(perFile)),
      p95FileMs: round2(percentile(perFile, 95)),
      problems,
    };
  }
  return result;
}
