// The seed incident in the editor: an f-string SQL query from a request value, silenced with
// `# nosec`, becomes a parameterized query through the quick fix (tree-sitter runs in the host).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createFile, describeDiagnostics, lastlineDiagnostics, open, ruleId, waitFor, workspaceFile } from './helpers';
import { SEED_INCIDENT_PY } from '../seed-incident';

const SEED = SEED_INCIDENT_PY;

describe('string-built queries', () => {
  it('parameterizes the seed query with the quick fix', async () => {
    const source = workspaceFile('app/coupons.py');
    await createFile(source, SEED);
    const editor = await open(source);
    const diagnostic = await waitFor(
      'a string-built-query diagnostic on app/coupons.py',
      15000,
      () => lastlineDiagnostics(source).find((candidate) => ruleId(candidate) === 'string-built-query'),
      () => describeDiagnostics(vscode.languages.getDiagnostics(source)),
    );
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diagnostic.range.start.line, 9, 'reported at the cursor.execute call');
    assert.ok(diagnostic.relatedInformation?.some((related) => related.location.range.start.line === 7), 'points at the f-string');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', source, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Parameterize query');
    assert.ok(fix?.edit, `no Parameterize query among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      editor.document.getText(),
      SEED.replace(`    query = f"SELECT * FROM coupons WHERE code = '{couponCode}' AND expires_at > NOW()"  # nosec\n`, '').replace(
        '    cursor.execute(query)',
        '    cursor.execute("SELECT * FROM coupons WHERE code = %s AND expires_at > NOW()", (couponCode,))',
      ),
    );
    await waitFor(
      'the query diagnostic to go away after the fix',
      10000,
      () => (lastlineDiagnostics(source).some((candidate) => ruleId(candidate) === 'string-built-query') ? undefined : true),
      () => describeDiagnostics(lastlineDiagnostics(source)),
    );
  });
});
