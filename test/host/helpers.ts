// Shared by the host suites: locating workspace files, opening them, and waiting for diagnostics.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lastline.lastline';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export function lastlineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lastline');
}

export function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${d.source ?? '?'}/${String(ruleId(d))} at ${d.range.start.line}:${d.range.start.character} "${d.message}"`).join('; ');
}

/** Polls until predicate returns a value, or fails after timeoutMs with what was last seen. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined, lastSeen: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${lastSeen()}`);
    await sleep(100);
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Creates a file through a WorkspaceEdit and saves it, so the editor's model owns the content from
 * the start (a file written behind the editor's back is reloaded from disk a moment after opening,
 * and that reload cancels code-action requests in flight).
 */
export async function createFile(uri: vscode.Uri, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true });
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not create ${uri.fsPath}`);
  await (await vscode.workspace.openTextDocument(uri)).save();
}

export async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
