// The project's dependencies before the rules run: every manifest and lock file of the walk is
// read, each declared or locked package version is looked up (cache, then OSV unless offline),
// and the rules get the answers as a project fact. The network work happens here, once per scan,
// not in the rules (which are synchronous and per file).
import { posix } from 'node:path';
import { DEPENDENCY_FILES, dependencyFileKind, folderOf, type DependencyFileRead } from '../../core/dependencies/manifests';
import { nameKey, RECENT_DAYS, type DependencyFacts, type Ecosystem, type RegistryStatus } from '../../core/dependencies/model';
import { lockedVersions } from '../../core/dependencies/locked-versions';
import { resolvedVersion } from '../../core/dependencies/resolved-version';
import { readTextFile } from '../read-file';
import type { WalkedFile } from '../walk';
import { mapConcurrently } from '../cache/map-concurrently';
import { addWorkspaceRoots } from './governing-files';
import { AdvisoryStore, lookUpAdvisories, type AdvisoryLookup } from './advisories';
import { OsvClient, type OsvQuery } from './osv-client';
import type { JsonHttpOptions } from './json-http';
import { OsvExportIndex } from './osv-export-index';
import { RegistryClient, type RegistryAnswer } from './registry-client';

export interface NetworkOptions {
  /** Use only the local cache. */
  offline: boolean;
  /** OSV's address (a mirror, or a test server): `LASTLINE_OSV_URL`. */
  osvUrl?: string;
  /** The npm registry's and PyPI's addresses: `LASTLINE_NPM_REGISTRY_URL`, `LASTLINE_PYPI_URL`. */
  npmUrl?: string;
  pypiUrl?: string;
  /** The advisory cache file (default: in the user's cache folder). */
  storeFile?: string;
  /** Where `lastline deps sync` keeps OSV's exports (default: in the user's cache folder). */
  exportsRoot?: string;
  /** Where the proxy variables are read (the process's, with the editor's proxy settings applied). */
  env?: NodeJS.ProcessEnv;
}

export interface DependencyScan {
  facts: DependencyFacts;
  /** Per dependency file (project path), what its reader found. */
  files: Map<string, DependencyFileRead>;
  /** Their texts, for positions. */
  texts: Map<string, string>;
  lookup: AdvisoryLookup;
  /** Declared packages whose registry gave no answer (offline, or the registry failed), and why. */
  registryMissing: number;
  registryProblem?: string;
}

/** Dependency look-ups that had no answer (offline, service down), and why: what a scan reports. */
export interface DependencyCheck {
  checked: number;
  missing: number;
  problem?: string;
  offline: boolean;
  /** A line naming synced OSV exports that answered and are more than a week old. */
  staleExports?: string;
}

/** How a dependency scan's look-ups went (advisories and registries together). */
export function dependencyCheckOf(scan: Pick<DependencyScan, 'lookup' | 'registryMissing' | 'registryProblem'>, offline: boolean): DependencyCheck {
  const problem = scan.lookup.problem ?? scan.registryProblem;
  const stale = scan.lookup.staleExports?.map((entry) => `${entry.ecosystem} ${entry.days} days ago`).join(', ');
  return {
    checked: scan.lookup.advisories.size,
    missing: scan.lookup.missing.length + scan.registryMissing,
    ...(problem ? { problem } : {}),
    offline,
    ...(stale ? { staleExports: `advisories answered from OSV exports synced ${stale}: newer advisories are missing (lastline deps sync updates them)` } : {}),
  };
}

export function networkOptionsFromEnvironment(offline: boolean, env: NodeJS.ProcessEnv = process.env): NetworkOptions {
  return {
    offline: offline || env.LASTLINE_OFFLINE === '1',
    env,
    ...(env.LASTLINE_OSV_URL ? { osvUrl: env.LASTLINE_OSV_URL } : {}),
    ...(env.LASTLINE_NPM_REGISTRY_URL ? { npmUrl: env.LASTLINE_NPM_REGISTRY_URL } : {}),
    ...(env.LASTLINE_PYPI_URL ? { pypiUrl: env.LASTLINE_PYPI_URL } : {}),
  };
}

/** Whether the walk holds any dependency file (else nothing is read or asked). */
export function holdsDependencyFiles(files: readonly WalkedFile[]): boolean {
  return files.some((file) => dependencyFileKind(file.projectPath) !== undefined);
}

export async function scanDependencies(
  files: readonly WalkedFile[],
  projectRoot: string,
  maxFileSize: number,
  network: NetworkOptions,
): Promise<DependencyScan> {
  const reads = new Map<string, DependencyFileRead>();
  const texts = new Map<string, string>();
  await mapConcurrently(
    files.filter((file) => dependencyFileKind(file.projectPath)),
    async (file) => {
      const read = await readTextFile(file.absolutePath, maxFileSize);
      if (read.kind !== 'text') return;
      reads.set(file.projectPath, dependencyFileKind(file.projectPath)!.read(read.text));
      texts.set(file.projectPath, read.text);
    },
    16,
  );
  const included = await followIncludes(files, reads, texts, maxFileSize);
  // A workspace member scanned alone (`lastline scan packages/api`): the lock that resolves it is
  // at the workspace root, outside the walk.
  await addWorkspaceRoots(reads, projectRoot, [...new Set([...reads.keys()].map(folderOf))], maxFileSize);
  return { ...(await dependencyFactsOf(reads, network, included)), texts };
}

/**
 * The facts of dependency files already read (the scan's from disk, the gate's from the index):
 * lock maps, then advisories and registry answers (cache first; the network unless offline).
 */
