// `lastline record`'s work, once the payload is an AgentEvent: a pre event snapshots the files about
// to change; a post event works out the text before the change (snapshot, else the tool's own
// old/new strings, else the file's last record, else the index) and records the lines the agent
// added or rewrote. Everything happens under the store's lock.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { recordChange, resolveSuspected } from '../core/provenance/attribution';
import type { AiRange, Attribution, FileProvenance } from '../core/provenance/model';
import { undoReplacements } from '../core/provenance/replacements';
import { findRepository, stateDirectory, type RepositoryPaths } from '../git/repository-paths';
import { git } from '../git/run-git';
import { ProvenanceStore } from '../store/provenance-store';
import { sleepSync } from '../store/sleep-sync';
import type { AgentEvent, FileChange } from './event';

/** Larger files are not recorded: agents do not write them, and reading them would slow the agent. */
export const MAX_RECORDED_FILE_BYTES = 8 * 1024 * 1024;

export interface RecordedFile {
  repository: RepositoryPaths;
  /** Relative to the repository root, `/`-separated. */
  path: string;
  absolutePath: string;
  /** The lines this event gave the agent, in the file as it is now (0-based, end exclusive). */
  agentLines: AiRange[];
  text: string;
}

export interface RecordOutcome {
  files: RecordedFile[];
  /** One line each, for stderr: what could not be recorded and why. */
  problems: string[];
}

export function recordEvent(event: AgentEvent, cwd: string, now = new Date()): RecordOutcome {
  const outcome: RecordOutcome = { files: [], problems: [] };
  const base = resolve(cwd, event.cwd ?? '.');
  const attribution: Attribution = {
    tool: event.tool,
    time: now.toISOString(),
    kind: 'agent',
    source: `${event.tool} ${event.phase === 'pre' ? 'pre' : 'post'}-tool ${event.toolName}`,
  };
  if (event.model) attribution.model = event.model;
  if (event.session) attribution.session = event.session;
  for (const change of event.changes) {
    const absolutePath = isAbsolute(change.path) ? change.path : resolve(base, change.path);
    const repository = findRepository(absolutePath);
    if (!repository) {
      outcome.problems.push(`${change.path} is not in a git repository; nothing recorded`);
      continue;
    }
    const path = repositoryPath(repository, absolutePath);
    if (path === undefined) {
      outcome.problems.push(`${change.path} is outside the repository at ${repository.root}; nothing recorded`);
      continue;
    }
    const store = new ProvenanceStore(stateDirectory(repository));
    const key = snapshotKey(event, path);
    if (event.phase === 'pre') {
      const before = readText(absolutePath);
      if (typeof before === 'object' && before !== null) {
        outcome.problems.push(`${path}: ${before.problem}; not recorded`);
        continue;
      }
      store.withLock(() => {
        store.pruneSnapshots(now.getTime());
        store.saveSnapshot(key, { path, text: before, time: now.toISOString() });
      });
      continue;
    }
    const recorded = store.withLock(() => recordPostChange(store, repository, change, path, absolutePath, key, attribution));
    if (typeof recorded === 'string') outcome.problems.push(recorded);
    else if (recorded) outcome.files.push(recorded);
    outcome.problems.push(...store.problems);
  }
  return outcome;
}

function recordPostChange(
  store: ProvenanceStore,
  repository: RepositoryPaths,
  change: FileChange,
  path: string,
  absolutePath: string,
  key: string,
  attribution: Attribution,
): RecordedFile | string | undefined {
  const snapshot = store.takeSnapshot(key);
  let record = store.read(path);
  if (change.movedFrom) {
    const fromPath = repositoryPath(repository, isAbsolute(change.movedFrom) ? change.movedFrom : resolve(repository.root, change.movedFrom));
    if (fromPath !== undefined && fromPath !== path) {
      record = store.read(fromPath) ?? record;
      store.remove(fromPath);
    }
  }
  const after = readAfterTool(absolutePath, change);
  if (after === null) {
    // Deleted (by the tool, or before we looked): nothing of it is left to attribute.
    store.remove(path);
    return undefined;
  }
  if (typeof after === 'object') return `${path}: ${after.problem}; not recorded`;
  const before = beforeText(snapshot?.text, change, after, record !== undefined, repository, path);
  return storeChange(store, { repository, path, absolutePath, text: after }, record, before, attribution);
}

/** Records the change into the store (the caller holds the lock) and says which lines it gave `attribution`. */
function storeChange(
  store: ProvenanceStore,
  file: Omit<RecordedFile, 'agentLines'>,
  record: FileProvenance | undefined,
  before: string | undefined,
  attribution: Attribution,
): RecordedFile {
  const updated = recordChange(record, file.path, before, file.text, attribution);
  store.write(updated);
  const owner = updated.attributions.indexOf(attribution);
  return { ...file, agentLines: updated.spans.filter((span) => span[2] === owner).map(([start, end]) => ({ start, end, attribution })) };
}

