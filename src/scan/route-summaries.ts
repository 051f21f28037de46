// The route index's per-file summaries as they travel: from a summariser (this thread, a scan
// worker, the scan cache) to the index.
import type { FileRoutes } from '../core/routes/model';
import type { WalkedFile } from './walk';

/** What reads route summaries for the index: in this thread, or on scan workers. */
export interface RouteSummarizer {
  /** Summaries of files that may declare routes; 'helpers-only' for files that only may hold auth helpers. */
  declarations(files: readonly WalkedFile[]): Promise<DeclarationSummary[]>;
  /** Full summaries (routes and auth helpers). */
  full(files: readonly WalkedFile[]): Promise<(FileRouteSummary | undefined)[]>;
}

export type DeclarationSummary = FileRouteSummary | 'helpers-only' | undefined;

export interface FileRouteSummary {
  routes: FileRoutes;
  /** Hash of the text summarised (see routeTextHash). */
  hash: string;
}
