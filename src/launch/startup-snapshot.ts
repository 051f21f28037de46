// Starting the CLI from a V8 startup snapshot that holds TypeScript's parsers already evaluated.
//
// Why: every CLI run that parses a JS/TS file first loads dist/typescript-parsers.js — compiling
// ~4 MB of script and running TypeScript's module initialisation — about 0.3 s, most of a
// `lastline scan --staged` whose other files come from the result cache. Node (≥ 18.20) can start
// from a snapshot of a heap (`--snapshot-blob`), which deserialises in a few tens of milliseconds.
// A blob is tied to the exact Node binary and flags that built it, so it cannot ship in the
// package: it is built on this machine, in the background, the first time it is missing, into the
// user's cache folder, and checked once before it is used. Until it exists, and whenever anything
// about it is off, the CLI simply starts as before. LASTLINE_STARTUP_SNAPSHOT=off turns it off.
//
// This module is bundled alone (dist/launch.js) and required by bin/lastline.js before the engine,
// so it imports nothing but Node's own modules.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userCacheDirectory } from '../store/user-cache';
import { SNAPSHOT_CHECK_MARKER, SNAPSHOT_CHECK_VARIABLE } from './snapshot-check';

/** The commands that parse source code; the others gain nothing from the snapshot and skip it. */
const PARSING_COMMANDS: ReadonlySet<string> = new Set(['scan', 'routes', 'verify']);
const BUILDER_FILE = 'snapshot-main.js';
const PARSERS_FILE = 'typescript-parsers.js';
/** Blobs are ~15 MB: a new Node or Lastline build leaves the old ones behind, so keep only a few. */
const BLOBS_KEPT = 3;
/** Node's exit status when it cannot load a startup snapshot (the CLI's own are 0, 1 and 2). */
const SNAPSHOT_LOAD_FAILED = 14;
/** A build lock older than this belongs to a builder that died. */
const STALE_LOCK_MS = 120_000;

export function snapshotsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LASTLINE_STARTUP_SNAPSHOT !== 'off';
}

export function snapshotFolder(): string {
  return join(userCacheDirectory(), 'startup-snapshots');
}

/**
 * The blob's name: everything that makes a blob unusable elsewhere — Node's version, platform and
 * binary (a reinstall in place changes its size or time), the flags Node runs with, and the
 * Lastline build whose parsers and builder it holds.
 */
export function snapshotKey(distDirectory: string): string {
  const identity = (path: string) => {
    const stats = statSync(path);
    return `${realpathSync(path)}:${stats.size}:${stats.mtimeMs}`;
  };
  return createHash('sha256')
    .update(
      [
        process.version,
        process.platform,
        process.arch,
        identity(process.execPath),
        // Inherited by the builder and by every run from the blob alike (this process's own flags
        // are not: both are started with none).
        process.env.NODE_OPTIONS ?? '',
        identity(join(distDirectory, PARSERS_FILE)),
        identity(join(distDirectory, BUILDER_FILE)),
      ].join('\n'),
    )
    .digest('hex')
    .slice(0, 32);
}

/**
 * Runs `argv` in a Node started from the snapshot and returns its exit code; undefined when the
 * snapshot is off, not for this command, or not built yet (then a background build is started)
 * — the caller then runs the CLI in this process, as it would without snapshots.
 */
export function runFromStartupSnapshot(argv: readonly string[], distDirectory: string): number | undefined {
  // `hooks install` prepares the snapshot for the commits to come, and runs as usual.
  const prepares = argv[0] === 'hooks' && argv[1] === 'install';
  const parses = PARSING_COMMANDS.has(argv[0] ?? '') || (argv[0] === 'gate' && hasAgentRecords(process.cwd()));
  if (!snapshotsEnabled() || !(prepares || parses)) return undefined;
  let blob: string;
  try {
    blob = join(snapshotFolder(), `${snapshotKey(distDirectory)}.blob`);
    const built = isIntact(blob);
    if (!built) startBackgroundBuild(distDirectory);
    if (!built || prepares) return undefined;
  } catch {
    return undefined; // an unreadable cache folder or dist file: start as before
  }
  const child = spawnSync(process.execPath, ['--snapshot-blob', blob, ...argv], { stdio: 'inherit' });
  if (child.error) return undefined; // Node could not be started at all: nothing ran yet
  if (child.status === SNAPSHOT_LOAD_FAILED) {
    // Nothing of the command ran: drop the blob (rebuilt later) and run the command as before.
    rmSync(blob, { force: true });
    rmSync(sealOf(blob), { force: true });
    return undefined;
  }
  if (child.signal) process.kill(process.pid, child.signal); // die the way the child did (Ctrl-C)
  return child.status ?? 1;
}

/**
 * The commit gate parses only where an agent wrote lines; in a repository with no provenance
 * records (most commits) starting from the snapshot — a second Node and a larger heap — would cost
 * more than the parser it preloads. The records live in `<git dir>/lastline/files`, the folder the
 * hook scripts test too; a git dir this cannot find means no snapshot, never a skipped check.
 */
