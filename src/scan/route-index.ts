// Builds the project's route index: every JS/TS/Python file under the project root (honouring
// .gitignore and the config's excludes) whose text may hold routes, apps, auth settings or auth
// helpers is summarised. Routes are judged by their app, which may live in another file than the
// one being scanned — so the index always covers the whole project, whatever paths are scanned.
import { NEVER_CANCELLED, CancelledError, type Cancellation } from '../core/cancellation';
import type { LastlineConfig } from '../core/config';
import { JS_LANGUAGES, languageFromFileName } from '../core/languages/language';
import { SILENT_LOGGER, type Logger } from '../core/log';
import type { FileRoutes } from '../core/routes/model';
import { summarizeRoutes } from '../core/routes/read-file-routes';
import { RouteIndex, routeTextHash } from '../core/routes/route-index';
import { LineIndex } from '../core/text';
import { readTextFile } from './read-file';
import { walkFiles } from './walk';

export interface RouteIndexOptions {
  log?: Logger;
  cancellation?: Cancellation;
}

export async function buildRouteIndex(projectRoot: string, config: LastlineConfig, options: RouteIndexOptions = {}): Promise<RouteIndex> {
  const log = options.log ?? SILENT_LOGGER;
  const cancellation = options.cancellation ?? NEVER_CANCELLED;
  const summaries: [string, FileRouteSummary | undefined][] = [];
  for await (const file of walkFiles([projectRoot], { projectRoot, exclude: config.exclude })) {
    if (cancellation.isCancellationRequested) throw new CancelledError();
    summaries.push([file.projectPath, await summarizeFile(file.absolutePath, file.projectPath, config.maxFileSize, log)]);
  }
  const { routes, hashes } = routeIndexMaps(summaries);
  return new RouteIndex(routes, hashes);
}

export interface FileRouteSummary {
  routes: FileRoutes;
  /** Hash of the text summarised (see routeTextHash). */
  hash: string;
}

/** What a RouteIndex is made of, from each walked file's summary (undefined: nothing of routes). */
export function routeIndexMaps(summaries: Iterable<readonly [string, FileRouteSummary | undefined]>): { routes: Map<string, FileRoutes>; hashes: Map<string, string> } {
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
export async function summarizeFile(absolutePath: string, projectPath: string, maxFileSize: number, log: Logger = SILENT_LOGGER): Promise<FileRouteSummary | undefined> {
  const language = languageFromFileName(projectPath);
  if (!JS_LANGUAGES.has(language) && language !== 'python') return undefined;
  const read = await readTextFile(absolutePath, maxFileSize);
  if (read.kind !== 'text') return undefined;
  try {
    const routes = await summarizeRoutes({ path: projectPath, text: read.text, lines: new LineIndex(read.text), language });
    return holdsAnything(routes) ? { routes, hash: routeTextHash(read.text) } : undefined;
  } catch (error) {
    log.warn(`routes of ${projectPath} not read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function holdsAnything(summary: FileRoutes): boolean {
  return summary.routes.length + summary.containers.length + summary.mounts.length + summary.handlers.length + summary.projectGuards.length + summary.authDefinitions.length > 0;
}