export async function dependencyFactsOf(
  reads: Map<string, DependencyFileRead>,
  network: NetworkOptions,
  included = new Set<string>(),
  http: JsonHttpOptions = {},
): Promise<Omit<DependencyScan, 'texts'>> {
  const { locked, workspaceMembers } = lockedVersions(reads);
  const declared = new Map<string, Set<string>>();
  for (const [path, read] of reads)
    for (const dependency of read.declared) getOrAdd(declared, folderOf(path), () => new Set<string>()).add(nameKey(dependency.ecosystem, dependency.name));
  const local = localPackagesOf(reads);
  const queries: OsvQuery[] = [];
  for (const [path, read] of reads) {
    for (const dependency of read.declared) {
      if (local.has(nameKey(dependency.ecosystem, dependency.name))) continue; // a sibling in the workspace, not a registry package
      const version = resolvedVersion(locked, folderOf(path), dependency);
      if (version) queries.push({ ecosystem: dependency.ecosystem, name: dependency.name, version });
    }
    for (const lockedPackage of read.locked) queries.push({ ecosystem: lockedPackage.ecosystem, name: lockedPackage.name, version: lockedPackage.version });
  }
  const store = AdvisoryStore.open(network.storeFile);
  http = { ...http, env: http.env ?? network.env };
  const client = network.offline ? undefined : new OsvClient({ ...http, baseUrl: network.osvUrl });
  const lookup = await lookUpAdvisories(queries, store, client, OsvExportIndex.open(network.exportsRoot));
  const registries = network.offline ? undefined : new RegistryClient({ ...http, npmUrl: network.npmUrl, pypiUrl: network.pypiUrl });
  const packages = new Map<string, { ecosystem: Ecosystem; name: string }>();
  for (const read of reads.values()) for (const dependency of read.declared) packages.set(nameKey(dependency.ecosystem, dependency.name), dependency);
  for (const key of local) packages.delete(key);
  const registry = await lookUpRegistries([...packages], store, registries);
  for (const key of local) registry.statuses.set(key, { exists: true }); // in the workspace
  store.save();
  return {
    facts: {
      advisories: lookup.advisories,
      locked,
      ...(workspaceMembers.size ? { workspaceMembers } : {}),
      declared,
      registry: registry.statuses,
      includedRequirements: included,
    },
    files: reads,
    lookup,
    registryMissing: registry.missing,
    ...(registry.problem ? { registryProblem: registry.problem } : {}),
  };
}

/** Deeper `-r` chains than this are not followed (a loop is stopped by the visited set anyway). */
const MAX_INCLUDE_DEPTH = 8;

/**
 * pip's `-r other.txt` includes, followed from the requirement files read (relative to the including
 * file, inside the project): an included file that no name marks as a requirements file
 * (`base.txt`, `common/web.txt`) is read as one. Returns the project paths read this way.
 */
async function followIncludes(
  files: readonly WalkedFile[],
  reads: Map<string, DependencyFileRead>,
  texts: Map<string, string>,
  maxFileSize: number,
): Promise<Set<string>> {
  const byPath = new Map(files.map((file) => [file.projectPath, file]));
  const requirements = DEPENDENCY_FILES.find((kind) => kind.id === 'requirements')!;
  const included = new Set<string>();
  let frontier = [...reads.keys()];
  for (let depth = 0; depth < MAX_INCLUDE_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const include of reads.get(path)?.includes ?? []) {
        const target = posix.normalize(posix.join(folderOf(path), include));
        const file = byPath.get(target);
        if (!file || reads.has(target)) continue; // outside the walk (or the project), or read already
        const read = await readTextFile(file.absolutePath, maxFileSize);
        if (read.kind !== 'text') continue;
        reads.set(target, requirements.read(read.text));
        texts.set(target, read.text);
        included.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return included;
}

/** Each declared package's registry status: cached answers, then the registries (unless offline). */
async function lookUpRegistries(
  packages: [string, { ecosystem: Ecosystem; name: string }][],
  store: AdvisoryStore,
  client: RegistryClient | undefined,
): Promise<{ statuses: Map<string, RegistryStatus>; missing: number; problem?: string }> {
  const statuses = new Map<string, RegistryStatus>();
  let missing = 0;
  let problem: string | undefined;
  await mapConcurrently(
    packages,
    async ([key, { ecosystem, name }]) => {
      let answer = store.registryAnswer(key, client === undefined);
      if (!answer && client) {
        try {
          answer = await client.lookUp(ecosystem, name);
          store.setRegistryAnswer(key, answer);
        } catch (error) {
          problem ??= error instanceof Error ? error.message : String(error);
        }
      }
      if (answer) statuses.set(key, registryStatus(answer));
      else missing++;
    },
    8,
  );
  return { statuses, missing, ...(problem ? { problem } : !client && missing ? { problem: 'offline, and the cache has no answer for them' } : {}) };
}

function registryStatus(answer: RegistryAnswer): RegistryStatus {
  if (!answer.exists) return { exists: false };
  const created = answer.createdAt ? Date.parse(answer.createdAt) : NaN;
  if (!Number.isFinite(created)) return { exists: true };
  const ageDays = Math.max(0, Math.floor((Date.now() - created) / 86_400_000));
  return { exists: true, ageDays, recent: ageDays < RECENT_DAYS, young: ageDays < 2 * 365 };
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** The npm packages some lock links to a folder of its workspace (their nameKeys). */
function localPackagesOf(reads: ReadonlyMap<string, DependencyFileRead>): Set<string> {
  const local = new Set<string>();
  for (const read of reads.values()) for (const name of read.localPackages ?? []) local.add(nameKey('npm', name));
  return local;
}
