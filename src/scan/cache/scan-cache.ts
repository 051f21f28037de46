// The scan result cache, like ESLint's `--cache` and ruff's: per file, what the route index and the
// rules found in a given content, so that a repeat scan reads only what changed. One JSON file per
// project, under the git folder (`.git/lastline/scan-cache.json`) or, outside a repository, in this
// user's cache folder. Written atomically at the end of a run; bounded in size.
//
// Nothing in it is trusted: a file that is unreadable, malformed, written by another engine build
// or for another project is ignored (and replaced on the next save), and every entry is checked
// for shape before use. Results are keyed by the content's hash, so the worst a stale or tampered
// entry can do is describe a content the file no longer has — and then its hash does not match.
//
// Content hashes come from reading the file, except when its `lstat` (size, modification time,
// inode) equals the one recorded with the hash and the hash was taken at least TRUST_AFTER_MS after
// that modification time: a later change to the file then has a later time (git's "racy clean"
// rule).
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LastlineConfig } from '../../core/config';
import type { AnalysisResult } from '../../core/engine';
import type { Logger } from '../../core/log';
import type { ProjectFactName } from '../../core/rule';
import { findRepository, stateDirectory } from '../../git/repository-paths';
import { writeFileAtomic } from '../../store/atomic-file';
import { userCacheDirectory } from '../../store/user-cache';
import { readTextFile, readTextFileSync } from '../read-file';
import type { DeclarationSummary, FileRouteSummary } from '../route-summaries';
import { currentEngineId } from './engine-id';

const FORMAT = 1;
const FILE_NAME = 'scan-cache.json';
/** The whole cache file, read and written; past it, entries not seen in this run go first. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** One file's analysis is not kept when it serialises to more than this (thousands of findings). */
const MAX_ANALYSIS_BYTES = 512 * 1024;
const TRUST_AFTER_MS = 2_000;
const HASH = /^[0-9a-f]{40}$/;

/** The file-system facts a content hash is recorded with. */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

interface CachedAnalysis {
  /** Engine build, configuration and how the file was named: see analysisKey(). */
  key: string;
  /** Digests of the project facts the rules read for this file, when they read any. */
  facts: Partial<Record<ProjectFactName, string>>;
  result: AnalysisResult;
}

/** What was found in one content of a file. */
interface Content {
  hash: string;
  /** The route index's summaries of this content (null: nothing of routes). */
  declarations?: FileRouteSummary | 'helpers-only' | null;
  full?: FileRouteSummary | null;
  analysis?: CachedAnalysis;
}

interface Entry {
  /** The working-tree file's content hash, with the stamp it was taken with. */
  hash?: string;
  stamp?: FileStamp;
  /** When `hash` was taken (ms since the epoch). */
  hashedAt?: number;
  /**
   * Results per content, most recently used first, at most CONTENTS_PER_FILE: the staged content
   * and the working tree's often differ, and a commit's checks should not undo a scan's.
   */
  contents: Content[];
}

const CONTENTS_PER_FILE = 2;

interface CacheFile {
  format: number;
  engine: string;
  project: string;
  files: Record<string, Entry>;
}

/** A file's content hash, its size, and its text when it had to be read for the hash. */
export interface KnownContent {
  hash: string;
  size: number;
  text?: string;
}

/** The project facts the cached results depend on, as digests (see projectFactDigests). */
export type FactDigests = Partial<Record<ProjectFactName, string>>;

export class ScanCache {
  private readonly entries: Map<string, Entry>;
  private readonly seen = new Set<string>();
  private readonly known = new Map<string, Promise<KnownContent | undefined>>();
  private dirty = false;
  /** What this run took from the cache and what it had to read (for `--verbose` and tests). */
  readonly stats = { contentReads: 0, summariesReused: 0, analysesReused: 0, analysesKept: 0 };

  private constructor(
    private readonly file: string | undefined,
    private readonly projectRoot: string,
    private readonly engine: string,
    entries: Map<string, Entry>,
    private readonly log?: Logger,
  ) {
    this.entries = entries;
  }

  /** The cache of the project at `projectRoot`; an empty one when there is none or it is not ours. */
  static open(projectRoot: string, log?: Logger, file = defaultCacheFile(projectRoot)): ScanCache {
    const engine = currentEngineId();
    return new ScanCache(file, projectRoot, engine, file ? readEntries(file, projectRoot, engine, log) : new Map(), log);
  }

  /** A cache that remembers within this run only (tests, `--no-cache` keeps none at all). */
  static inMemory(projectRoot: string): ScanCache {
    return new ScanCache(undefined, projectRoot, currentEngineId(), new Map());
  }

