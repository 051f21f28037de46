// A scan of working-tree files as the CLI runs it: on worker threads when there is enough work to
// share out, else — and whenever a worker cannot start or fails — in this thread. Both paths give
// the same result, in walk order. The route index the open-route rule needs is built first, by the
// same workers, since a route is judged by its app, which may be in any other file.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { LastlineConfig } from '../core/config';
import type { Logger } from '../core/log';
import type { ProjectFacts } from '../core/rule';
import { ScanWorkerPool } from './parallel/pool';
import { loadProjectFacts } from './project-facts';
import type { ProjectData, WorkerSetup } from './parallel/protocol';
import { CachedAnalyses } from './cache/cached-analyses';
import { collect } from './collect';
import { cachedSummarizer } from './cache/cached-routes';
import { projectFactDigests } from './cache/fact-digests';
import { mapConcurrently } from './cache/map-concurrently';
import type { ScanCache } from './cache/scan-cache';
import { dependencyCheckOf, holdsDependencyFiles, scanDependencies, type NetworkOptions } from './dependencies/dependency-facts';
import type { DependencyFacts } from '../core/dependencies/model';
import { routeIndexOf, summarizeProject } from './route-index';
import type { RouteSummarizer } from './route-summaries';
import type { FileOutcome } from './file-source';
import { addOutcome, emptyScanResult, scanSources, treeFileSource, workingTreeFiles, type DependencyCheck, type ScanResult, type TreeFile } from './scan';
import { walkFiles, type WalkedFile } from './walk';

export interface TreeScanOptions {
  roots: readonly string[];
  projectRoot: string;
  config: LastlineConfig;
  log: Logger;
  /**
   * Threads to analyse on; 1 scans in this thread. Undefined: defaultJobs(), and only for a tree
   * of PARALLEL_MIN_FILES files or more.
   */
  jobs?: number;
  /** Look dependencies up (OSV, through the advisory cache); absent: no dependency check. */
  network?: NetworkOptions;
  /** The scan cache: results known for a file's content are reused, new ones kept (saved by the caller). */
  cache?: ScanCache;
  /** Starts the workers (tests give a pool that fails, to see the scan recover). */
  startWorkers?: (count: number, setup: WorkerSetup, log: Logger) => ScanWorkerPool;
}

/** Below this, starting workers (each loads the engine) costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
/**
 * Each worker warms up its own parsers (JIT, WASM), about a second of CPU on the bench corpus.
 * On 2 CPUs that ate the gain: two workers took the same wall time as one thread, at a third more
 * CPU. So threads are the default only from 4 CPUs on, one per CPU.
 */
const MIN_CPUS_FOR_THREADS = 4;
const MAX_DEFAULT_JOBS = 8;
/** Files per message: small enough to balance a large file, large enough that messages are cheap. */
const BATCH_FILES = 16;

export function defaultJobs(cpus = availableParallelism()): number {
  return cpus < MIN_CPUS_FOR_THREADS ? 1 : Math.min(cpus, MAX_DEFAULT_JOBS);
}

export async function scanWorkingTree(options: TreeScanOptions): Promise<ScanResult> {
  const { roots, projectRoot, config, log } = options;
  options.cache?.forgetFileStates(); // a scan looks at the files as they are now (--fix rescans)
  // One walk serves the scan and, when the scan covers the project (the common case), the index.
  const files = await collect(workingTreeFiles(roots, projectRoot, config));
  const coversProject = roots.length === 1 && resolve(roots[0]) === resolve(projectRoot);
  const projectFiles = async () => (coversProject ? files : walkProject(projectRoot, config));
  const workers = Math.min(options.jobs ?? defaultJobs(), Math.ceil(files.length / BATCH_FILES));
  if (workers > 1 && (options.jobs !== undefined || files.length >= PARALLEL_MIN_FILES)) {
    try {
      return await scanOnWorkers(files, projectFiles, workers, options);
    } catch (error) {
      log.warn(`scanning on ${workers} threads failed (${error instanceof Error ? error.message : String(error)}); scanning on one thread`);
    }
  }
  const project = await projectFacts(projectRoot, config, log, {
    projectFiles,
    dependencyFiles: async () => files,
    cache: options.cache,
    network: options.network,
  });
  const result = await scanSources(files.map(treeFileSource), { config, log, project: project.facts, cache: options.cache });
  return project.dependencies ? { ...result, dependencies: project.dependencies } : result;
}

export interface ProjectFactsOptions {
  /** The walk of the whole project when the caller already has it; by default it walks. */
  projectFiles?: () => Promise<readonly WalkedFile[]>;
  cache?: ScanCache;
  /** Look the dependencies up (OSV): absent, the dependency rule has nothing to read. */
  network?: NetworkOptions;
  /**
   * The files whose dependencies are looked up — the scanned ones: a route is judged by the whole
   * project, but a dependency only matters where its manifest is scanned.
   */
  dependencyFiles?: () => Promise<readonly WalkedFile[]>;
}

