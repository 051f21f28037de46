// Builds the benchmark corpus: a deterministic selection of real JS/TS/Python source that exists on
// any machine after `npm install` (this repo's node_modules) plus Python's standard library, copied
// into one plain folder so that every tool sees exactly the same files:
//
//   bench/.corpus/<name>/js/…   .js .mjs .cjs .jsx             from node_modules
//   bench/.corpus/<name>/ts/…   .ts .mts .cts .tsx (+ .d.ts)   from node_modules
//   bench/.corpus/<name>/py/…   .py                            from the Python stdlib
//   bench/.corpus/<name>/.lastline.json                        makes the folder Lastline's project root
//   bench/.corpus/<name>.manifest.json                         the file list (outside the tree on purpose)
//
// Why copy: Lastline (like most tools) never walks into node_modules, and the repo's .gitignore
// ignores bench/.corpus/ — the .lastline.json makes the corpus its own project, so neither applies.
// `node_modules` path segments are renamed `_nm` for the same reason.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Lastline's default maxFileSize (src/core/config.ts): larger files would be skipped, not scanned. */
export const MAX_FILE_SIZE = 1024 * 1024;

/**
 * Byte budgets per pool. TypeScript sources and declaration files are separate pools so the TS share
 * is not almost all .d.ts (this repo's node_modules holds ~4 MB of real .ts and ~15 MB of .d.ts).
 */
export const PROFILES = {
  full: { js: 13e6, ts: 4e6, dts: 5e6, py: 8e6 }, // ~30 MB: keeps `npm run bench` near 8 min on 2 cores
  quick: { js: 3e6, ts: 1e6, dts: 1e6, py: 2e6 },
};

const POOLS = {
  js: { group: 'js', test: (name) => /\.(js|mjs|cjs|jsx)$/.test(name) && !/\.min\.js$/.test(name) },
  ts: { group: 'ts', test: (name) => /\.(ts|mts|cts|tsx)$/.test(name) && !/\.d\.[mc]?ts$/.test(name) },
  dts: { group: 'ts', test: (name) => /\.d\.[mc]?ts$/.test(name) },
  py: { group: 'py', test: (name) => name.endsWith('.py') },
};

/** Subsets of the corpus a tool can cover, as folders relative to the corpus root. */
export const SUBSETS = {
  all: { label: 'JS+TS+Python', dirs: ['js', 'ts', 'py'] },
  jsts: { label: 'JS+TS', dirs: ['js', 'ts'] },
  js: { label: 'JS', dirs: ['js'] }, // ESLint's subset when no TypeScript parser is installed
  py: { label: 'Python', dirs: ['py'] },
};

/** Where Python's standard library lives: the `python3` on PATH, else Debian's /usr/lib/python3.X. */
export function pythonStdlib() {
  const probe = spawnSync('python3', ['-c', 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8', timeout: 20_000 });
  const fromPython = probe.status === 0 ? probe.stdout.trim() : '';
  if (fromPython && existsSync(fromPython)) return fromPython;
  const debian = existsSync('/usr/lib')
    ? readdirSync('/usr/lib')
        .filter((d) => /^python3\.\d+$/.test(d))
        .sort()
        .pop()
    : undefined;
  return debian ? join('/usr/lib', debian) : undefined;
}

/** Regular files under dir (symlinks not followed), sorted, as paths relative to dir. */
function listFiles(dir, skipDir) {
  const out = [];
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skipDir(entry.name)) walk(path);
      } else if (entry.isFile()) {
        out.push(relative(dir, path));
      }
    }
  };
  walk(dir);
  return out;
}

function sha1(data) {
  return createHash('sha1').update(data).digest('hex');
}

/**
 * Candidate files per pool: { pool, source (absolute), dest (relative to the corpus root) }.
 * Order is a stable hash of the path, so a budget takes a spread over many packages instead of the
 * alphabetically first ones — and the same selection on every run with the same installs.
 */
function candidates(repoRoot, stdlib) {
  const byPool = { js: [], ts: [], dts: [], py: [] };
  const nodeModules = join(repoRoot, 'node_modules');
  const skipNm = (name) => name === '.bin' || name === '.cache' || name === '.git';
  for (const rel of listFiles(nodeModules, skipNm)) {
    const name = rel.split(sep).pop();
    for (const [pool, spec] of Object.entries(POOLS)) {
      if (pool === 'py' || !spec.test(name)) continue;
      const dest = join(
        spec.group,
        rel
          .split(sep)
          .map((s) => (s === 'node_modules' ? '_nm' : s))
          .join('/'),
      );
      byPool[pool].push({ pool, source: join(nodeModules, rel), dest, key: `nm/${rel}` });
      break;
    }
  }
  if (stdlib) {
    const skipPy = (name) => name === 'site-packages' || name === 'dist-packages' || name === '__pycache__' || name === 'node_modules';
    for (const rel of listFiles(stdlib, skipPy)) {
      if (!POOLS.py.test(rel)) continue;
      byPool.py.push({ pool: 'py', source: join(stdlib, rel), dest: join('py', rel), key: `py/${rel}` });
    }
  }
  for (const list of Object.values(byPool)) {
    for (const c of list) c.order = sha1(c.key);
    list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  }
  return byPool;
}

