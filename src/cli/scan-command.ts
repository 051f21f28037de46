// `lastline scan`: resolve the project and config, pick the source (working tree or index), scan,
// optionally fix, format, and map the outcome to an exit code.
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { allRules } from '../core/rules';
import { severityRank, type Severity } from '../core/types';
import { GitError, repositoryRoot } from '../git/run-git';
import { STARTED_FROM_SNAPSHOT_VARIABLE } from '../launch/snapshot-check';
import { stagedSources } from '../git/staged';
import { markAiWrittenReports } from '../provenance/mark-findings';
import { applySafeFixes } from '../scan/apply-fixes';
import { ScanCache } from '../scan/cache/scan-cache';
import { collect } from '../scan/collect';
import { networkOptionsFromEnvironment } from '../scan/dependencies/dependency-facts';
import { changedDependencies, checksDependencies, dependencyTextsOf } from '../scan/dependencies/changed-dependencies';
import { scanSources, type ScanResult } from '../scan/scan';
import { projectFacts, scanWorkingTree } from '../scan/working-tree-scan';
import { uncheckedDependenciesNotice } from '../scan/dependencies/unchecked-notice';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { inert } from '../core/inert';
import { displayPath } from './positions';
import { existingRoots, openProject } from './project';
import type { Terminal } from './terminal';
import { UsageError } from './terminal';

export interface ScanArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  output?: string;
  staged: boolean;
  fix: boolean;
  failOn: Severity;
  verbose: boolean;
  /** Run only the rules of these categories (empty: all). */
  categories: string[];
  /** Threads to scan on (undefined: one per CPU for large trees). */
  jobs?: number;
  /** Use and update the result cache (`--no-cache`: false). */
  cache?: boolean;
  /** Dependencies are checked against the local advisory cache only (`--offline`). */
  offline?: boolean;
}

