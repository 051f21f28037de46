// The editor shows which lines an assistant wrote, and the marks follow edits live: a line a
// person rewrites stops being marked.
import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import * as vscode from 'vscode';
import { recordKnownChange } from '../../src/agents/record';
import type { LastlineApi } from '../../src/extension/extension';
import { describeDiagnostics, EXTENSION_ID, lastlineDiagnostics, open, sleep, waitFor, workspaceFile } from './helpers';

async function api(): Promise<LastlineApi> {
  const extension = vscode.extensions.getExtension<LastlineApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Writes `after` to the file and records that Claude Code changed it from `before`, as its hook would. */
function agentWrote(uri: vscode.Uri, before: string, after: string, model?: string): void {
  mkdirSync(dirname(uri.fsPath), { recursive: true });
  writeFileSync(uri.fsPath, after);
  const outcome = recordKnownChange(uri.fsPath, before, after, {
    tool: 'claude-code',
    ...(model ? { model } : {}),
    time: new Date().toISOString(),
    kind: 'agent',
    source: 'test',
  });
  assert.ok(typeof outcome !== 'string', String(outcome));
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
  it("marks the lines an agent wrote and follows a person's rewrite", async () => {
    const lastline = await api();
    const uri = workspaceFile('src/marked.py');
    const before = 'import os\n';
    const after = `${before}def handler(request):\n    value = request.args["v"]\n    return value.strip()\n`;
    agentWrote(uri, before, after, 'claude-sonnet-4-5');
    const editor = await open(uri);
    lastline.reloadAiLines();
    await shownEventually(lastline, uri, [[1, 4, 'claude-code', false, false]]);
    // A person rewrites the middle line: it is theirs now.
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 0, 2, editor.document.lineAt(2).text.length), '    value = request.args.get("v", "")'));
    await shownEventually(lastline, uri, [
      [1, 2, 'claude-code', false, false],
      [3, 4, 'claude-code', false, false],
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says "(AI-written)" on findings in AI-written lines, one level more severe', async () => {
    const lastline = await api();
    const uri = workspaceFile('src/ai_query.py');
    const human = 'import sqlite3\n\ndef count(db, table):\n    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()\n';
    const agentLines = '\ndef find(db, name):\n    return db.execute(f"SELECT * FROM users WHERE name = \'{name}\'").fetchall()\n';
    agentWrote(uri, human, human + agentLines);
    lastline.reloadAiLines();
    await open(uri);
    const diagnostics = await waitFor(
      'lastline diagnostics on both queries, the AI-written one marked',
      10000,
      () => {
        const found = lastlineDiagnostics(uri);
        return found.length >= 2 && found.some((diagnostic) => diagnostic.message.endsWith('(AI-written)')) ? found : undefined;
      },
      () => describeDiagnostics(lastlineDiagnostics(uri)),
    );
    const aiFinding = diagnostics.find((diagnostic) => diagnostic.range.start.line === 6);
    assert.ok(aiFinding?.message.endsWith(' (AI-written)'), describeDiagnostics(diagnostics));
    assert.strictEqual(aiFinding?.severity, vscode.DiagnosticSeverity.Error);
    const humanFinding = diagnostics.find((diagnostic) => diagnostic.range.start.line === 3);
    assert.ok(humanFinding && !humanFinding.message.endsWith('(AI-written)'), describeDiagnostics(diagnostics));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"Review AI Changes" opens the first unreviewed hunk in a diff against HEAD', async () => {
    const uri = workspaceFile('src/review_me.py');
    const text = 'def total(items):\n    return sum(item.price for item in items)\n';
    agentWrote(uri, '', text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Not awaited: the command then waits for a person to click Approve, Reject or Next.
    void vscode.commands.executeCommand('lastline.reviewAiChanges');
    let input: unknown;
    for (let attempt = 0; attempt < 100; attempt++) {
      input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      if (input instanceof vscode.TabInputTextDiff) break;
      await sleep(100);
    }
    assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
    assert.strictEqual(input.original.scheme, 'lastline-head');
    assert.strictEqual(input.modified.scheme, 'file');
    // HEAD's side is the same file as the working side.
    assert.strictEqual(JSON.parse(input.original.query).path, vscode.workspace.asRelativePath(input.modified));
  });

  it('lists files and hunks in the AI Changes view, unreviewed first, with their findings', async () => {
    const lastline = await api();
    const uri = workspaceFile('src/view_me.py');
    const text = 'def find(db, name):\n    return db.execute(f"SELECT * FROM users WHERE name = \'{name}\'").fetchall()\n';
    agentWrote(uri, '', text, 'claude-sonnet-4-5');
    lastline.reloadAiLines();
    const view = lastline.aiChangesView;
    const files = (await view.getChildren()) ?? [];
    const items = await Promise.all(files.map((file) => view.getTreeItem(file)));
    const index = items.findIndex((item) => item.resourceUri?.fsPath === uri.fsPath);
    assert.ok(index >= 0, `src/view_me.py among ${items.map((item) => item.resourceUri?.fsPath).join(', ')}`);
    assert.strictEqual(items[index].description, '1 unreviewed');
    const hunks = (await view.getChildren(files[index])) ?? [];
    const hunk = await view.getTreeItem(hunks[0]);
    assert.strictEqual(hunk.label, 'lines 1-2');
    assert.strictEqual(hunk.description, 'unreviewed · claude-code (claude-sonnet-4-5) · 1 finding');
  });

  it('installs the commit gate into the workspace repository from the command', async () => {
    await vscode.commands.executeCommand('lastline.installCommitGate');
    const hook = workspaceFile('.git/hooks/pre-commit');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(hook));
    assert.match(text, /# lastline-gate-hook v1/);
    assert.match(text, /gate pre-commit/);
  });

  it('puts a CodeLens above each unreviewed AI hunk: Review, Approve, Not AI', async () => {
    const lastline = await api();
    const uri = workspaceFile('src/lens_me.py');
    const text = 'import os\n\ndef home():\n    return os.environ.get("HOME", "")\n';
    agentWrote(uri, 'import os\n', text);
    lastline.reloadAiLines();
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = lenses.filter((lens) => lens.range.start.line === 1);
    assert.deepStrictEqual(
      ours.map((lens) => lens.command?.title),
      ['AI-written · unreviewed (claude-code)', 'Review', 'Approve', 'Not AI'],
    );
    // The lens says where the lines are, never what the verdict is: Approve asks the person first.
    assert.deepStrictEqual(ours[2].command?.arguments?.map(String), [uri.toString(), '1']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