  /**
   * The hash of a working-tree file's content (routeTextHash of its text), from its stamp when the
   * stamp can be trusted, else by reading it; undefined when it is not a readable text file.
   */
  contentHash(absolutePath: string, projectPath: string, maxFileSize: number): Promise<KnownContent | undefined> {
    // The route index and the analysis ask for the same files within one run: one stat each. The
    // text read for a hash goes to the first asker only: a memo of every text would hold the tree.
    const known = this.known.get(absolutePath);
    if (known) return known;
    const found = this.findContentHash(absolutePath, projectPath, maxFileSize);
    this.known.set(
      absolutePath,
      found.then((content) => content && { hash: content.hash, size: content.size }),
    );
    return found;
  }

  /** A new run over the same cache (after `--fix` changed files): files are looked at again. */
  forgetFileStates(): void {
    this.known.clear();
  }

  private async findContentHash(absolutePath: string, projectPath: string, maxFileSize: number): Promise<KnownContent | undefined> {
    let stamp: FileStamp;
    try {
      // Synchronous: a stat of a local file is microseconds, a promise round trip through the
      // thread pool several times that (a third of a repeat scan's time, measured).
      const stats = lstatSync(absolutePath);
      if (!stats.isFile()) return undefined;
      stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino };
    } catch {
      return undefined;
    }
    const entry = this.entries.get(projectPath);
    const trusted =
      entry?.hash && entry.stamp && entry.hashedAt !== undefined && sameStamp(entry.stamp, stamp) && entry.hashedAt - stamp.mtimeMs >= TRUST_AFTER_MS;
    if (trusted && entry.hash && stamp.size <= maxFileSize) {
      this.seen.add(projectPath);
      return { hash: entry.hash, size: stamp.size };
    }
    const read = await readTextFile(absolutePath, maxFileSize);
    this.stats.contentReads++;
    if (read.kind !== 'text') return undefined;
    const hash = contentHashOf(read.text);
    this.noteHash(projectPath, hash, stamp);
    return { hash, size: read.size, text: read.text };
  }

  /** Records that the working-tree file `projectPath` holds content `hash`, as its stamp says. */
  private noteHash(projectPath: string, hash: string, stamp: FileStamp): void {
    this.seen.add(projectPath);
    const entry = this.entries.get(projectPath) ?? { contents: [] };
    this.entries.set(projectPath, entry);
    if (entry.hash === hash && entry.stamp && sameStamp(entry.stamp, stamp) && entry.hashedAt !== undefined && entry.hashedAt - stamp.mtimeMs >= TRUST_AFTER_MS)
      return;
    entry.hash = hash;
    entry.stamp = stamp;
    entry.hashedAt = Date.now();
    this.dirty = true;
  }

  declarations(projectPath: string, hash: string): DeclarationSummary | null | undefined {
    const entry = this.current(projectPath, hash);
    if (entry?.declarations === undefined || !validSummary(entry.declarations, true)) return undefined;
    this.stats.summariesReused++;
    return entry.declarations;
  }

  full(projectPath: string, hash: string): FileRouteSummary | null | undefined {
    const entry = this.current(projectPath, hash);
    if (entry?.full === undefined || !validSummary(entry.full, false)) return undefined;
    this.stats.summariesReused++;
    return entry.full;
  }

  setDeclarations(projectPath: string, hash: string, summary: DeclarationSummary): void {
    const entry = this.current(projectPath, hash, true);
    if (!entry) return;
    entry.declarations = summary ?? null;
    this.dirty = true;
  }

  setFull(projectPath: string, hash: string, summary: FileRouteSummary | undefined): void {
    const entry = this.current(projectPath, hash, true);
    if (!entry) return;
    entry.full = summary ?? null;
    this.dirty = true;
  }

  /** The cached analysis of this content under `key`, if the project facts it read are unchanged. */
  analysis(projectPath: string, hash: string, key: string, facts: FactDigests): AnalysisResult | undefined {
    const cached = this.current(projectPath, hash)?.analysis;
    if (!cached || cached.key !== key || !validAnalysis(cached.result)) return undefined;
    for (const [name, digest] of Object.entries(cached.facts)) {
      if (facts[name as ProjectFactName] !== digest) return undefined;
    }
    this.stats.analysesReused++;
    return cached.result;
  }

  setAnalysis(projectPath: string, hash: string, key: string, facts: FactDigests, result: AnalysisResult): void {
    const used: FactDigests = {};
    for (const name of result.projectFactsRead ?? []) {
      const digest = facts[name];
      if (digest === undefined) return; // a fact without a digest cannot be checked later: keep nothing
      used[name] = digest;
    }
    const analysis = { key, facts: used, result };
    if (JSON.stringify(analysis).length > MAX_ANALYSIS_BYTES) return;
    const entry = this.current(projectPath, hash, true);
    if (!entry) return;
    entry.analysis = analysis;
    this.stats.analysesKept++;
    this.dirty = true;
  }

  /** Writes the cache if anything changed; a cache that cannot be written is only logged. */
  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      writeFileAtomic(this.file, this.serialise());
      this.dirty = false;
      if (dirname(this.file) === userCacheFolder()) pruneUserCaches(this.file);
    } catch (error) {
      this.log?.debug(`scan cache not written to ${this.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The record of this content of the file; with `create`, made (and the oldest beyond the bound dropped). */
  private current(projectPath: string, hash: string, create = false): Content | undefined {
    let entry = this.entries.get(projectPath);
    const found = entry?.contents.find((content) => content.hash === hash);
    if (found || !create) {
      if (found) this.seen.add(projectPath);
      return found;
    }
    if (!entry) this.entries.set(projectPath, (entry = { contents: [] }));
    const content: Content = { hash };
    entry.contents = [content, ...entry.contents].slice(0, CONTENTS_PER_FILE);
    this.seen.add(projectPath);
    return content;
  }

  private serialise(): string {
    const write = (entries: Iterable<[string, Entry]>) =>
      JSON.stringify({ format: FORMAT, engine: this.engine, project: this.projectRoot, files: Object.fromEntries(entries) } satisfies CacheFile);
    let text = write(this.entries);
    if (text.length <= MAX_CACHE_BYTES) return text;
    // Over the bound: keep what this run saw; then, if still over, the route summaries alone.
    const seen = [...this.entries].filter(([path]) => this.seen.has(path));
    text = write(seen);
    if (text.length <= MAX_CACHE_BYTES) return text;
    return write(seen.map(([path, entry]) => [path, { ...entry, contents: entry.contents.map((content) => ({ ...content, analysis: undefined })) }]));
  }
}

/** The hash the cache keys content by: routeTextHash's, so route summaries and index agree. */
export function contentHashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * What a cached analysis must have been computed with to be reused: the engine build, the
 * configuration, and how the file was named (a git-ignored file named on the command line is
 * treated differently).
 */
export function analysisKey(engine: string, config: LastlineConfig, ignoredByGit: boolean): string {
  return createHash('sha1')
    .update(`${engine}\0${JSON.stringify(config)}\0${ignoredByGit}`)
    .digest('hex');
}

/** `.git/lastline/scan-cache.json`, or a file per project in the user's cache folder. */
export function defaultCacheFile(projectRoot: string): string | undefined {
  const repository = findRepository(projectRoot);
  if (repository) return join(stateDirectory(repository), FILE_NAME);
  return join(userCacheFolder(), `${createHash('sha1').update(projectRoot).digest('hex')}.json`);
}

/** Where the caches of projects outside git go: one file each, the most recent MAX_USER_CACHES kept. */
function userCacheFolder(): string {
  return join(userCacheDirectory(), 'scan-cache');
}

const MAX_USER_CACHES = 32;

/** Scans of many folders outside git (temporary checkouts) must not fill the user's cache folder. */
function pruneUserCaches(kept: string): void {
  const folder = dirname(kept);
  const caches = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name))
    .flatMap((path) => {
      try {
        return [{ path, mtimeMs: statSync(path).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of caches.slice(MAX_USER_CACHES)) if (path !== kept) rmSync(path, { force: true });
}

function readEntries(file: string, projectRoot: string, engine: string, log?: Logger): Map<string, Entry> {
  const read = readTextFileSync(file, MAX_CACHE_BYTES);
  if (read.kind !== 'text') return new Map();
  try {
    const parsed = JSON.parse(read.text) as Partial<CacheFile> | null;
    if (
      !parsed ||
      parsed.format !== FORMAT ||
      parsed.engine !== engine ||
      parsed.project !== projectRoot ||
      typeof parsed.files !== 'object' ||
      parsed.files === null
    ) {
      log?.debug(`scan cache ${file} is from another engine build or project: not used`);
      return new Map();
    }
    const entries = new Map<string, Entry>();
    for (const [path, entry] of Object.entries(parsed.files)) if (validEntry(entry)) entries.set(path, entry);
    return entries;
  } catch {
    log?.debug(`scan cache ${file} is not valid JSON: not used`);
    return new Map();
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function validEntry(entry: unknown): entry is Entry {
  if (!isObject(entry) || !Array.isArray(entry.contents) || entry.contents.length > CONTENTS_PER_FILE) return false;
  if (!entry.contents.every((content) => isObject(content) && typeof content.hash === 'string' && HASH.test(content.hash))) return false;
  if (entry.hash === undefined) return entry.stamp === undefined;
  if (typeof entry.hash !== 'string' || !HASH.test(entry.hash)) return false;
  const { stamp } = entry;
  return (
    isObject(stamp) &&
    typeof stamp.size === 'number' &&
    typeof stamp.mtimeMs === 'number' &&
    typeof stamp.ino === 'number' &&
    typeof entry.hashedAt === 'number'
  );
}

function validSummary(summary: unknown, declarations: boolean): boolean {
  if (summary === null || (declarations && summary === 'helpers-only')) return true;
  return isObject(summary) && typeof summary.hash === 'string' && isObject(summary.routes) && Array.isArray(summary.routes.routes);
}

function validAnalysis(result: unknown): result is AnalysisResult {
  return isObject(result) && Array.isArray(result.findings) && Array.isArray(result.ruleErrors);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
