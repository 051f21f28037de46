// Editor-observed provenance in a real extension host: accepting an inline suggestion through
// Lastline's accept command (what Tab runs while a suggestion shows) records the lines it added as
// AI-written, in the repository's provenance store.
import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import * as vscode from 'vscode';
import { RepositoryProvenance } from '../../src/provenance/repository-provenance';
import { open, sleep, workspaceFile } from './helpers';

describe('editor provenance', () => {
  it('records the lines of an accepted inline suggestion', async () => {
    const uri = workspaceFile('src/suggested.ts');
    const start = 'export function total(items: number[]): number {\n';
    mkdirSync(dirname(uri.fsPath), { recursive: true });
    writeFileSync(uri.fsPath, start);
    const suggestion = '  return items.reduce((sum, item) => sum + item, 0);\n}\n';
    const provider = vscode.languages.registerInlineCompletionItemProvider(
      { pattern: '**/suggested.ts' },
      { provideInlineCompletionItems: (_document, position) => [new vscode.InlineCompletionItem(suggestion, new vscode.Range(position, position))] },
    );
    try {
      const editor = await open(uri);
      const end = new vscode.Position(1, 0);
      editor.selection = new vscode.Selection(end, end);
      // The suggestion shows asynchronously: trigger, give it a moment, accept; until the text changes.
      for (let attempt = 0; attempt < 40 && editor.document.getText() === start; attempt++) {
        await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
        await sleep(250);
        await vscode.commands.executeCommand('lastline.inlineSuggest.commit');
      }
      assert.strictEqual(editor.document.getText(), start + suggestion, 'the suggestion was accepted');
      const provenance = RepositoryProvenance.open(uri.fsPath);
      assert.ok(provenance, 'the workspace is a git repository');
      const ranges = provenance.rangesIn('src/suggested.ts', editor.document.getText());
      assert.deepStrictEqual(
        ranges.map((range) => [range.start, range.end, range.attribution.tool, range.attribution.kind]),
        [[1, 3, 'vscode-inline-suggestion', 'editor']],
      );
    } finally {
      provider.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('editor provenance: chat edits and suspected insertions', () => {
  const provenanceOf = (uri: vscode.Uri, text: string) => {
    const provenance = RepositoryProvenance.open(uri.fsPath);
    assert.ok(provenance, 'the workspace is a git repository');
    return provenance
      .rangesIn(vscode.workspace.asRelativePath(uri), text)
      .map((range) => [range.start, range.end, range.attribution.tool, range.attribution.kind]);
  };
  const block = [
    'export function average(values: number[]): number {',
    '  if (values.length === 0) return 0;',
    '  const sum = values.reduce((total, value) => total + value, 0);',
    '  return sum / values.length;',
    '}',
    '',
  ].join('\n');

  it('records a multi-line insertion that was not a paste as suspected, and a person dismisses it', async () => {
    const uri = workspaceFile('src/inserted.ts');
    writeFileSync(uri.fsPath, '// statistics\n');
    const editor = await open(uri);
    await vscode.env.clipboard.writeText('something else');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), block));
    for (let attempt = 0; attempt < 50 && provenanceOf(uri, editor.document.getText()).length === 0; attempt++) await sleep(100);
    assert.deepStrictEqual(provenanceOf(uri, editor.document.getText()), [[1, 6, 'unknown', 'suspected']]);
    editor.selection = new vscode.Selection(new vscode.Position(3, 0), new vscode.Position(3, 0));
    await vscode.commands.executeCommand('lastline.dismissSuspectedAi');
    assert.deepStrictEqual(provenanceOf(uri, editor.document.getText()), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves a paste of the same block to the person', async () => {
    const uri = workspaceFile('src/pasted.ts');
    writeFileSync(uri.fsPath, '// statistics\n');
    const editor = await open(uri);
    await vscode.env.clipboard.writeText(block);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), block));
    await sleep(500);
    assert.deepStrictEqual(provenanceOf(uri, editor.document.getText()), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('records the lines a chat editing session changed when the file is saved', async () => {
    const uri = workspaceFile('src/chat.ts');
    const original = '// statistics\n';
    writeFileSync(uri.fsPath, original);
    // VS Code's chat editing keeps the text before its edits in a document of this scheme; Copilot
    // Chat cannot run here, so the test serves that document the way the chat session would.
    const snapshots = vscode.workspace.registerTextDocumentContentProvider('chat-editing-snapshot-text-model', { provideTextDocumentContent: () => original });
    try {
      await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'chat-editing-snapshot-text-model', path: uri.path, query: '{"sessionId":"s1"}' }));
      const editor = await open(uri);
      await vscode.env.clipboard.writeText(block);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), block));
      await editor.document.save();
      for (let attempt = 0; attempt < 50 && provenanceOf(uri, editor.document.getText()).length === 0; attempt++) await sleep(100);
      assert.deepStrictEqual(provenanceOf(uri, editor.document.getText()), [[1, 6, 'vscode-chat', 'editor']]);
    } finally {
      snapshots.dispose();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it("records a write from outside the editor during an agent session as suspected, in the agent's name", async () => {
    // An agent session: its hook recorded an edit of another file a moment ago.
    const other = workspaceFile('src/agent.py');
    writeFileSync(other.fsPath, 'print("agent")\n');
    const { recordKnownChange } = await import('../../src/agents/record');
    recordKnownChange(other.fsPath, '', 'print("agent")\n', {
      tool: 'claude-code',
      session: 's-host',
      time: new Date().toISOString(),
      kind: 'agent',
      source: 'test',
    });

    const uri = workspaceFile('src/external.ts');
    writeFileSync(uri.fsPath, '// statistics\n');
    const editor = await open(uri);
    // The agent writes through its shell, which no edit hook sees.
    writeFileSync(uri.fsPath, `// statistics\n${block}`);
    for (let attempt = 0; attempt < 100 && editor.document.getText() === '// statistics\n'; attempt++) await sleep(100);
    for (let attempt = 0; attempt < 50 && provenanceOf(uri, editor.document.getText()).length === 0; attempt++) await sleep(100);
    assert.deepStrictEqual(provenanceOf(uri, editor.document.getText()), [[1, 6, 'claude-code', 'suspected']]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
