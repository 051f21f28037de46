// A fixed set of scan workers fed from one queue of file batches: a worker gets its next batch
// when it reports the last one, so a worker stuck on a large file does not hold up the others.
// Results come back in the order of the files given, whatever worker read them.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../core/log';
import type { DeclarationSummary } from '../route-summaries';
import type { FileOutcome } from '../file-source';
import type { FromWorker, JobKind, ProjectData, RouteSummary, ToWorker, WorkerFile, WorkerSetup } from './protocol';

// The worker runs this module's own file: in the engine bundle that is dist/lastline.js, which
// re-exports runScanWorker; in the compiled sources (tests) it is this file, which does too.
export { runScanWorker } from './worker';

type JobResult<K extends JobKind> = K extends 'summarize' ? RouteSummary : K extends 'declarations' ? DeclarationSummary : FileOutcome;

export class ScanWorkerPool {
  private readonly workers: Worker[];
  private failure?: Error;
  private onFailure?: (error: Error) => void;
  private closing = false;

  constructor(count: number, setup: WorkerSetup, log: Logger) {
    const code = `require(${JSON.stringify(__filename)}).runScanWorker();`;
    this.workers = Array.from({ length: count }, (_, index) => {
      const worker = new Worker(code, { eval: true, workerData: setup });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'log') log[message.level](message.message);
        else if (message.type === 'failed') this.fail(new Error(`scan worker ${index + 1}: ${message.message}`));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`scan worker ${index + 1} exited (code ${code})`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Gives every worker the project facts that analysis needs. */
  setProject(project: ProjectData): void {
    this.broadcast({ type: 'project', project });
  }

  /** Runs `kind` on every file, `batchSize` files per message; one result per file, in order. */
  run<K extends JobKind>(kind: K, files: readonly WorkerFile[], batchSize: number): Promise<JobResult<K>[]> {
    const batches: WorkerFile[][] = [];
    for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));
    const results: JobResult<K>[][] = new Array(batches.length);
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      let next = 0;
      let done = 0;
      const listeners = new Map<Worker, (message: FromWorker) => void>();
      const finish = (error?: Error) => {
        for (const [worker, listener] of listeners) worker.off('message', listener);
        this.onFailure = undefined;
        if (error) reject(error);
        else resolve(results.flat());
      };
      this.onFailure = finish;
      const feed = (worker: Worker) => {
        if (next >= batches.length) return;
        const batch = next++;
        worker.postMessage({ type: 'job', kind, batch, files: batches[batch] } satisfies ToWorker);
      };
      for (const worker of this.workers) {
        const listener = (message: FromWorker) => {
          if (message.type !== 'done') return;
          results[message.batch] = message.results as JobResult<K>[];
          if (++done === batches.length) finish();
          else feed(worker);
        };
        listeners.set(worker, listener);
        worker.on('message', listener);
      }
      if (batches.length === 0) return finish();
      for (const worker of this.workers) feed(worker);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private broadcast(message: ToWorker): void {
    for (const worker of this.workers) worker.postMessage(message);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.onFailure?.(error);
  }
}
