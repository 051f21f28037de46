// The provenance state of one repository, under `$(git rev-parse --git-path lastline)/`, never in
// the work tree:
//   files/<hash of path>.json     one FileProvenance per file an assistant wrote in
//   snapshots/<hash of key>.json  a file's text before a tool ran (pre-tool event), until the post event
//   lock                          held while any of the above changes
// Every write is atomic and every change happens under the lock, so parallel `lastline record`
// calls lose nothing and a killed writer leaves the last complete state behind.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileProvenance } from '../core/provenance/model';
import { writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';

const FORMAT_VERSION = 1;
/** A pre-tool snapshot whose post event never came (the tool failed, the agent was stopped). */
const SNAPSHOT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface Snapshot {
  path: string;
  /** null: the file did not exist before the tool ran. */
  text: string | null;
  time: string;
}

export class ProvenanceStore {
  /** Problems met while reading (a damaged record is skipped, not trusted); the caller reports them. */
  readonly problems: string[] = [];

  constructor(readonly directory: string) {}

  withLock<T>(work: () => T): T {
    mkdirSync(this.directory, { recursive: true });
    return withFileLock(join(this.directory, 'lock'), work);
  }

  read(path: string): FileProvenance | undefined {
    return this.readRecordFile(this.recordFile(path), path);
  }

  write(record: FileProvenance): void {
    if (record.spans.length === 0) this.remove(record.path);
    else writeFileAtomic(this.recordFile(record.path), JSON.stringify({ version: FORMAT_VERSION, ...record }));
  }

  remove(path: string): void {
    rmSync(this.recordFile(path), { force: true });
  }

  /** Every file's record; damaged ones are skipped and named in `problems`. */
  list(): FileProvenance[] {
    const folder = join(this.directory, 'files');
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => this.readRecordFile(join(folder, name)))
      .filter((record): record is FileProvenance => record !== undefined)
      .sort((left, right) => left.path.localeCompare(right.path));
  }

  saveSnapshot(key: string, snapshot: Snapshot): void {
    writeFileAtomic(this.snapshotFile(key), JSON.stringify(snapshot));
  }

  /** The snapshot saved under `key`, removed from the store; undefined when there is none. */
  takeSnapshot(key: string): Snapshot | undefined {
    const file = this.snapshotFile(key);
    let snapshot: Snapshot | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
      if (typeof parsed.path === 'string' && (parsed.text === null || typeof parsed.text === 'string')) snapshot = parsed;
    } catch {
      return undefined;
    }
    rmSync(file, { force: true });
    return snapshot;
  }

  /** Removes snapshots whose post event never came. */
  pruneSnapshots(now = Date.now()): void {
    const folder = join(this.directory, 'snapshots');
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(folder, name);
      try {
        if (now - statSync(file).mtimeMs > SNAPSHOT_LIFETIME_MS) rmSync(file, { force: true });
      } catch {
        // removed by another process meanwhile
      }
    }
  }

  private recordFile(path: string): string {
    return join(this.directory, 'files', `${digest(path)}.json`);
  }

  private snapshotFile(key: string): string {
    return join(this.directory, 'snapshots', `${digest(key)}.json`);
  }

  private readRecordFile(file: string, expectedPath?: string): FileProvenance | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push(`cannot read ${file}: ${(error as Error).message}`);
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as FileProvenance & { version?: number };
      if (parsed.version !== FORMAT_VERSION || !isRecord(parsed) || (expectedPath !== undefined && parsed.path !== expectedPath)) {
        this.problems.push(`ignored ${file}: not a provenance record of this Lastline version`);
        return undefined;
      }
      return { path: parsed.path, hashes: parsed.hashes, spans: parsed.spans, attributions: parsed.attributions };
    } catch {
      this.problems.push(`ignored ${file}: not valid JSON`);
      return undefined;
    }
  }
}

function isRecord(value: FileProvenance): boolean {
  const owners = Array.isArray(value.attributions) ? value.attributions.length : -1;
  return (
    typeof value.path === 'string' &&
    Array.isArray(value.hashes) &&
    value.hashes.every((hash) => typeof hash === 'string') &&
    Array.isArray(value.spans) &&
    value.spans.every(
      (span) =>
        Array.isArray(span) &&
        span.length === 3 &&
        span.every(Number.isInteger) &&
        span[0] >= 0 &&
        span[0] < span[1] &&
        span[1] <= value.hashes.length &&
        span[2] >= 0 &&
        span[2] < owners,
    ) &&
    value.attributions.every((attribution) => attribution && typeof attribution.tool === 'string' && typeof attribution.time === 'string')
  );
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