export async function runScan(args: ScanArgs, terminal: Terminal): Promise<number> {
  const cwd = terminal.cwd;
  const roots = existingRoots(args.paths, cwd);
  if (args.staged && args.fix) throw new UsageError('--fix cannot be combined with --staged: fixes edit the working tree, not the index');
  // Before anything runs: a report that cannot be written must not cost a scan, or follow --fix's edits.
  if (args.output) checkOutputPath(resolve(cwd, args.output), cwd);
  const stagedRepository = args.staged ? stagedRepositoryRoot(roots[0]) : undefined;
  // With GIT_DIR and GIT_WORK_TREE set, git may name a work tree that the current folder is not in:
  // the project (its .lastline.json, its route index) is found from the work tree then.
  const outsideWorkTree = stagedRepository !== undefined && relative(stagedRepository, roots[0]).startsWith('..');
  const { projectRoot, loaded, log } = openProject(outsideWorkTree ? [stagedRepository] : roots, terminal, args.verbose);
  if (process.env[STARTED_FROM_SNAPSHOT_VARIABLE]) log.debug("started from this machine's startup snapshot (TypeScript's parsers preloaded)");

  if (args.categories.length) {
    for (const rule of allRules) {
      if (!args.categories.includes(rule.meta.category)) loaded.config.rules[rule.meta.id] = { level: 'off', options: {} };
    }
  }
  const { config } = loaded;
  const cache = args.cache === false ? undefined : ScanCache.open(projectRoot, log);
  const network = networkOptionsFromEnvironment(args.offline ?? false);
  const scanTree = () => scanWorkingTree({ roots, projectRoot, config, log, jobs: args.jobs, cache, network });
  let result: ScanResult;
  if (stagedRepository !== undefined) {
    const repoRoot = stagedRepository;
    const scopes = args.paths.length && !outsideWorkTree ? roots : [];
    // A commit's staged files are few: they are analysed in this thread.
    const project = await projectFacts(projectRoot, config, log, { cache });
    const sources = await collect(stagedSources(repoRoot, projectRoot, scopes));
    // The dependencies as the commit will hold them (the index's manifests).
    const dependencies = checksDependencies(config)
      ? await changedDependencies(await dependencyTextsOf(sources, config.maxFileSize), projectRoot, config.maxFileSize, network)
      : undefined;
    if (dependencies) project.facts.dependencies = dependencies.facts;
    result = await scanSources(sources, { config, log, project: project.facts, cache });
    if (dependencies) result.dependencies = dependencies.check;
  } else {
    result = await scanTree();
  }

  if (args.fix) {
    const outcome = applySafeFixes(result.reports, projectRoot);
    for (const { path, reason } of outcome.notFixed) terminal.error(inert(`not fixed ${path}: ${reason}`));
    if (outcome.fixesApplied > 0) {
      terminal.error(`fixed ${outcome.fixesApplied} finding${outcome.fixesApplied === 1 ? '' : 's'} in ${outcome.filesChanged.join(', ')}`);
      result = await scanTree(); // report what remains (fixes may have added guards: the route index is rebuilt too)
    }
  }
  if (cache) {
    cache.save();
    const { analysesReused, analysesKept, summariesReused } = cache.stats;
    log.debug(`result cache: ${analysesReused} analyses and ${summariesReused} route summaries reused, ${analysesKept} analyses kept`);
  }

  markAiWrittenReports(result.reports, roots[0]);
  reportSkipped(result, terminal, args.verbose);
  const report =
    args.format === 'json'
      ? formatJson(result, cwd)
      : args.format === 'sarif'
        ? formatSarif(result, cwd, allRules)
        : formatText(result, cwd, !args.output && terminal.color);
  if (args.output) writeFileSync(resolve(cwd, args.output), report + '\n');
  else terminal.out(report);

  const dependencyCheck = result.dependencies;
  if (dependencyCheck?.missing) terminal.error(uncheckedDependenciesNotice(dependencyCheck.missing, dependencyCheck.problem, dependencyCheck.offline));
  if (dependencyCheck?.staleExports) terminal.error(dependencyCheck.staleExports);
  const ruleErrors = result.reports.flatMap((file) => file.ruleErrors);
  // A file named on the command line that could not be looked at is not "clean".
  const unread = result.skipped.filter((file) => file.reason !== 'binary' && roots.includes(file.absolutePath));
  // Asked to look and could not: not "clean". Offline was the person's choice, said above.
  const dependenciesUnchecked = !!dependencyCheck?.missing && !dependencyCheck.offline;
  if (ruleErrors.length > 0 || loaded.problems.length > 0 || unread.length > 0 || dependenciesUnchecked) return 2;
  const threshold = severityRank(args.failOn);
  return result.reports.some((file) => file.findings.some((finding) => severityRank(finding.severity) >= threshold)) ? 1 : 0;
}

function checkOutputPath(path: string, cwd: string): void {
  const shown = displayPath(path, cwd);
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // not there yet: it will be created
  }
  if (isFolder) throw new UsageError(`--output ${shown} is a folder; name a file`);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--output ${shown}: the folder ${displayPath(folder, cwd)} does not exist`);
  try {
    accessSync(existsSync(path) ? path : folder, constants.W_OK);
  } catch {
    throw new UsageError(`--output ${shown}: cannot be written (permission denied)`);
  }
}

/** Too-large and unreadable files are named (they are surprising); binary files are counted. */
function reportSkipped(result: ScanResult, terminal: Terminal, verbose: boolean): void {
  let binaries = 0;
  for (const skipped of result.skipped) {
    if (skipped.reason === 'binary' && !verbose) binaries++;
    else terminal.error(`skipped ${inert(displayPath(skipped.absolutePath, terminal.cwd))}: ${inert(skipped.detail)}`);
  }
  if (binaries) terminal.error(`skipped ${binaries} binary file${binaries === 1 ? '' : 's'} (--verbose lists them)`);
}

/** The work tree whose index `--staged` reads (git's answer, so GIT_DIR and GIT_WORK_TREE count). */
function stagedRepositoryRoot(start: string): string {
  try {
    return repositoryRoot(start);
  } catch (error) {
    throw new UsageError(`--staged needs a git repository: ${error instanceof GitError ? error.stderr || error.message : String(error)}`);
  }
}
