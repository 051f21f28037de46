// The editor's "Scan Workspace", in a worker thread: walking, reading, the route index and every
// rule run there, and the extension host's thread only receives progress and the findings, so the
// editor stays responsive while thousands of files are scanned. Cancelled by a message.
import { workerData } from 'node:worker_threads';
import type { LastlineConfig } from '../core/config';
import { scanSources, treeFileSource, workingTreeFiles, type FileReport, type ScanResult } from './scan';
import { workerChannel } from './worker-channel';
import { uncheckedDependenciesNotice } from './dependencies/unchecked-notice';
import { networkOptionsFromEnvironment } from './dependencies/dependency-facts';
import { withEditorProxy, type EditorProxy } from './dependencies/http-transport';
import { collect } from './collect';
import { projectFacts } from './working-tree-scan';

export interface WorkspaceScanRequest {
  folder: string;
  projectRoot: string;
  config: LastlineConfig;
  /** `lastline.network` is "off": dependencies from the local cache only. */
  offline: boolean;
  /** VS Code's proxy settings. */
  proxy?: EditorProxy;
}

/** What the editor needs of a report: the findings, not the file's text. */
export type WorkspaceScanReport = Omit<FileReport, 'text'>;
export type WorkspaceScanSummary = Omit<ScanResult, 'reports'>;

export type WorkspaceScanMessage =
  { type: 'progress'; files: number; path: string } | { type: 'reports'; reports: WorkspaceScanReport[] } | { type: 'done'; summary: WorkspaceScanSummary };

/** How often (in files) progress is reported. */
const PROGRESS_EVERY = 25;
/**
 * Reports go to the extension host in batches: one message with every report of a large tree is
 * one long task on the host's thread (copying it in and publishing its diagnostics), and the
 * editor would stall for it.
 */
const REPORTS_PER_MESSAGE = 50;

export function runWorkspaceScanWorker(): void {
  const channel = workerChannel<WorkspaceScanMessage>();
  const request = workerData as WorkspaceScanRequest;
  (async () => {
    const { log, cancellation } = channel;
    // One walk of the folder: its files are scanned, and its dependencies looked up here, off the
    // extension host's thread.
    const files = await collect(workingTreeFiles([request.folder], request.projectRoot, request.config));
    const { facts: project, dependencies } = await projectFacts(request.projectRoot, request.config, log, {
      network: networkOptionsFromEnvironment(request.offline, withEditorProxy(process.env, request.proxy)),
      dependencyFiles: async () => files,
    });
    if (dependencies?.missing) log.warn(uncheckedDependenciesNotice(dependencies.missing, dependencies.problem, dependencies.offline));
    const result = await scanSources(files.map(treeFileSource), {
      config: request.config,
      project,
      log,
      cancellation,
      onProgress: (files, path) => {
        if (files % PROGRESS_EVERY === 0) channel.send({ type: 'progress', files, path });
      },
    });
    const { reports, ...summary } = result;
    for (let start = 0; start < reports.length; start += REPORTS_PER_MESSAGE) {
      channel.send({ type: 'reports', reports: reports.slice(start, start + REPORTS_PER_MESSAGE).map(({ text: _text, ...report }) => report) });
    }
    channel.send({ type: 'done', summary });
  })().catch((error: unknown) => channel.fail(error));
}