/** Picks files per pool until its budget is reached; skips too-large, empty, binary and duplicate files. */
function select(byPool, budgets) {
  const chosen = [];
  const seenContent = new Set();
  for (const [pool, budget] of Object.entries(budgets)) {
    let total = 0;
    for (const c of byPool[pool]) {
      if (total >= budget) break;
      const { size } = statSync(c.source);
      if (size === 0 || size > MAX_FILE_SIZE || total + size > budget * 1.02) continue;
      const content = readFileSync(c.source);
      if (content.subarray(0, 8000).includes(0)) continue; // Lastline would skip it as binary (git's heuristic)
      const hash = sha1(content);
      if (seenContent.has(hash)) continue; // nested copies of one package version (e.g. msal-common twice)
      seenContent.add(hash);
      chosen.push({ pool, group: POOLS[pool].group, source: c.source, dest: c.dest, size, sha1: hash });
      total += size;
    }
  }
  return chosen;
}

/**
 * Builds (or reuses, when the manifest says the same files are already there) the corpus for a
 * profile. Returns { root, files, bytes, byGroup, subsets, stdlib, reused }.
 */
export function buildCorpus(repoRoot, profileName, log = () => {}) {
  const budgets = PROFILES[profileName];
  if (!budgets) throw new Error(`unknown corpus profile ${profileName}`);
  const corpusDir = join(repoRoot, 'bench', '.corpus');
  const root = join(corpusDir, profileName);
  const manifestPath = join(corpusDir, `${profileName}.manifest.json`);

  const stdlib = pythonStdlib();
  const chosen = select(candidates(repoRoot, stdlib), stdlib ? budgets : { ...budgets, py: 0 });
  const digest = sha1(JSON.stringify(chosen.map((f) => [f.dest, f.sha1])));

  let reused = false;
  if (existsSync(manifestPath)) {
    try {
      const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
      reused = old.digest === digest && old.files.every((f) => existsSync(join(root, f.dest)));
    } catch {
      reused = false;
    }
  }
  if (!reused) {
    log(`building corpus "${profileName}" (${chosen.length} files) in ${relative(repoRoot, root)}`);
    rmSync(root, { recursive: true, force: true });
    for (const f of chosen) {
      const dest = join(root, f.dest);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(f.source, dest);
    }
    for (const group of ['js', 'ts', 'py']) mkdirSync(join(root, group), { recursive: true });
    // Own project root for Lastline (see the header); it excludes itself so every tool scans the same files.
    writeFileSync(join(root, '.lastline.json'), JSON.stringify({ exclude: ['.lastline.json'] }, null, 2) + '\n');
    const manifest = {
      profile: profileName,
      digest,
      stdlib,
      files: chosen.map(({ pool, group, dest, size, sha1: hash, source }) => ({
        pool,
        group,
        dest,
        size,
        sha1: hash,
        source: relative(repoRoot, source).startsWith('..') ? source : relative(repoRoot, source),
      })),
    };
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  }

  const byGroup = {};
  const byPool = {};
  for (const f of chosen) {
    byGroup[f.group] ??= { files: 0, bytes: 0 };
    byGroup[f.group].files++;
    byGroup[f.group].bytes += f.size;
    byPool[f.pool] ??= { files: 0, bytes: 0 };
    byPool[f.pool].files++;
    byPool[f.pool].bytes += f.size;
  }
  const subsets = {};
  for (const [name, spec] of Object.entries(SUBSETS)) {
    const files = spec.dirs.reduce((n, g) => n + (byGroup[g]?.files ?? 0), 0);
    const bytes = spec.dirs.reduce((n, g) => n + (byGroup[g]?.bytes ?? 0), 0);
    subsets[name] = { ...spec, files, bytes };
  }
  return {
    profile: profileName,
    root,
    manifestPath,
    digest,
    stdlib,
    reused,
    files: chosen.length,
    bytes: chosen.reduce((n, f) => n + f.size, 0),
    byGroup,
    byPool,
    subsets,
    list: chosen,
  };
}

/** The corpus as buildCorpus returned it, from its manifest (for worker processes). */
export function readCorpus(manifestPath, root) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return { profile: manifest.profile, root, manifestPath, digest: manifest.digest, list: manifest.files };
}
