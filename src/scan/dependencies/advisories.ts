// Which advisories affect each package version (and, for the unknown-dependency rule, whether a
// package exists): from the local cache (this user's cache folder)
// where it is fresh, else from the ecosystem's synced OSV export (`lastline deps sync`) where
// there is one, else from OSV's API — answers are then kept, so a second scan makes no request.
// Offline, the cache (stale entries too) and the exports answer, and what they cannot answer is
// listed as missing: never taken for "no advisory".
import { join } from 'node:path';
import { packageKey, type Advisory, type Ecosystem } from '../../core/dependencies/model';
import { comparableName } from '../../core/dependencies/names';
import { compareVersions, isVersion } from '../../core/dependencies/versions';
import { readTextFileSync } from '../read-file';
import { writeFileAtomic } from '../../store/atomic-file';
import { userCacheDirectory } from '../../store/user-cache';
import { mapConcurrently } from '../cache/map-concurrently';
import type { OsvClient, OsvQuery, OsvRecord } from './osv-client';
import type { OsvExportIndex } from './osv-export-index';
import type { RegistryAnswer } from './registry-client';

const FORMAT = 1;
const QUERY_FRESH_MS = 24 * 3_600_000;
const RECORD_FRESH_MS = 7 * 24 * 3_600_000;
const MAX_STORE_BYTES = 64 * 1024 * 1024;

/** An advisory as kept: what findings need, with every fixed version per affected package. */
interface StoredAdvisory {
  id: string;
  aliases: string[];
  summary: string;
  severity?: string;
  /** Per `ecosystem\0name` (comparable name), the versions OSV's ranges say fix it. */
  fixed: Record<string, string[]>;
  at: number;
}

interface StoreFile {
  format: number;
  queries: Record<string, { ids: string[]; at: number }>;
  advisories: Record<string, StoredAdvisory>;
  /** Registry answers per nameKey(): whether the package exists, when it was first published. */
  packages: Record<string, { exists: boolean; createdAt?: string; at: number }>;
}

/** A registry's answer is kept a week when the package exists, a day when it did not (it may appear). */
const PACKAGE_FRESH_MS = 7 * 24 * 3_600_000;
const MISSING_PACKAGE_FRESH_MS = 24 * 3_600_000;

export interface AdvisoryLookup {
  /** Per packageKey(): the advisories affecting it (empty: none). */
  advisories: Map<string, Advisory[]>;
  /** Queries nothing answered (offline without a cached answer, or the service failed). */
  missing: OsvQuery[];
  /** Why some are missing, in one line. */
  problem?: string;
  /** Requests made to OSV. */
  requests: number;
  /** Synced exports that answered and are older than a week: their answers may miss new advisories. */
  staleExports?: { ecosystem: Ecosystem; days: number }[];
}

/** An export older than this is named when it answers (`lastline deps sync` updates it). */
const EXPORT_STALE_DAYS = 7;

