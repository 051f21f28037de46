// The editor's dependency check of one manifest or lock file, in a worker thread: the look-ups may
// wait on the network for seconds, and the extension host's thread must stay free for typing. The
// file's text is the editor's (unsaved edits count); the other dependency files of its folder
// (its lock file, its manifest) and a workspace root's lock above it are read from disk.
import { workerData } from 'node:worker_threads';
import { dependencyFileKind, folderOf, type DependencyFileRead } from '../core/dependencies/manifests';
import type { DependencyFacts } from '../core/dependencies/model';
import { dependencyCheckOf, dependencyFactsOf, networkOptionsFromEnvironment } from './dependencies/dependency-facts';
import { addGoverningDependencyFiles } from './dependencies/governing-files';
import { uncheckedDependenciesNotice } from './dependencies/unchecked-notice';
import { workerChannel } from './worker-channel';

export interface DependencyCheckRequest {
  projectRoot: string;
  /** The file's project path and the editor's text of it. */
  path: string;
  text: string;
  maxFileSize: number;
  offline: boolean;
}

export type DependencyCheckMessage = { type: 'done'; facts: DependencyFacts; notice?: string };

export function runDependencyWorker(): void {
  const channel = workerChannel<DependencyCheckMessage>();
  const request = workerData as DependencyCheckRequest;
  checkDependencies(request).then(
    (answer) => channel.send({ type: 'done', ...answer }),
    (error: unknown) => channel.fail(error),
  );
}

async function checkDependencies(request: DependencyCheckRequest): Promise<{ facts: DependencyFacts; notice?: string }> {
  const reads = new Map<string, DependencyFileRead>();
  const kind = dependencyFileKind(request.path);
  if (kind) reads.set(request.path, kind.read(request.text));
  await addGoverningDependencyFiles(reads, request.projectRoot, [folderOf(request.path)], request.maxFileSize);
  const network = networkOptionsFromEnvironment(request.offline);
  const scan = await dependencyFactsOf(reads, network);
  const check = dependencyCheckOf(scan, network.offline);
  return { facts: scan.facts, ...(check.missing ? { notice: uncheckedDependenciesNotice(check.missing, check.problem, check.offline) } : {}) };
}
