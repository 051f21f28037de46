// Builds the project's route index: every JS/TS/Python file under the project root (honouring
// .gitignore and the config's excludes) whose text may hold routes, apps, auth settings or auth
// helpers is summarised. Routes are judged by their app, which may live in another file than the
// one being scanned — so the index always covers the whole project, whatever paths are scanned.
import { NEVER_CANCELLED, CancelledError, type Cancellation } from '../core/cancellation';
import type { LastlineConfig } from '../core/config';
import { JS_LANGUAGES, languageFromFileName } from '../core/languages/language';
import { SILENT_LOGGER, type Logger } from '../core/log';
import type { FileRoutes } from '../core/routes/model';
import type { DeclarationSummary, FileRouteSummary, RouteSummarizer } from './route-summaries';
import { manifestKind } from '../core/routes/apps/manifests';
import { mayDeclareRoutes, mayHoldAuthHelpers, summarizeRoutes } from '../core/routes/read-file-routes';
import type { RouteSourceFile } from '../core/routes/reader';
import { RouteIndex, routeTextHash } from '../core/routes/route-index';
import { LineIndex } from '../core/text';
import { cachedSummarizer } from './cache/cached-routes';
import type { ScanCache } from './cache/scan-cache';
import { readTextFile } from './read-file';
import { walkFiles, type WalkedFile } from './walk';

export interface RouteIndexOptions {
  log?: Logger;
  cancellation?: Cancellation;
  /**
   * Read files that hold only auth helpers (a 401/403, a permission class) only when the project
   * turns out to have routes: a one-off scan of a library or a tool then parses none of them. An
   * index kept current file by file (the editor) must read them all, since routes may come later.
   */
  helpersOnlyWithRoutes?: boolean;
  /** Summaries already known for a file's content are taken from here, and new ones kept. */
  cache?: ScanCache;
}

export async function buildRouteIndex(projectRoot: string, config: LastlineConfig, options: RouteIndexOptions = {}): Promise<RouteIndex> {
  const files: WalkedFile[] = [];
  for await (const file of walkFiles([projectRoot], { projectRoot, exclude: config.exclude })) files.push(file);
  return routeIndexOf(files, config, options);
}

/** The index of these files (a walk of the whole project), read in this thread. */
export async function routeIndexOf(files: readonly WalkedFile[], config: LastlineConfig, options: RouteIndexOptions = {}): Promise<RouteIndex> {
  const log = options.log ?? SILENT_LOGGER;
  const cancellation = options.cancellation ?? NEVER_CANCELLED;
  const inThisThread =
    <T>(summarize: (file: WalkedFile) => Promise<T>) =>
    async (batch: readonly WalkedFile[]) => {
      const results: T[] = [];
      for (const file of batch) {
        if (cancellation.isCancellationRequested) throw new CancelledError();
        results.push(await summarize(file));
      }
      return results;
    };
  const inThread: RouteSummarizer = {
    declarations: inThisThread((file) => summarizeDeclarations(file.absolutePath, file.projectPath, config.maxFileSize, log)),
    full: inThisThread((file) => summarizeFile(file.absolutePath, file.projectPath, config.maxFileSize, log)),
  };
  const summarizer = options.cache ? cachedSummarizer(inThread, options.cache, config.maxFileSize) : inThread;
  const { routes, hashes } = await summarizeProject(files, summarizer, options.helpersOnlyWithRoutes ?? false);
  return new RouteIndex(routes, hashes);
}

/** The index's maps for these files; see RouteIndexOptions.helpersOnlyWithRoutes. */
export async function summarizeProject(files: readonly WalkedFile[], summarizer: RouteSummarizer, helpersOnlyWithRoutes: boolean): Promise<RouteIndexMaps> {
  if (!helpersOnlyWithRoutes) return routeIndexMaps((await summarizer.full(files)).map((summary, index) => [files[index].projectPath, summary]));
  const declarations = await summarizer.declarations(files);
  const helperFiles = files.filter((_, index) => declarations[index] === 'helpers-only');
  const declared = declarations.map((summary, index) => [files[index].projectPath, summary === 'helpers-only' ? undefined : summary] as const);
  const anyRoute = declared.some(([, summary]) => summary && summary.routes.routes.length > 0);
  const helpers = anyRoute && helperFiles.length ? await summarizer.full(helperFiles) : [];
  return routeIndexMaps([...declared, ...helpers.map((summary, index) => [helperFiles[index].projectPath, summary] as const)]);
}

export interface RouteIndexMaps {
  routes: Map<string, FileRoutes>;
  hashes: Map<string, string>;
}

/** What a RouteIndex is made of, from each walked file's summary (undefined: nothing of routes). */
export function routeIndexMaps(summaries: Iterable<readonly [string, FileRouteSummary | undefined]>): RouteIndexMaps {
  const routes = new Map<string, FileRoutes>();
  const hashes = new Map<string, string>();
  for (const [projectPath, summary] of summaries) {
    if (!summary) continue;
    routes.set(projectPath, summary.routes);
    hashes.set(projectPath, summary.hash);
  }
  return { routes, hashes };
}

/** A file's route summary, or undefined when it is not source, unreadable, or holds nothing of routes. */
export async function summarizeFile(
  absolutePath: string,
  projectPath: string,
  maxFileSize: number,
  log: Logger = SILENT_LOGGER,
): Promise<FileRouteSummary | undefined> {
  const file = await readRouteSource(absolutePath, projectPath, maxFileSize);
  return file && summarizeSource(file, log);
}

/** Like summarizeFile, but a file that may only hold auth helpers is not parsed: 'helpers-only'. */
export async function summarizeDeclarations(
  absolutePath: string,
  projectPath: string,
  maxFileSize: number,
  log: Logger = SILENT_LOGGER,
): Promise<DeclarationSummary> {
  const file = await readRouteSource(absolutePath, projectPath, maxFileSize);
  if (!file) return undefined;
  // Not mayHoldRoutes: the framework readers' gates just said no, and they are most of its cost.
  if (!mayDeclareRoutes(file)) return mayHoldAuthHelpers(file) ? 'helpers-only' : undefined;
  return summarizeSource(file, log);
}

async function readRouteSource(absolutePath: string, projectPath: string, maxFileSize: number): Promise<RouteSourceFile | undefined> {
  const language = languageFromFileName(projectPath);
  // Manifests (package.json, pyproject.toml…) only say where an app starts; their text is not read.
  if (!JS_LANGUAGES.has(language) && language !== 'python' && !manifestKind(projectPath)) return undefined;
  const read = await readTextFile(absolutePath, maxFileSize);
  if (read.kind !== 'text') return undefined;
  return { path: projectPath, text: read.text, lines: new LineIndex(read.text), language };
}

async function summarizeSource(file: RouteSourceFile, log: Logger): Promise<FileRouteSummary | undefined> {
  try {
    const routes = await summarizeRoutes(file);
    return holdsAnything(routes) ? { routes, hash: routeTextHash(file.text) } : undefined;
  } catch (error) {
    log.warn(`routes of ${file.path} not read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function holdsAnything(summary: FileRoutes): boolean {
  const lists =
    summary.routes.length +
    summary.containers.length +
    summary.mounts.length +
    summary.handlers.length +
    summary.projectGuards.length +
    summary.authDefinitions.length;
  return lists + (summary.nestModules?.length ?? 0) + (summary.nestBootstraps?.length ?? 0) > 0 || !!summary.manifest || !!summary.djangoSettings;
}