export class AdvisoryStore {
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly data: StoreFile,
  ) {}

  static open(file: string | undefined = defaultStoreFile()): AdvisoryStore {
    return new AdvisoryStore(file, file ? readStore(file) : emptyStore());
  }

  ids(query: OsvQuery, acceptStale: boolean): string[] | undefined {
    const cached = this.data.queries[queryKey(query)] as { ids?: unknown; at?: unknown } | undefined;
    if (!cached || !Array.isArray(cached.ids) || !cached.ids.every((id) => typeof id === 'string') || typeof cached.at !== 'number') return undefined;
    return acceptStale || Date.now() - cached.at < QUERY_FRESH_MS ? (cached.ids as string[]) : undefined;
  }

  setIds(query: OsvQuery, ids: string[]): void {
    this.data.queries[queryKey(query)] = { ids, at: Date.now() };
    this.dirty = true;
  }

  advisory(id: string, acceptStale: boolean): StoredAdvisory | undefined {
    const cached = this.data.advisories[id] as Partial<StoredAdvisory> | undefined;
    if (
      !cached ||
      cached.id !== id ||
      !Array.isArray(cached.aliases) ||
      typeof cached.summary !== 'string' ||
      typeof cached.fixed !== 'object' ||
      cached.fixed === null ||
      typeof cached.at !== 'number'
    )
      return undefined;
    return acceptStale || Date.now() - cached.at < RECORD_FRESH_MS ? (cached as StoredAdvisory) : undefined;
  }

  setAdvisory(record: OsvRecord): StoredAdvisory {
    const stored = storedAdvisory(record);
    // An export's record holds one package's part of the advisory: the fixed versions the cache
    // already has for its other packages stay.
    const known = this.data.advisories[record.id] as StoredAdvisory | undefined;
    if (known && typeof known.fixed === 'object' && known.fixed !== null) stored.fixed = { ...known.fixed, ...stored.fixed };
    this.data.advisories[record.id] = stored;
    this.dirty = true;
    return stored;
  }

  /** After a sync: the ecosystem's cached answers came from the API or an older export. */
  forgetQueries(ecosystem: Ecosystem): void {
    for (const key of Object.keys(this.data.queries)) {
      if (key.startsWith(`${ecosystem}\0`)) {
        delete this.data.queries[key];
        this.dirty = true;
      }
    }
  }

  registryAnswer(key: string, acceptStale: boolean): RegistryAnswer | undefined {
    const cached = this.data.packages[key] as { exists?: unknown; createdAt?: unknown; at?: unknown } | undefined;
    if (
      !cached ||
      typeof cached.exists !== 'boolean' ||
      typeof cached.at !== 'number' ||
      (cached.createdAt !== undefined && typeof cached.createdAt !== 'string')
    )
      return undefined;
    const fresh = Date.now() - cached.at < (cached.exists ? PACKAGE_FRESH_MS : MISSING_PACKAGE_FRESH_MS);
    return acceptStale || fresh ? { exists: cached.exists, ...(typeof cached.createdAt === 'string' ? { createdAt: cached.createdAt } : {}) } : undefined;
  }

  setRegistryAnswer(key: string, answer: RegistryAnswer): void {
    this.data.packages[key] = { ...answer, at: Date.now() };
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      let text = JSON.stringify(this.data);
      if (text.length > MAX_STORE_BYTES) text = JSON.stringify(emptyStore()); // start over rather than grow without bound
      writeFileAtomic(this.file, text);
      this.dirty = false;
    } catch {
      // a cache that cannot be written is asked again next time
    }
  }
}

/** The advisories of each query's package version; see AdvisoryLookup. */
export async function lookUpAdvisories(
  queries: readonly OsvQuery[],
  store: AdvisoryStore,
  client: OsvClient | undefined,
  exports?: OsvExportIndex,
): Promise<AdvisoryLookup> {
  const offline = client === undefined;
  const unique = [...new Map(queries.map((query) => [queryKey(query), query])).values()];
  const ids = new Map<string, string[]>();
  const unanswered: OsvQuery[] = [];
  const exportsUsed = new Set<Ecosystem>();
  for (const query of unique) {
    const cached = store.ids(query, offline);
    const exported = cached ? undefined : exports?.answer(query);
    if (exported) {
      exportsUsed.add(query.ecosystem);
      for (const record of exported.records) store.setAdvisory(record);
      store.setIds(query, exported.ids);
    }
    const answer = cached ?? exported?.ids;
    if (answer) ids.set(queryKey(query), answer);
    else unanswered.push(query);
  }
  let problem: string | undefined;
  const requestsBefore = client?.requestCount ?? 0;
  if (client && unanswered.length > 0) {
    try {
      const answers = await client.affecting(unanswered);
      for (const [index, query] of unanswered.entries()) {
        store.setIds(query, answers[index]);
        ids.set(queryKey(query), answers[index]);
      }
    } catch (error) {
      problem = `OSV did not answer (${error instanceof Error ? error.message : String(error)})`;
    }
  } else if (!client && unanswered.length > 0)
    problem = exports?.synced.size ? 'offline, and neither the cache nor the synced OSV exports answer them' : 'offline, and the cache has no answer for them';

  const records = new Map<string, StoredAdvisory>();
  const toFetch = new Set<string>();
  for (const list of ids.values()) {
    for (const id of list) {
      const cached = store.advisory(id, offline);
      if (cached) records.set(id, cached);
      else toFetch.add(id);
    }
  }
  if (client && toFetch.size > 0) {
    await mapConcurrently(
      [...toFetch],
      async (id) => {
        try {
          records.set(id, store.setAdvisory(await client.record(id)));
        } catch (error) {
          problem ??= `OSV did not give advisory ${id} (${error instanceof Error ? error.message : String(error)})`;
        }
      },
      8,
    );
  } else if (!client && toFetch.size > 0) problem ??= 'offline, and the cache lacks some advisories';
  store.save();

  const advisories = new Map<string, Advisory[]>();
  const missing: OsvQuery[] = [];
  for (const query of unique) {
    const found = ids.get(queryKey(query));
    if (!found || found.some((id) => !records.has(id))) {
      missing.push(query);
      continue;
    }
    advisories.set(packageKey(query.ecosystem, query.name, query.version), oneRecordPerFlaw(found.map((id) => advisoryFor(records.get(id)!, query))));
  }
  const staleExports = [...exportsUsed]
    .map((ecosystem) => ({ ecosystem, days: Math.floor((Date.now() - Date.parse(exports!.synced.get(ecosystem)!.syncedAt)) / 86_400_000) }))
    .filter((entry) => entry.days >= EXPORT_STALE_DAYS);
  return {
    advisories,
    missing,
    ...(missing.length ? { problem: problem ?? 'no answer' } : {}),
    requests: (client?.requestCount ?? 0) - requestsBefore,
    ...(staleExports.length ? { staleExports } : {}),
  };
}

