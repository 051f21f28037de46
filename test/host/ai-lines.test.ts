// The editor shows which lines an assistant wrote, and the marks follow edits live: a line a
// person rewrites stops being marked.
import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import * as vscode from 'vscode';
import type { LastlineApi } from '../../src/extension/extension';
import { EXTENSION_ID, open, sleep, workspaceFile } from './helpers';

async function api(): Promise<LastlineApi> {
  const extension = vscode.extensions.getExtension<LastlineApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.isActive ? extension.exports : extension.activate();
}

async function shownEventually(lastline: LastlineApi, uri: vscode.Uri, expected: unknown): Promise<void> {
  let shown: unknown;
  for (let attempt = 0; attempt < 50; attempt++) {
    shown = lastline.aiLinesShown(uri).map(({ start, end, tool, reviewed, suspected }) => [start, end, tool, reviewed, suspected]);
    if (JSON.stringify(shown) === JSON.stringify(expected)) return;
    await sleep(100);
  }
  assert.deepStrictEqual(shown, expected);
}

describe('AI-written lines in the editor', () => {
  it('marks the lines an agent wrote and follows a person\'s rewrite', async () => {
    const lastline = await api();
    const uri = workspaceFile('src/marked.py');
    const before = 'import os\n';
    const after = `${before}def handler(request):\n    value = request.args["v"]\n    return value.strip()\n`;
    mkdirSync(dirname(uri.fsPath), { recursive: true });
    writeFileSync(uri.fsPath, after);
    const { recordKnownChange } = await import('../../src/agents/record');
    recordKnownChange(uri.fsPath, before, after, { tool: 'claude-code', model: 'claude-sonnet-4-5', time: new Date().toISOString(), kind: 'agent', source: 'test' });
    const editor = await open(uri);
    lastline.reloadAiLines();
    await shownEventually(lastline, uri, [[1, 4, 'claude-code', false, false]]);
    // A person rewrites the middle line: it is theirs now.
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 0, 2, editor.document.lineAt(2).text.length), '    value = request.args.get("v", "")'));
    await shownEventually(lastline, uri, [[1, 2, 'claude-code', false, false], [3, 4, 'claude-code', false, false]]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
