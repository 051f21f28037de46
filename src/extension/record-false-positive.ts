// "Record as a false positive": asks why, then adds the finding's fingerprint to the project's
// .lastline.json (comments and formatting kept) and saves it, so the config watcher re-analyses.
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import type { ConfigCache } from './config-cache';
import type { Engine } from './engine';

export async function recordFalsePositive(
  engine: () => Engine,
  configs: ConfigCache,
  log: Logger,
  fileUri: vscode.Uri,
  finding: { fingerprint: string; rule: string },
): Promise<void> {
  const reason = await vscode.window.showInputBox({
    title: `Accept this ${finding.rule} finding`,
    prompt: 'Why is this not a problem? The reason is stored in .lastline.json next to the fingerprint.',
    placeHolder: finding.rule === 'open-route' ? 'e.g. public status page, read-only catalogue' : 'e.g. public test key from the provider documentation',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A reason is required, so reviewers know why it was accepted.'),
  });
  if (!reason) return;
  const configUri = vscode.Uri.file(join(configs.forFile(fileUri.fsPath).root, '.lastline.json'));
  try {
    let existing: string | undefined;
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
    } catch {
      existing = undefined; // no config yet: it is created
    }
    const updated = engine().addAllowlistEntry(existing, { fingerprint: finding.fingerprint, rule: finding.rule, reason: reason.trim() });
    const edit = new vscode.WorkspaceEdit();
    if (existing === undefined) {
      edit.createFile(configUri, { ignoreIfExists: false });
      edit.insert(configUri, new vscode.Position(0, 0), updated);
    } else {
      const document = await vscode.workspace.openTextDocument(configUri);
      edit.replace(configUri, new vscode.Range(0, 0, document.lineCount, 0), updated);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was rejected');
    await (await vscode.workspace.openTextDocument(configUri)).save();
    log.info(`recorded ${finding.rule} ${finding.fingerprint} as accepted: ${reason.trim()}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`could not update ${configUri.fsPath}: ${message}`);
    void vscode.window.showErrorMessage(`Lastline could not update .lastline.json: ${message}`);
  }
}
