// The editor's "Scan Workspace", in a worker thread: walking, reading, the route index and every
// rule run there, and the extension host's thread only receives progress and the findings, so the
// editor stays responsive while thousands of files are scanned. Cancelled by a message.
import { parentPort, workerData } from 'node:worker_threads';
import type { LastlineConfig } from '../core/config';
import type { Logger } from '../core/log';
import { scanSources, workingTreeSources, type ScanResult } from './scan';
import { projectFacts } from './working-tree-scan';

export interface WorkspaceScanRequest {
  folder: string;
  projectRoot: string;
  config: LastlineConfig;
}

export type WorkspaceScanMessage =
  | { type: 'progress'; files: number; path: string }
  | { type: 'log'; level: keyof Logger; message: string }
  | { type: 'done'; result: ScanResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

/** How often (in files) progress is reported. */
const PROGRESS_EVERY = 25;

export function runWorkspaceScanWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runWorkspaceScanWorker runs in a worker thread');
  const request = workerData as WorkspaceScanRequest;
  const send = (message: WorkspaceScanMessage) => port.postMessage(message);
  let cancelled = false;
  port.on('message', (message: { type?: string }) => {
    if (message?.type === 'cancel') cancelled = true;
  });
  const cancellation = {
    get isCancellationRequested() {
      return cancelled;
    },
  };
  const log: Logger = {
    debug: (message) => send({ type: 'log', level: 'debug', message }),
    info: (message) => send({ type: 'log', level: 'info', message }),
    warn: (message) => send({ type: 'log', level: 'warn', message }),
    error: (message) => send({ type: 'log', level: 'error', message }),
  };
  (async () => {
    const project = await projectFacts(request.projectRoot, request.config, log);
    const result = await scanSources(workingTreeSources([request.folder], request.projectRoot, request.config), {
      config: request.config,
      project,
      log,
      cancellation,
      onProgress: (files, path) => {
        if (files % PROGRESS_EVERY === 0) send({ type: 'progress', files, path });
      },
    });
    send({ type: 'done', result });
  })().catch((error: unknown) => {
    if (error instanceof Error && error.name === 'CancelledError') send({ type: 'cancelled' });
    else send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  });
}