/**
 * Records a change whose texts before and after are both known (the editor saw it happen): the
 * lines it added or rewrote go to `attribution`. Returns a problem line when nothing was recorded.
 */
export function recordKnownChange(absolutePath: string, before: string, after: string, attribution: Attribution): RecordedFile | string {
  const repository = findRepository(absolutePath);
  if (!repository) return `${absolutePath} is not in a git repository; nothing recorded`;
  const path = repositoryPath(repository, absolutePath);
  if (path === undefined) return `${absolutePath} is outside the repository at ${repository.root}; nothing recorded`;
  const store = new ProvenanceStore(stateDirectory(repository));
  return store.withLock(() => storeChange(store, { repository, path, absolutePath, text: after }, store.read(path), before, attribution));
}

/**
 * A person confirms or dismisses the suspected range at `line` (0-based) of the file's current
 * `text`. Returns what happened, for the editor to say.
 */
export function resolveSuspectedAt(
  absolutePath: string,
  text: string,
  line: number,
  verdict: 'confirm' | 'dismiss',
  anyKind = false,
): 'confirmed' | 'dismissed' | 'nothing suspected there' {
  const repository = findRepository(absolutePath);
  const path = repository && repositoryPath(repository, absolutePath);
  if (!repository || path === undefined) return 'nothing suspected there';
  const store = new ProvenanceStore(stateDirectory(repository));
  return store.withLock(() => {
    const record = store.read(path);
    const updated = record && resolveSuspected(record, text, line, verdict, anyKind);
    if (!updated) return 'nothing suspected there';
    store.write(updated);
    return verdict === 'confirm' ? 'confirmed' : 'dismissed';
  });
}

/**
 * The latest agent attribution recorded in the repository holding `absolutePath` within `withinMs`
 * of `now`: an agent session is going on. Undefined when none.
 */
export function activeAgentSession(absolutePath: string, withinMs: number, now = Date.now()): Attribution | undefined {
  const repository = findRepository(absolutePath);
  if (!repository) return undefined;
  let latest: Attribution | undefined;
  for (const record of new ProvenanceStore(stateDirectory(repository)).list()) {
    for (const attribution of record.attributions) {
      if (attribution.kind !== 'agent' || now - Date.parse(attribution.time) > withinMs) continue;
      if (!latest || attribution.time > latest.time) latest = attribution;
    }
  }
  return latest;
}

/** The file's text before the tool ran, from the best source there is; undefined: use the record. */
function beforeText(
  snapshot: string | null | undefined,
  change: FileChange,
  after: string,
  hasRecord: boolean,
  repository: RepositoryPaths,
  path: string,
): string | undefined {
  if (snapshot !== undefined) return snapshot ?? '';
  if (change.replacements?.length) {
    const undone = undoReplacements(after, change.replacements);
    if (undone !== undefined) return undone;
  }
  if (hasRecord) return undefined;
  return indexText(repository, path) ?? '';
}

function indexText(repository: RepositoryPaths, path: string): string | undefined {
  try {
    return git(repository.root, ['show', `:${path}`]).toString('utf8');
  } catch {
    return undefined; // not in the index: a new file
  }
}

function snapshotKey(event: AgentEvent, path: string): string {
  return [event.agent, event.session ?? '', event.callId ?? '', path].join('\0');
}

function repositoryPath(repository: RepositoryPaths, absolutePath: string): string | undefined {
  const path = relative(repository.root, absolutePath);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

/**
 * VS Code's agent may run its PostToolUse hook before the edit is on disk (git-ai waits 80 ms for
 * it). When the file does not yet show what the tool says it wrote, wait a little and read again.
 */
const LATE_WRITE_WAITS_MS = [40, 80, 160];

function readAfterTool(absolutePath: string, change: FileChange): string | null | { problem: string } {
  let text = readText(absolutePath);
  for (const wait of LATE_WRITE_WAITS_MS) {
    if (typeof text === 'string' && showsChange(text, change)) break;
    if (text === null && change.deleted) break;
    sleepSync(wait);
    text = readText(absolutePath);
  }
  return text;
}

/** Whether `text` holds what the tool says it wrote (true when the tool says nothing checkable). */
function showsChange(text: string, change: FileChange): boolean {
  if (change.content !== undefined) return text === change.content;
  const added = change.replacements?.map((replacement) => replacement.newText).filter((newText) => newText !== '') ?? [];
  return added.every((newText) => text.includes(newText));
}

/** The file's text; null when it does not exist; a problem when it cannot be recorded. */
function readText(path: string): string | null | { problem: string } {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { problem: 'not a regular file' };
    if (stat.size > MAX_RECORDED_FILE_BYTES) return { problem: `larger than ${MAX_RECORDED_FILE_BYTES / 1024 / 1024} MB` };
    const content = readFileSync(path);
    if (content.subarray(0, 8000).includes(0)) return { problem: 'binary file' };
    return content.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return { problem: `cannot be read (${(error as Error).message})` };
  }
}
