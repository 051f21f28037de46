// The editor's route index, built in a worker thread: walking the project and parsing every source
// file for its routes takes seconds on a large tree, and the extension host's thread must stay free
// for typing. The host rebuilds the RouteIndex from the two maps it receives.
import { workerData } from 'node:worker_threads';
import type { LastlineConfig } from '../core/config';
import type { FileRoutes } from '../core/routes/model';
import { buildRouteIndex } from './route-index';
import { workerChannel } from './worker-channel';

export interface RouteIndexRequest {
  projectRoot: string;
  config: LastlineConfig;
}

export type RouteIndexMessage = { type: 'done'; summaries: [string, FileRoutes][]; hashes: [string, string][] };

export function runRouteIndexWorker(): void {
  const channel = workerChannel<RouteIndexMessage>();
  const request = workerData as RouteIndexRequest;
  buildRouteIndex(request.projectRoot, request.config, { log: channel.log, cancellation: channel.cancellation }).then(
    (index) => channel.send({ type: 'done', summaries: [...index.summaries], hashes: [...index.hashesForEditing()] }),
    (error: unknown) => channel.fail(error),
  );
}
