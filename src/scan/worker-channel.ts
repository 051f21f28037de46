// The worker side of the engine's jobs that run off the extension host's thread (the workspace
// scan, the route index): the job's messages, its log lines and its end travel to the host through
// the parent port, and the host cancels it with a { type: 'cancel' } message.
import { parentPort } from 'node:worker_threads';
import type { Cancellation } from '../core/cancellation';
import type { Logger } from '../core/log';

export type WorkerLogMessage = { type: 'log'; level: keyof Logger; message: string };
export type WorkerEndMessage = { type: 'cancelled' } | { type: 'failed'; message: string };

export interface WorkerChannel<Message> {
  send(message: Message | WorkerLogMessage | WorkerEndMessage): void;
  log: Logger;
  cancellation: Cancellation;
  /** Ends the job with `error`: a cancellation or a failure. */
  fail(error: unknown): void;
}

export function workerChannel<Message>(): WorkerChannel<Message> {
  const port = parentPort;
  if (!port) throw new Error('this job runs in a worker thread');
  const send = (message: Message | WorkerLogMessage | WorkerEndMessage) => port.postMessage(message);
  let cancelled = false;
  port.on('message', (message: { type?: string }) => {
    if (message?.type === 'cancel') cancelled = true;
  });
  return {
    send,
    log: {
      debug: (message) => send({ type: 'log', level: 'debug', message }),
      info: (message) => send({ type: 'log', level: 'info', message }),
      warn: (message) => send({ type: 'log', level: 'warn', message }),
      error: (message) => send({ type: 'log', level: 'error', message }),
    },
    cancellation: {
      get isCancellationRequested() {
        return cancelled;
      },
    },
    fail(error) {
      if (error instanceof Error && error.name === 'CancelledError') send({ type: 'cancelled' });
      else send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  };
}
