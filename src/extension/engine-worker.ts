// Runs one of the engine's jobs (the workspace scan, the route index) in a worker thread that
// loads the engine bundle, so the extension host's thread only receives results. Log lines go to
// Lastline's log, cancellation travels as a message, and the job's own messages to `handle`.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { WorkerEndMessage, WorkerLogMessage } from '../scan/worker-channel';

export type EngineWorkerEntry = 'runWorkspaceScanWorker' | 'runRouteIndexWorker' | 'runDependencyWorker';

export function cancelledError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'CancelledError' });
}

/**
 * Starts `entry` with `workerData`; `handle` sees each of the job's own messages and calls `finish`
 * with the result (possibly later, once it has worked through earlier messages). Rejects with a
 * CancelledError when `token` cancels it, and with the job's error when it fails.
 */
export function runInEngineWorker<Message extends { type: string }, Result>(
  entry: EngineWorkerEntry,
  workerData: unknown,
  log: Logger,
  token: vscode.CancellationToken | undefined,
  handle: (message: Message, finish: (result: Result | PromiseLike<Result>) => void) => void,
): Promise<Result> {
  // A computed path keeps esbuild from inlining the engine into the extension bundle.
  const engine = join(__dirname, 'lastline.js');
  const worker = new Worker(`require(${JSON.stringify(engine)}).${entry}();`, { eval: true, workerData });
  return new Promise<Result>((resolve, reject) => {
    let settled = false;
    const cancelling = token?.onCancellationRequested(() => worker.postMessage({ type: 'cancel' }));
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      cancelling?.dispose();
      void worker.terminate();
      outcome();
    };
    const finish = (result: Result | PromiseLike<Result>) =>
      void Promise.resolve(result).then(
        (value) => settle(() => (token?.isCancellationRequested ? reject(cancelledError()) : resolve(value))),
        (error: unknown) => settle(() => reject(error)),
      );
    worker.on('message', (message: Message | WorkerLogMessage | WorkerEndMessage) => {
      if (message.type === 'log') {
        const { level, message: text } = message as WorkerLogMessage;
        log[level](text);
      } else if (message.type === 'cancelled') settle(() => reject(cancelledError()));
      else if (message.type === 'failed') settle(() => reject(new Error((message as { message: string }).message)));
      else handle(message as Message, finish);
    });
    worker.on('error', (error) => settle(() => reject(error)));
    // A worker ended by `settle` is expected; one that ends on its own before finishing is not.
    worker.on('exit', (code) =>
      settle(() => reject(token?.isCancellationRequested ? cancelledError() : new Error(`the ${entry} worker exited (code ${code})`))),
    );
  });
}