export interface ProjectFactsRead {
  facts: ProjectFacts;
  /** How the dependency lookup went, when there were dependency files. */
  dependencies?: DependencyCheck;
}

/** What rules need to know of the project beyond one file, read in this thread. */
export async function projectFacts(projectRoot: string, config: LastlineConfig, log: Logger, options: ProjectFactsOptions = {}): Promise<ProjectFactsRead> {
  const projectFiles = options.projectFiles ?? (() => walkProject(projectRoot, config));
  const facts: ProjectFacts = loadProjectFacts(projectRoot);
  if (routesWanted(config)) facts.routes = await routeIndexOf(await projectFiles(), config, { log, helpersOnlyWithRoutes: true, cache: options.cache });
  const dependencyFiles = options.dependencyFiles ?? projectFiles;
  const dependencies =
    options.network && dependenciesWanted(config) ? await dependencyFacts(await dependencyFiles(), projectRoot, config, options.network, log) : undefined;
  if (dependencies) facts.dependencies = dependencies.facts;
  return { facts, ...(dependencies ? { dependencies: dependencies.check } : {}) };
}

/** The dependency facts of these files, and how the lookup went; undefined without dependency files. */
async function dependencyFacts(
  files: readonly WalkedFile[],
  projectRoot: string,
  config: LastlineConfig,
  network: NetworkOptions,
  log: Logger,
): Promise<{ facts: DependencyFacts; check: DependencyCheck } | undefined> {
  if (!holdsDependencyFiles(files)) return undefined;
  const scan = await scanDependencies(files, projectRoot, config.maxFileSize, network);
  const check = dependencyCheckOf(scan, network.offline);
  log.debug(`dependencies: ${check.checked} package versions looked up (${scan.lookup.requests} requests to OSV), ${check.missing} look-ups without an answer`);
  return { facts: scan.facts, check };
}

async function scanOnWorkers(files: TreeFile[], projectFiles: () => Promise<WalkedFile[]>, workers: number, options: TreeScanOptions): Promise<ScanResult> {
  const { projectRoot, config, log } = options;
  const pool = (options.startWorkers ?? ((count, setup, log) => new ScanWorkerPool(count, setup, log)))(workers, { config }, log);
  try {
    let routes: ProjectData['routes'];
    if (routesWanted(config)) {
      const onWorkers: RouteSummarizer = {
        declarations: (batch) => pool.run('declarations', batch, BATCH_FILES),
        full: (batch) => pool.run('summarize', batch, BATCH_FILES),
      };
      routes = await summarizeProject(await projectFiles(), options.cache ? cachedSummarizer(onWorkers, options.cache, config.maxFileSize) : onWorkers, true);
    }
    const envVariables = new Map(loadProjectFacts(projectRoot).envVariables);
    const dependencies = options.network && dependenciesWanted(config) ? await dependencyFacts(files, projectRoot, config, options.network, log) : undefined;
    pool.setProject({ envVariables, routes, ...(dependencies ? { dependencies: dependencies.facts } : {}) });
    const digests = projectFactDigests({ envVariables, routeHashes: routes?.hashes, dependencies: dependencies?.facts });
    const outcomes = await analyzeOnWorkers(pool, files, options.cache && new CachedAnalyses(options.cache, config, digests));
    const result: ScanResult = { ...emptyScanResult(), ...(dependencies ? { dependencies: dependencies.check } : {}) };
    for (const [index, outcome] of outcomes.entries()) addOutcome(result, files[index], outcome, log);
    log.debug(`scanned ${files.length} files on ${workers} threads`);
    return result;
  } finally {
    await pool.close();
  }
}

/** The files' outcomes: from the cache where it knows them, from the workers for the others. */
async function analyzeOnWorkers(pool: ScanWorkerPool, files: readonly TreeFile[], recall: CachedAnalyses | undefined): Promise<FileOutcome[]> {
  if (!recall) return pool.run('analyze', files, BATCH_FILES);
  const sources = files.map(treeFileSource);
  const prepared = await mapConcurrently(sources, (source) => recall.prepare(source));
  const outcomes = new Array<FileOutcome>(files.length);
  const missing: number[] = [];
  for (const [index, ready] of prepared.entries()) {
    if ('outcome' in ready) outcomes[index] = ready.outcome;
    else missing.push(index);
  }
  const analysed = await pool.run(
    'analyze',
    missing.map((index) => files[index]),
    BATCH_FILES,
  );
  for (const [position, index] of missing.entries()) {
    outcomes[index] = analysed[position];
    recall.keep(sources[index], analysed[position]);
  }
  return outcomes;
}

/** Every file of the project (the route index's scope, whatever paths are scanned). */
function walkProject(projectRoot: string, config: LastlineConfig): Promise<WalkedFile[]> {
  return collect(walkFiles([projectRoot], { projectRoot, exclude: config.exclude }));
}

function routesWanted(config: LastlineConfig): boolean {
  return config.rules['open-route']?.level !== 'off';
}

function dependenciesWanted(config: LastlineConfig): boolean {
  return config.rules['vulnerable-dependency']?.level !== 'off';
}
