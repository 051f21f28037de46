// `lastline deps sync`: downloads OSV's export of every advisory of an ecosystem
// (https://google.github.io/osv.dev/data/#data-dumps: <bucket>/<ecosystem>/all.zip, one JSON
// record per advisory) and turns it into the local index osv-export-index.ts reads. The zip is
// read with yauzl (streaming, ZIP64: npm's export holds far more than 65,535 records), one entry
// at a time, so memory stays bounded whatever the export's size. The new index is built beside
// the old one and swapped in whole: a failed sync leaves the previous index as it was.
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import * as yauzl from 'yauzl';
import type { Ecosystem } from '../../core/dependencies/model';
import { comparableName } from '../../core/dependencies/names';
import { writeFileAtomic } from '../../store/atomic-file';
import { downloadToFile, type DownloadOptions } from './download';
import { ecosystemFolder, EXPORT_FORMAT, exportsFolder, readExportMeta, shardOf, type ExportMeta } from './osv-export-index';
import type { OsvRecord } from './osv-client';

export const OSV_EXPORT_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
/** One advisory record larger than this is not an advisory (the biggest real ones are ~1 MB). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export interface SyncOptions extends Pick<DownloadOptions, 'timeoutMs' | 'retries' | 'env'> {
  /** The bucket; OSV_EXPORT_URL unless a mirror is named. */
  baseUrl?: string;
  /** Where indexes live; the user's cache folder by default. */
  root?: string;
  /** Progress lines for a person watching: downloading, indexing. */
  onProgress?(message: string): void;
}

export type SyncResult = { kind: 'unchanged'; meta: ExportMeta } | { kind: 'synced'; meta: ExportMeta; bytes: number };

export async function syncOsvExport(ecosystem: Ecosystem, options: SyncOptions = {}): Promise<SyncResult> {
  const root = options.root ?? exportsFolder();
  const url = `${(options.baseUrl ?? OSV_EXPORT_URL).replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`;
  const target = ecosystemFolder(root, ecosystem);
  const previous = readExportMeta(target);
  const building = `${target}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, 'shards'), { recursive: true });
  try {
    const zip = join(building, 'all.zip');
    let lastReport = 0;
    const download = await downloadToFile(url, zip, {
      ...options,
      ...(previous?.etag && previous.url === url ? { etag: previous.etag } : {}),
      onProgress: (received, total) => {
        if (received - lastReport < 8 * 1024 * 1024 && received !== total) return;
        lastReport = received;
        options.onProgress?.(`${ecosystem}: downloaded ${megabytes(received)}${total ? ` of ${megabytes(total)}` : ''}`);
      },
    });
    if (download.kind === 'unchanged' && previous) {
      // The index is current: it is marked checked now, so its age says when it was last confirmed.
      const meta = { ...previous, syncedAt: new Date().toISOString() };
      writeFileAtomic(join(target, 'meta.json'), JSON.stringify(meta));
      return { kind: 'unchanged', meta };
    }
    if (download.kind === 'unchanged') throw new Error(`${url} answered "not modified" to a request for a new copy`);
    options.onProgress?.(`${ecosystem}: indexing ${megabytes(download.bytes)} of advisories`);
    const counts = await indexZip(zip, ecosystem, join(building, 'shards'));
    rmSync(zip, { force: true });
    const meta: ExportMeta = {
      format: EXPORT_FORMAT,
      ecosystem,
      url,
      ...(download.etag ? { etag: download.etag } : {}),
      syncedAt: new Date().toISOString(),
      ...counts,
    };
    writeFileAtomic(join(building, 'meta.json'), JSON.stringify(meta));
    swapIn(building, target);
    return { kind: 'synced', meta, bytes: download.bytes };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

function swapIn(building: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  renameSync(building, target);
  rmSync(old, { recursive: true, force: true });
}

/** Every record of the zip that names a package of `ecosystem`, written to its package's shard. */
async function indexZip(zipFile: string, ecosystem: Ecosystem, shardsFolder: string): Promise<{ advisories: number; packages: number }> {
  const zip = await openZip(zipFile);
  const shards = new Map<string, WriteStream>();
  const packages = new Set<string>();
  let advisories = 0;
  try {
    for await (const entry of entries(zip)) {
      if (!entry.fileName.endsWith('.json') || entry.uncompressedSize > MAX_RECORD_BYTES) continue;
      const record = parseRecord(await readEntry(zip, entry), entry.fileName);
      if (typeof record.id !== 'string' || record.withdrawn) continue;
      let counted = false;
      for (const [name, affected] of affectedPackages(record, ecosystem)) {
        const shard = shardOf(name);
        let stream = shards.get(shard);
        if (!stream) shards.set(shard, (stream = createWriteStream(join(shardsFolder, `${shard}.ndjson`))));
        const line = `${JSON.stringify({ n: name, r: trimmed(record, affected) })}\n`;
        if (!stream.write(line)) await once(stream, 'drain');
        packages.add(name);
        counted = true;
      }
      if (counted) advisories++;
    }
  } finally {
    zip.close();
    await Promise.all([...shards.values()].map((stream) => new Promise((resolve) => stream.end(resolve))));
  }
  return { advisories, packages: packages.size };
}

/** A record that is not JSON fails the sync: skipping it could hide an advisory. */
function parseRecord(bytes: Buffer, fileName: string): OsvRecord & { withdrawn?: string } {
  try {
    return JSON.parse(bytes.toString('utf8')) as OsvRecord & { withdrawn?: string };
  } catch {
    throw new Error(`${fileName} in the export is not JSON; the previous index is kept`);
  }
}

/** The record's affected entries per package of the ecosystem (one record may name several). */
function affectedPackages(record: OsvRecord, ecosystem: Ecosystem): Map<string, NonNullable<OsvRecord['affected']>> {
  const byName = new Map<string, NonNullable<OsvRecord['affected']>>();
  for (const affected of record.affected ?? []) {
    const name = affected.package?.name;
    if (affected.package?.ecosystem !== ecosystem || typeof name !== 'string') continue;
    const key = comparableName(ecosystem, name);
    byName.set(key, [...(byName.get(key) ?? []), affected]);
  }
  return byName;
}

/** What a finding and the range evaluation need: the record without its prose and references. */
function trimmed(record: OsvRecord, affected: NonNullable<OsvRecord['affected']>): OsvRecord {
  return {
    id: record.id,
    ...(record.aliases?.length ? { aliases: record.aliases } : {}),
    ...(record.summary ? { summary: record.summary } : record.details ? { summary: record.details.split('\n')[0].slice(0, 200) } : {}),
    ...(record.severity?.length ? { severity: record.severity } : {}),
    ...(record.database_specific?.severity ? { database_specific: { severity: record.database_specific.severity } } : {}),
    affected: affected.map((entry) => ({
      package: entry.package,
      ...(entry.ranges ? { ranges: entry.ranges } : {}),
      ...(entry.versions ? { versions: entry.versions } : {}),
    })),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(new Error(`the export is not a readable zip file (${error.message})`)) : resolve(zip),
    ),
  );
}

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
      const onEnd = () => done(() => resolve(undefined));
      const onError = (error: Error) => done(() => reject(new Error(`the export's zip file is damaged (${error.message})`)));
      const done = (settle: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        settle();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    });
    zip.readEntry();
    const entry = await next;
    if (!entry) return;
    yield entry;
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new Error(`cannot read ${entry.fileName} in the export (${error.message})`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', (streamError) => reject(new Error(`cannot read ${entry.fileName} in the export (${streamError.message})`)));
    });
  });
}
