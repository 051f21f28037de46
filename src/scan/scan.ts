// Whole-tree and file-list scans over the engine: what the CLI, the hooks and the extension's
// "Scan Workspace" command share. Files are read one at a time (analysis is CPU-bound anyway),
// so a large tree never sits in memory at once.
import { NEVER_CANCELLED, type Cancellation, CancelledError } from '../core/cancellation';
import type { LastlineConfig } from '../core/config';
import { analyze, type AnalysisResult } from '../core/engine';
import { SILENT_LOGGER, type Logger } from '../core/log';
import { NO_PROJECT_FACTS, type ProjectFacts } from '../core/rule';
import { CachedAnalyses, type Prepared } from './cache/cached-analyses';
import { digestsOfFacts } from './cache/fact-digests';
import { contentHashOf, type ScanCache } from './cache/scan-cache';
import type { FileOutcome, FileSource } from './file-source';
import { HeldLog } from '../core/held-log';
import type { DependencyCheck } from './dependencies/dependency-facts';
import { ranOutOfStack, withDeepStackRetry } from './deep-stack';
import { readTextFile, type ReadOutcome } from './read-file';
import { isPathGitignored, walkFiles } from './walk';
import { resolve } from 'node:path';

export interface FileReport extends AnalysisResult {
  absolutePath: string;
  projectPath: string;
  /** The analysed text, kept only for files with findings (fixes and SARIF regions need it). */
  text?: string;
}

export interface SkippedFile {
  absolutePath: string;
  projectPath: string;
  reason: string;
  detail: string;
}

export type { DependencyCheck } from './dependencies/dependency-facts';

export interface ScanResult {
  reports: FileReport[];
  skipped: SkippedFile[];
  filesAnalysed: number;
  bytesAnalysed: number;
  /** How the dependency check went, when the project has dependency files. */
  dependencies?: DependencyCheck;
}

export interface ScanOptions {
  config: LastlineConfig;
  project?: ProjectFacts;
  log?: Logger;
  cancellation?: Cancellation;
  onProgress?: (filesAnalysed: number, currentPath: string) => void;
  /** Results already known for a file's content are reused, and new ones kept. */
  cache?: ScanCache;
}

export async function scanSources(sources: AsyncIterable<FileSource> | Iterable<FileSource>, options: ScanOptions): Promise<ScanResult> {
  const cancellation = options.cancellation ?? NEVER_CANCELLED;
  const log = options.log ?? SILENT_LOGGER;
  const result = emptyScanResult();
  const recall = options.cache ? new CachedAnalyses(options.cache, options.config, digestsOfFacts(options.project ?? NO_PROJECT_FACTS)) : undefined;
  const prepare = (source: FileSource) => (recall ? recall.prepare(source) : source.read(options.config.maxFileSize));
  for await (const { source, prepared } of readAhead(sources, prepare)) {
    if (cancellation.isCancellationRequested) throw new CancelledError();
    const ready = await prepared;
    const outcome = 'outcome' in ready ? ready.outcome : await analyzeRead(source, ready, { ...options, log, cancellation });
    if (!('outcome' in ready)) recall?.keep(source, outcome);
    addOutcome(result, source, outcome, log);
    if (outcome.kind === 'analysed') options.onProgress?.(result.filesAnalysed, source.projectPath);
  }
  return result;
}

/** Analyses one file's text as read (the in-process scan and the scan workers share this). */
export async function analyzeRead(source: Pick<FileSource, 'projectPath' | 'ignoredByGit'>, read: ReadOutcome, options: ScanOptions): Promise<FileOutcome> {
  if (read.kind === 'skipped') return read;
  const input = { path: source.projectPath, text: read.text, ignoredByGit: source.ignoredByGit };
  const log = options.log ?? SILENT_LOGGER;
  // What the analysis logs waits for its outcome: a stack overflow that a deeper stack then reads
  // is no error to show.
  const held = new HeldLog(log);
  const analysis = await analyze(input, { config: options.config, log: held, cancellation: options.cancellation, project: options.project });
  const final = await withDeepStackRetry(analysis, input, { config: options.config, project: options.project, log });
  held.release(final === analysis || ranOutOfStack(final));
  return analysedOutcome(read, final);
}

/** An analysed file's outcome: its text is kept only when it reports something. */
export function analysedOutcome(read: { text: string; size: number }, analysis: AnalysisResult): FileOutcome {
  const reports = analysis.findings.length > 0 || analysis.ruleErrors.length > 0;
  return { kind: 'analysed', size: read.size, analysis, text: reports ? read.text : undefined, hash: contentHashOf(read.text) };
}

export function emptyScanResult(): ScanResult {
  return { reports: [], skipped: [], filesAnalysed: 0, bytesAnalysed: 0 };
}

/** Adds one file's outcome to a scan result, in the order files are added. */
export function addOutcome(result: ScanResult, source: Pick<FileSource, 'absolutePath' | 'projectPath'>, outcome: FileOutcome, log: Logger): void {
  const { absolutePath, projectPath } = source;
  if (outcome.kind === 'skipped') {
    result.skipped.push({ absolutePath, projectPath, reason: outcome.reason, detail: outcome.detail });
    return;
  }
  result.filesAnalysed++;
  result.bytesAnalysed += outcome.size;
  const { analysis } = outcome;
  if (analysis.parseProblem) log.debug(`${projectPath}: ${analysis.parseProblem.message}; analysed what could be read`);
  if (analysis.findings.length > 0 || analysis.ruleErrors.length > 0) result.reports.push({ ...analysis, absolutePath, projectPath, text: outcome.text });
}

/**
 * Reading is I/O-bound and analysis CPU-bound: keep a window of reads in flight so the analysis
 * never waits for the disk (one-at-a-time reads left the CPU idle most of a whole-tree scan).
 */
const READ_AHEAD = 32;

type PendingRead = { source: FileSource; prepared: Promise<Prepared> };

async function* readAhead(
  sources: AsyncIterable<FileSource> | Iterable<FileSource>,
  prepare: (source: FileSource) => Promise<Prepared>,
): AsyncGenerator<PendingRead> {
  const window: PendingRead[] = [];
  for await (const source of sources) {
    const prepared = prepare(source);
    prepared.catch(() => undefined); // rejections surface when the entry is awaited, not as unhandled
    window.push({ source, prepared });
    if (window.length >= READ_AHEAD) yield window.shift()!;
  }
  while (window.length) yield window.shift()!;
}

/** The working-tree files under `roots`, as FileSources. */
export async function* workingTreeSources(roots: readonly string[], projectRoot: string, config: LastlineConfig): AsyncGenerator<FileSource> {
  for await (const file of workingTreeFiles(roots, projectRoot, config)) yield treeFileSource(file);
}

/** A walked file as a FileSource: read from disk when its turn comes. */
export function treeFileSource(file: TreeFile): FileSource {
  return { ...file, onDisk: true, read: (maxFileSize) => readTextFile(file.absolutePath, maxFileSize) };
}

export interface TreeFile {
  absolutePath: string;
  projectPath: string;
  ignoredByGit: boolean;
}

/** The working-tree files under `roots`, walk order, not yet read. */
export async function* workingTreeFiles(roots: readonly string[], projectRoot: string, config: LastlineConfig): AsyncGenerator<TreeFile> {
  for await (const file of walkFiles(roots, { projectRoot, exclude: config.exclude })) {
    // Only a file named on the command line can be git-ignored here: the walker skips the rest.
    const named = roots.some((root) => resolve(root) === file.absolutePath);
    yield { ...file, ignoredByGit: named && isPathGitignored(projectRoot, file.absolutePath) };
  }
}
