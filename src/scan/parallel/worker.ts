// The worker side of a parallel scan: reads and analyses (or summarises the routes of) the files
// it is handed, one batch at a time, with the same code as the in-process scan.
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../../core/log';
import { NO_PROJECT_FACTS, type ProjectFacts } from '../../core/rule';
import { projectFactsOf } from '../project-data';
import { readTextFile } from '../read-file';
import { summarizeDeclarations, summarizeFile } from '../route-index';
import type { FileOutcome } from '../file-source';
import { analyzeRead } from '../scan';
import type { DeclarationSummary } from '../route-summaries';
import type { FromWorker, JobKind, RouteSummary, ToWorker, WorkerFile, WorkerSetup } from './protocol';

export function runScanWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runScanWorker runs in a worker thread');
  const { config } = workerData as WorkerSetup;
  const send = (message: FromWorker) => port.postMessage(message);
  const log: Logger = {
    debug: (message) => send({ type: 'log', level: 'debug', message }),
    info: (message) => send({ type: 'log', level: 'info', message }),
    warn: (message) => send({ type: 'log', level: 'warn', message }),
    error: (message) => send({ type: 'log', level: 'error', message }),
  };
  let project: ProjectFacts = NO_PROJECT_FACTS;

  const each =
    <T>(step: (file: WorkerFile) => Promise<T>) =>
    async (files: WorkerFile[]): Promise<T[]> => {
      const results: T[] = [];
      for (const file of files) results.push(await step(file));
      return results;
    };
  const jobs: Record<JobKind, (files: WorkerFile[]) => Promise<RouteSummary[] | DeclarationSummary[] | FileOutcome[]>> = {
    summarize: each((file) => summarizeFile(file.absolutePath, file.projectPath, config.maxFileSize, log)),
    declarations: each((file) => summarizeDeclarations(file.absolutePath, file.projectPath, config.maxFileSize, log)),
    analyze: each(async (file) => analyzeRead(file, await readTextFile(file.absolutePath, config.maxFileSize), { config, log, project })),
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'project') {
      project = projectFactsOf(message.project);
      return;
    }
    // The pool sends a worker its next batch only after this one is done: no overlap.
    jobs[message.kind](message.files).then(
      (results) => send({ type: 'done', batch: message.batch, results }),
      (error: unknown) => send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
