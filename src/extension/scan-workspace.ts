// "Lastline: Scan Workspace": every workspace folder through the same scanner as the CLI, with
// progress and cancellation; findings of files that are not open appear in the Problems view. The
// scan runs in a worker thread (scan/workspace-scan-worker.ts): the extension host's thread only
// shows progress and the findings, so typing never waits for a scan of thousands of files.
import * as vscode from 'vscode';
import { readSettings } from './settings';
import type { Logger } from '../core/log';
import type { WorkspaceScanMessage, WorkspaceScanReport, WorkspaceScanRequest, WorkspaceScanSummary } from '../scan/workspace-scan-worker';
import type { ConfigCache } from './config-cache';
import type { DiagnosticsController } from './diagnostics';
import { runInEngineWorker } from './engine-worker';

/** What the command returns (and its summary notification says). */
export interface WorkspaceScanOutcome {
  files: number;
  findings: number;
}

export async function scanWorkspace(configs: ConfigCache, diagnostics: DiagnosticsController, log: Logger): Promise<WorkspaceScanOutcome | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Lastline: open a folder to scan it.');
    return undefined;
  }
  let outcome: WorkspaceScanOutcome | undefined;
  try {
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Lastline: scanning', cancellable: true },
      async (progress, token) => {
        const total = { files: 0, findings: 0 };
        for (const folder of folders) {
          const configPath = vscode.Uri.joinPath(folder.uri, '.lastline.json').fsPath;
          const loaded = configs.forFile(configPath);
          const settings = readSettings(folder.uri);
          const summary = await scanInWorker(
            { folder: folder.uri.fsPath, projectRoot: loaded.root, config: loaded.config, offline: settings.network === 'off', proxy: settings.proxy },
            token,
            log,
            (count, path) => progress.report({ message: `${total.files + count} files · ${path}` }),
            (reports) => {
              for (const report of reports) {
                total.findings += report.findings.length;
                diagnostics.showScanFindings(vscode.Uri.file(report.absolutePath), report.findings);
              }
            },
          );
          total.files += summary.filesAnalysed;
          for (const skipped of summary.skipped.filter((file) => file.reason !== 'binary')) log.info(`skipped ${skipped.absolutePath}: ${skipped.detail}`);
        }
        return total;
      },
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'CancelledError') return undefined;
    log.error(`workspace scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(
      `Lastline: the workspace scan failed (${error instanceof Error ? error.message : String(error)}). See "Lastline: Show Log".`,
    );
    return undefined;
  }
  log.info(`workspace scan: ${outcome.files} files, ${outcome.findings} finding(s)`);
  // Shown after the progress notification has closed, and not awaited: the command is done when
  // the scan is, not when the person dismisses the summary.
  const open = 'Open Problems';
  const message = outcome.findings ? `Lastline: ${outcome.findings} finding(s) in ${outcome.files} files.` : `Lastline: no findings in ${outcome.files} files.`;
  void Promise.resolve(vscode.window.showInformationMessage(message, ...(outcome.findings ? [open] : []))).then((choice) =>
    choice === open ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined,
  );
  return outcome;
}

/**
 * Scans one folder in a worker thread; resolves with the summary once every batch of reports went
 * through `onReports`, rejects with CancelledError when cancelled.
 */
function scanInWorker(
  request: WorkspaceScanRequest,
  token: vscode.CancellationToken,
  log: Logger,
  onProgress: (files: number, path: string) => void,
  onReports: (reports: WorkspaceScanReport[]) => void,
): Promise<WorkspaceScanSummary> {
  // Node can deliver many queued messages in one task; each batch of reports is handled in a task
  // of its own so that the host's thread never holds more than one batch at a time.
  let batches = Promise.resolve();
  const nextTask = () => new Promise<void>((next) => setImmediate(next));
  return runInEngineWorker<WorkspaceScanMessage, WorkspaceScanSummary>('runWorkspaceScanWorker', request, log, token, (message, finish) => {
    if (message.type === 'progress') onProgress(message.files, message.path);
    else if (message.type === 'reports') batches = batches.then(nextTask).then(() => (token.isCancellationRequested ? undefined : onReports(message.reports)));
    else finish(batches.then(() => message.summary));
  });
}
