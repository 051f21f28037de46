// "Lastline: Scan Workspace": every workspace folder through the same scanner as the CLI, with
// progress and cancellation; findings of files that are not open appear in the Problems view.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { ConfigCache } from './config-cache';
import type { DiagnosticsController } from './diagnostics';
import type { Engine } from './engine';
import type { RouteIndexService } from './route-index';

export async function scanWorkspace(engine: () => Engine, configs: ConfigCache, routes: RouteIndexService, diagnostics: DiagnosticsController, log: Logger): Promise<void> {
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
        const project = { ...configs.factsFor(configPath), routes: await routes.forFile(configPath) };
        const result = await engine().scanSources(engine().workingTreeSources([folder.uri.fsPath], loaded.root, loaded.config), {
          config: loaded.config,
          project,
          log,
          cancellation: token,
          onProgress: (count, path) => {
            if (count % 25 === 0) progress.report({ message: `${files + count} files · ${path}` });
          },
        });
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