export function hasAgentRecords(start: string): boolean {
  const gitDirectory = process.env.GIT_DIR ? resolve(start, process.env.GIT_DIR) : findGitDirectory(start);
  if (!gitDirectory) return false;
  try {
    return readdirSync(join(gitDirectory, 'lastline', 'files')).length > 0;
  } catch {
    return false;
  }
}

/** `.git` of the nearest enclosing work tree: the folder, or where a `.git` file's `gitdir:` points. */
function findGitDirectory(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const dotGit = join(folder, '.git');
    const stats = statSync(dotGit, { throwIfNoEntry: false });
    if (stats?.isDirectory()) return dotGit;
    if (stats?.isFile()) {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
      return pointer ? resolve(folder, pointer[1]) : undefined;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** Starts `node dist/launch.js --build-startup-snapshot` detached: the user does not wait for it. */
export function startBackgroundBuild(distDirectory: string): void {
  if (!snapshotsEnabled()) return;
  try {
    const builder = spawn(process.execPath, [join(distDirectory, 'launch.js'), '--build-startup-snapshot'], { detached: true, stdio: 'ignore' });
    builder.on('error', () => undefined);
    builder.unref();
  } catch {
    // No snapshot this time; the next run tries again.
  }
}

/**
 * Builds the blob for this Node and Lastline build, checks that a Node started from it parses, and
 * only then moves it into place. One builder at a time (a lock file); returns the blob's path, or
 * undefined when another builder holds the lock or the build or its check failed.
 */
export function buildStartupSnapshot(distDirectory: string): string | undefined {
  const folder = snapshotFolder();
  mkdirSync(folder, { recursive: true });
  const key = snapshotKey(distDirectory);
  const blob = join(folder, `${key}.blob`);
  const lock = join(folder, `${key}.lock`);
  if (!takeLock(lock)) return undefined;
  const temporary = join(folder, `${key}.${process.pid}.tmp`);
  try {
    const built = spawnSync(process.execPath, ['--snapshot-blob', temporary, '--build-snapshot', join(distDirectory, BUILDER_FILE)], { stdio: 'ignore' });
    if (built.status !== 0) return undefined;
    const check = spawnSync(process.execPath, ['--snapshot-blob', temporary], { env: { ...process.env, [SNAPSHOT_CHECK_VARIABLE]: '1' }, encoding: 'utf8' });
    if (check.status !== 0 || !check.stdout.includes(SNAPSHOT_CHECK_MARKER)) return undefined;
    renameSync(temporary, blob);
    writeFileSync(sealOf(blob), JSON.stringify(sealFor(blob)));
    pruneOldBlobs(folder, blob);
    return blob;
  } finally {
    rmSync(temporary, { force: true });
    rmSync(lock, { force: true });
  }
}

/**
 * What a blob looked like when its check run passed: its size and first bytes. Node aborts on a
 * blob it cannot read (it does not fail cleanly), so a blob changed or cut short since is never
 * handed to it: it is removed, and built again.
 */
interface Seal {
  size: number;
  head: string;
}
const SEAL_HEAD_BYTES = 64;

function sealOf(blob: string): string {
  return blob.replace(/\.blob$/, '.seal.json');
}

function sealFor(blob: string): Seal {
  const head = Buffer.alloc(SEAL_HEAD_BYTES);
  const descriptor = openSync(blob, 'r');
  try {
    const length = readSync(descriptor, head, 0, SEAL_HEAD_BYTES, 0);
    return { size: fstatSync(descriptor).size, head: head.subarray(0, length).toString('hex') };
  } finally {
    closeSync(descriptor);
  }
}

function isIntact(blob: string): boolean {
  let seal: Seal;
  try {
    seal = JSON.parse(readFileSync(sealOf(blob), 'utf8')) as Seal;
  } catch {
    return false; // never built, or still building (the seal is written last)
  }
  try {
    const actual = sealFor(blob);
    if (actual.size === seal.size && actual.head === seal.head) return true;
  } catch {
    // missing or unreadable: removed below
  }
  rmSync(blob, { force: true });
  rmSync(sealOf(blob), { force: true });
  return false;
}

function takeLock(lock: string): boolean {
  try {
    const stats = statSync(lock, { throwIfNoEntry: false });
    if (stats && Date.now() - stats.mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    const descriptor = openSync(lock, 'wx');
    writeSync(descriptor, String(process.pid));
    closeSync(descriptor);
    return true;
  } catch {
    return false;
  }
}

function pruneOldBlobs(folder: string, keep: string): void {
  const blobs = readdirSync(folder)
    .filter((name) => name.endsWith('.blob'))
    .map((name) => join(folder, name))
    .filter((path) => path !== keep)
    .map((path) => ({ path, time: statSync(path).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of blobs.slice(BLOBS_KEPT - 1)) {
    rmSync(old.path, { force: true });
    rmSync(sealOf(old.path), { force: true });
  }
}
