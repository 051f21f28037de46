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
