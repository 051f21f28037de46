// "Lastline: Scan Workspace": every workspace folder through the same scanner as the CLI, with
// progress and cancellation; findings of files that are not open appear in the Problems view. The
// scan runs in a worker thread (scan/workspace-scan-worker.ts): the extension host's thread only
// shows progress and the findings, so typing never waits for a scan of thousands of files.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { ScanResult } from '../scan/scan';
import type { WorkspaceScanMessage, WorkspaceScanRequest } from '../scan/workspace-scan-worker';
import type { ConfigCache } from './config-cache';
import type { DiagnosticsController } from './diagnostics';

export async function scanWorkspace(configs: ConfigCache, diagnostics: DiagnosticsController, log: Logger): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Lastline: open a folder to scan it.');
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Lastline: scanning', cancellable: true },
    async (progress, token) => {
      let findings = 0;
      let files = 0;
      for (const folder of folders) {
        const configPath = vscode.Uri.joinPath(folder.uri, '.lastline.json').fsPath;
        const loaded = configs.forFile(configPath);
        const result = await scanInWorker({ folder: folder.uri.fsPath, projectRoot: loaded.root, config: loaded.config }, token, log, (count, path) =>
          progress.report({ message: `${files + count} files · ${path}` }),
        );
        files += result.filesAnalysed;
        for (const report of result.reports) {
          findings += report.findings.length;
          diagnostics.showScanFindings(vscode.Uri.file(report.absolutePath), report.findings);
        }
        for (const skipped of result.skipped.filter((file) => file.reason !== 'binary')) log.info(`skipped ${skipped.absolutePath}: ${skipped.detail}`);
      }
      log.info(`workspace scan: ${files} files, ${findings} finding(s)`);
      const open = 'Open Problems';
      const message = findings ? `Lastline: ${findings} finding(s) in ${files} files.` : `Lastline: no findings in ${files} files.`;
      if ((await vscode.window.showInformationMessage(message, ...(findings ? [open] : []))) === open) {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
      }
    },
  ).then(undefined, (error: unknown) => {
    if (error instanceof Error && error.name === 'CancelledError') return;
    log.error(`workspace scan failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(`Lastline: the workspace scan failed (${error instanceof Error ? error.message : String(error)}). See "Lastline: Show Log".`);
  });
}

/** Scans one folder in a worker thread that loads the engine bundle; rejects with CancelledError when cancelled. */
function scanInWorker(request: WorkspaceScanRequest, token: vscode.CancellationToken, log: Logger, onProgress: (files: number, path: string) => void): Promise<ScanResult> {
  // A computed path keeps esbuild from inlining the engine into the extension bundle.
  const engine = join(__dirname, 'lastline.js');
  const worker = new Worker(`require(${JSON.stringify(engine)}).runWorkspaceScanWorker();`, { eval: true, workerData: request });
  return new Promise<ScanResult>((resolve, reject) => {
    const cancelled = () => Object.assign(new Error('workspace scan cancelled'), { name: 'CancelledError' });
    const cancelling = token.onCancellationRequested(() => worker.postMessage({ type: 'cancel' }));
    const settle = (outcome: () => void) => {
      cancelling.dispose();
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: WorkspaceScanMessage) => {
      if (message.type === 'progress') onProgress(message.files, message.path);
      else if (message.type === 'log') log[message.level](message.message);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (message.type === 'cancelled') settle(() => reject(cancelled()));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(token.isCancellationRequested ? cancelled() : new Error(`the scan worker exited (code ${code})`))));
  });
}
