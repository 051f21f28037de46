// The commit gate from the editor: "Lastline: Install the Commit Gate", and an offer to install it,
// made once per repository, the first time AI-written lines appear in a repository without it —
// never in an untrusted workspace (installing runs code at every commit).
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { AiProvenance } from './ai-provenance';
import type { Engine } from './engine';

export const INSTALL_COMMIT_GATE_COMMAND = 'lastline.installCommitGate';
const OFFERED_KEY = 'lastline.commitGateOffered';

export function registerCommitGate(context: vscode.ExtensionContext, loadEngine: () => Engine, provenance: AiProvenance, log: Logger): vscode.Disposable {
  const check = () =>
    void offerOnce(context, loadEngine, provenance, log).catch((error: unknown) =>
      log.warn(`commit gate offer: ${error instanceof Error ? error.message : String(error)}`),
    );
  return vscode.Disposable.from(
    vscode.commands.registerCommand(INSTALL_COMMIT_GATE_COMMAND, () => install(loadEngine, log)),
    provenance.onDidChange(check),
  );
}

async function offerOnce(context: vscode.ExtensionContext, loadEngine: () => Engine, provenance: AiProvenance, log: Logger): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || !vscode.workspace.isTrusted || provenance.recordedFiles(folder.uri.fsPath).length === 0) return;
  const engine = loadEngine();
  const repository = engine.findRepository(folder.uri.fsPath);
  if (!repository) return;
  const offered = context.globalState.get<string[]>(OFFERED_KEY, []);
  if (offered.includes(repository.root)) return;
  if (engine.hookStates(repository.root).every((state) => state.state === 'lastline')) return;
  await context.globalState.update(OFFERED_KEY, [...offered, repository.root]);
  const choice = await vscode.window.showInformationMessage(
    'Lastline: an AI assistant wrote lines in this repository. Install the commit gate, so that a person reviews AI-written lines before they are committed?',
    'Install the Commit Gate',
    'Not Now',
  );
  if (choice === 'Install the Commit Gate') install(loadEngine, log);
}

function install(loadEngine: () => Engine, log: Logger): void {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Lastline: the commit gate is not installed in an untrusted workspace.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  const engine = loadEngine();
  const repository = folder && engine.findRepository(folder.uri.fsPath);
  if (!repository) {
    void vscode.window.showWarningMessage('Lastline: the workspace is not in a git repository.');
    return;
  }
  try {
    // `node` from PATH when git runs the hooks (an empty path makes the hook look it up): the
    // editor's own binary may be Electron, which is not a Node a hook can run.
    const script = vscode.Uri.joinPath(vscode.Uri.file(__dirname), '..', 'bin', 'lastline.js').fsPath;
    const changes = engine.installHooks(repository.root, { node: '', script }, engine.stateDirectory(repository));
    const chained = changes.filter((change) => change.action.includes('chaining')).map((change) => change.hook);
    log.info(`commit gate installed in ${repository.root}: ${changes.map((change) => `${change.hook} ${change.action}`).join(', ')}`);
    void vscode.window.showInformationMessage(
      `Lastline: the commit gate is installed${chained.length ? ` (your ${chained.join(', ')} hook${chained.length === 1 ? '' : 's'} still run first)` : ''}.`,
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Lastline: the commit gate could not be installed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
