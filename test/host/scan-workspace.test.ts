// "Lastline: Scan Workspace" scans in a worker thread and shows the findings of files that are not
// open in the Problems view.
import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, lastlineDiagnostics, ruleId, waitFor, workspaceFile } from './helpers';

describe('workspace scan', () => {
  it('reports a secret in a file that is not open', async () => {
    const uri = workspaceFile('scripts/deploy_settings.py');
    mkdirSync(dirname(uri.fsPath), { recursive: true });
    writeFileSync(uri.fsPath, 'STRIPE_KEY = "sk_live_51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW"\n');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.fsPath === uri.fsPath), 'the file is not open');
    // The command ends with the scan (its summary notification does not wait for the person).
    const outcome = await vscode.commands.executeCommand<{ files: number; findings: number }>('lastline.scanWorkspace');
    assert.ok(outcome && outcome.files >= 1 && outcome.findings >= 1, JSON.stringify(outcome));
    const found = await waitFor(
      'a provider-token diagnostic from the workspace scan',
      30000,
      () => lastlineDiagnostics(uri).find((diagnostic) => ruleId(diagnostic) === 'provider-token'),
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
    );
    assert.strictEqual(found.range.start.line, 0);
  });
});