/**
 * The same flaw is often published twice (GitHub's GHSA and PyPA's PYSEC record, aliases of one
 * another): one advisory per flaw, the most informative record (a fixed version, a severity)
 * speaking for it, with every id among its aliases.
 */
function oneRecordPerFlaw(advisories: Advisory[]): Advisory[] {
  const groups: Advisory[][] = [];
  for (const advisory of advisories) {
    const names = new Set([advisory.id, ...advisory.aliases]);
    const group = groups.find((members) => members.some((member) => names.has(member.id) || member.aliases.some((alias) => names.has(alias))));
    if (group) group.push(advisory);
    else groups.push([advisory]);
  }
  return groups.map((group) => {
    const [best] = [...group].sort((a, b) => informativeness(b) - informativeness(a) || a.id.localeCompare(b.id));
    const aliases = new Set(group.flatMap((member) => [member.id, ...member.aliases]));
    aliases.delete(best.id);
    return { ...best, aliases: [...aliases].sort() };
  });
}

function informativeness(advisory: Advisory): number {
  return (advisory.firstFixed ? 2 : 0) + (advisory.severity ? 1 : 0);
}

function advisoryFor(stored: StoredAdvisory, query: OsvQuery): Advisory {
  const fixed = (stored.fixed[`${query.ecosystem}\0${comparableName(query.ecosystem, query.name)}`] ?? [])
    .filter(
      (version) =>
        isVersion(query.ecosystem, version) && isVersion(query.ecosystem, query.version) && compareVersions(query.ecosystem, version, query.version) > 0,
    )
    .sort((a, b) => compareVersions(query.ecosystem, a, b));
  return {
    id: stored.id,
    aliases: stored.aliases,
    summary: stored.summary,
    ...(stored.severity ? { severity: stored.severity } : {}),
    ...(fixed.length ? { firstFixed: fixed[0] } : {}),
  };
}

function storedAdvisory(record: OsvRecord): StoredAdvisory {
  const fixed: Record<string, string[]> = {};
  for (const affected of record.affected ?? []) {
    const ecosystem = affected.package?.ecosystem;
    const name = affected.package?.name;
    if ((ecosystem !== 'npm' && ecosystem !== 'PyPI') || !name) continue;
    const key = `${ecosystem}\0${comparableName(ecosystem as Ecosystem, name)}`;
    // Version ranges only: a GIT range's events are commits.
    for (const range of affected.ranges ?? []) {
      if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
      for (const event of range.events ?? []) if (typeof event.fixed === 'string') (fixed[key] ??= []).push(event.fixed);
    }
  }
  const severity = record.database_specific?.severity?.toLowerCase();
  return {
    id: record.id,
    aliases: (record.aliases ?? []).filter((alias) => typeof alias === 'string'),
    summary: record.summary ?? record.details?.split('\n')[0] ?? '',
    ...(severity ? { severity } : {}),
    fixed,
    at: Date.now(),
  };
}

function isRecord<T>(value: T | undefined): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function queryKey(query: OsvQuery): string {
  return packageKey(query.ecosystem, comparableName(query.ecosystem, query.name), query.version);
}

function defaultStoreFile(): string {
  return join(userCacheDirectory(), 'dependency-cache.json');
}

function emptyStore(): StoreFile {
  return { format: FORMAT, queries: {}, advisories: {}, packages: {} };
}

function readStore(file: string): StoreFile {
  const read = readTextFileSync(file, MAX_STORE_BYTES);
  if (read.kind !== 'text') return emptyStore();
  try {
    const parsed = JSON.parse(read.text) as Partial<StoreFile> | null;
    if (!parsed || parsed.format !== FORMAT || !isRecord(parsed.queries) || !isRecord(parsed.advisories)) return emptyStore();
    return { format: FORMAT, queries: parsed.queries, advisories: parsed.advisories, packages: isRecord(parsed.packages) ? parsed.packages : {} };
  } catch {
    return emptyStore(); // a damaged cache is asked again, never trusted
  }
}
