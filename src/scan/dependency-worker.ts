// The editor's dependency check of one manifest or lock file, in a worker thread: the look-ups may
// wait on the network for seconds, and the extension host's thread must stay free for typing. The
// file's text is the editor's (unsaved edits count); the other dependency files of its folder
// (its lock file, its manifest) and a workspace root's lock above it are read from disk.
import { workerData } from 'node:worker_threads';
import type { DependencyFacts } from '../core/dependencies/model';
import { changedDependencies } from './dependencies/changed-dependencies';
import { networkOptionsFromEnvironment } from './dependencies/dependency-facts';
import { withEditorProxy, type EditorProxy } from './dependencies/http-transport';
import { uncheckedDependenciesNotice } from './dependencies/unchecked-notice';
import { workerChannel } from './worker-channel';

export interface DependencyCheckRequest {
  projectRoot: string;
  /** The file's project path and the editor's text of it. */
  path: string;
  text: string;
  maxFileSize: number;
  offline: boolean;
  /** VS Code's proxy settings. */
  proxy?: EditorProxy;
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

export async function checkDependencies(request: DependencyCheckRequest): Promise<{ facts: DependencyFacts; notice?: string }> {
  const network = networkOptionsFromEnvironment(request.offline, withEditorProxy(process.env, request.proxy));
  const checked = await changedDependencies(new Map([[request.path, request.text]]), request.projectRoot, request.maxFileSize, network);
  if (!checked) return { facts: { advisories: new Map(), locked: new Map(), declared: new Map(), registry: new Map(), includedRequirements: new Set() } };
  const { check } = checked;
  return { facts: checked.facts, ...(check.missing ? { notice: uncheckedDependenciesNotice(check.missing, check.problem, check.offline) } : {}) };
}
