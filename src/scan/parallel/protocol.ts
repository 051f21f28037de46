// The messages between a parallel scan and its worker threads. Everything that crosses is plain
// data (structured clone: Maps included, no class instances), so a worker rebuilds what it needs.
import type { LastlineConfig } from '../../core/config';
import type { Logger } from '../../core/log';
import type { ProjectData } from '../project-data';
import type { DeclarationSummary, FileRouteSummary } from '../route-summaries';
import type { FileOutcome } from '../file-source';
import type { TreeFile } from '../scan';
import type { WalkedFile } from '../walk';

/** Given to each worker at start. */
export interface WorkerSetup {
  config: LastlineConfig;
}

/** A file to read in a worker: walked, and for a file named on the command line, whether git ignores it. */
export type WorkerFile = WalkedFile & Partial<Pick<TreeFile, 'ignoredByGit'>>;

export type RouteSummary = FileRouteSummary | undefined;

export type { ProjectData } from '../project-data';

/** Route summaries (full, or declarations only: see RouteIndexOptions.helpersOnlyWithRoutes), or analysis. */
export type JobKind = 'summarize' | 'declarations' | 'analyze';

export type ToWorker = { type: 'project'; project: ProjectData } | { type: 'job'; kind: JobKind; batch: number; files: WorkerFile[] };

export type FromWorker =
  | { type: 'done'; batch: number; results: RouteSummary[] | DeclarationSummary[] | FileOutcome[] }
  | { type: 'log'; level: keyof Logger; message: string }
  | { type: 'failed'; message: string };
