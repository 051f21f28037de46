// A local index of OSV's per-ecosystem export (written by `lastline deps sync`, osv-export.ts),
// answering "which advisories affect this package version" without the network: CI runners and
// air-gapped machines. Kept under the user's cache folder, one folder per ecosystem:
//   meta.json              what was synced, from where, when (and the ETag, to skip an unchanged export)
//   shards/<xx>.ndjson     one line per (package, advisory): {"n": comparable name, "r": trimmed record}
// Shards are chosen by a hash of the package name, so a lookup reads only the shards of the
// packages asked about.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ecosystem } from '../../core/dependencies/model';
import { comparableName } from '../../core/dependencies/names';
import { affectsVersion } from '../../core/dependencies/osv-ranges';
import { userCacheDirectory } from '../../store/user-cache';
import type { OsvQuery, OsvRecord } from './osv-client';

export const EXPORT_FORMAT = 1;
export const SHARD_COUNT = 256;

export interface ExportMeta {
  format: number;
  ecosystem: Ecosystem;
  url: string;
  etag?: string;
  /** ISO time of the sync. */
  syncedAt: string;
  advisories: number;
  packages: number;
}

export function exportsFolder(): string {
  return join(userCacheDirectory(), 'osv-exports');
}

export function ecosystemFolder(root: string, ecosystem: Ecosystem): string {
  return join(root, ecosystem);
}

export function shardOf(name: string): string {
  return createHash('sha1').update(name).digest('hex').slice(0, 2);
}

export function readExportMeta(folder: string): ExportMeta | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as Partial<ExportMeta>;
    const valid =
      meta.format === EXPORT_FORMAT &&
      typeof meta.syncedAt === 'string' &&
      typeof meta.url === 'string' &&
      (meta.ecosystem === 'npm' || meta.ecosystem === 'PyPI');
    return valid ? (meta as ExportMeta) : undefined;
  } catch {
    return undefined; // never synced, or damaged: the ecosystem is not covered
  }
}

/** What the index answers for one query: the advisory ids and their records, or that it cannot tell. */
export type ExportAnswer = { ids: string[]; records: OsvRecord[] } | undefined;

export class OsvExportIndex {
  /** Read shards; null for one that is damaged (its packages are then not answered here). */
  private readonly shards = new Map<string, Map<string, OsvRecord[]> | null>();

  private constructor(
    private readonly root: string,
    /** The synced ecosystems and their meta. */
    readonly synced: ReadonlyMap<Ecosystem, ExportMeta>,
  ) {}

  /** The exports synced under `root` (the user's cache folder by default); none is fine. */
  static open(root: string = exportsFolder()): OsvExportIndex {
    const synced = new Map<Ecosystem, ExportMeta>();
    for (const ecosystem of ['npm', 'PyPI'] as const) {
      const meta = readExportMeta(ecosystemFolder(root, ecosystem));
      if (meta) synced.set(ecosystem, meta);
    }
    return new OsvExportIndex(root, synced);
  }

  covers(ecosystem: Ecosystem): boolean {
    return this.synced.has(ecosystem);
  }

  /**
   * The advisories affecting the query's version; undefined when the ecosystem is not synced, a
   * shard cannot be read, or a range of one of the package's advisories cannot be evaluated for
   * this version (the API is then asked, or the query is listed as unchecked).
   */
  answer(query: OsvQuery): ExportAnswer {
    if (!this.covers(query.ecosystem)) return undefined;
    const name = comparableName(query.ecosystem, query.name);
    const records = this.recordsOf(query.ecosystem, name);
    if (!records) return undefined;
    const affecting: OsvRecord[] = [];
    for (const record of records) {
      const verdicts = (record.affected ?? []).map((affected) => affectsVersion(affected, query.ecosystem, query.version));
      if (verdicts.includes('affected')) affecting.push(record);
      else if (verdicts.includes('unknown')) return undefined;
    }
    return { ids: affecting.map((record) => record.id), records: affecting };
  }

  private recordsOf(ecosystem: Ecosystem, name: string): OsvRecord[] | undefined {
    const shardKey = `${ecosystem}/${shardOf(name)}`;
    let shard = this.shards.get(shardKey);
    if (shard === undefined) {
      let text: string;
      try {
        text = readFileSync(join(ecosystemFolder(this.root, ecosystem), 'shards', `${shardOf(name)}.ndjson`), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
        text = ''; // no package of this shard has an advisory
      }
      shard = parseShard(text);
      this.shards.set(shardKey, shard);
    }
    return shard === null ? undefined : (shard.get(name) ?? []);
  }
}

/** Null when any line is damaged: a lost line could be an advisory, so nothing here is trusted. */
function parseShard(text: string): Map<string, OsvRecord[]> | null {
  const byName = new Map<string, OsvRecord[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let entry: { n?: unknown; r?: OsvRecord };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return null;
    }
    if (typeof entry.n !== 'string' || typeof entry.r?.id !== 'string') return null;
    const list = byName.get(entry.n);
    if (list) list.push(entry.r);
    else byName.set(entry.n, [entry.r]);
  }
  return byName;
}
