// Inline secrets in the editor: the diagnostic, and the "Move to environment variable" quick fix
// applied through VS Code's own code-action machinery, with .env, .gitignore and .env.example.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { createFile, describeDiagnostics, lastlineDiagnostics, open, readFile, ruleId, waitFor, workspaceFile } from './helpers';

/** A Stripe-shaped live key built at run time (never a literal in the repository). */
const KEY = [
  'sk',
  'live',
  createHash('sha256')
    .update('host-secret')
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 24),
].join('_');

describe('inline secrets', () => {
  it('moves a Stripe key to .env with the quick fix', async () => {
    const source = workspaceFile('src/billing.ts');
    await createFile(workspaceFile('.gitignore'), 'node_modules\n');
    await createFile(source, `import Stripe from 'stripe';\nexport const stripe = new Stripe("${KEY}");\n`);
    const editor = await open(source);

    const diagnostic = await waitFor(
      'a provider-token diagnostic on src/billing.ts',
      10000,
      () => lastlineDiagnostics(source).find((candidate) => ruleId(candidate) === 'provider-token'),
      () => describeDiagnostics(vscode.languages.getDiagnostics(source)),
    );
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!diagnostic.message.includes(KEY.slice(8)), 'the message must not echo the key');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      source,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    const move = actions.find((action) => action.title === 'Move to environment variable STRIPE_SECRET_KEY');
    assert.ok(move?.edit, `no move fix among: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Record as a false positive in .lastline.json…'), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(move.edit), 'the workspace edit was rejected');

    assert.strictEqual(editor.document.getText(), `import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`);
    await editor.document.save();
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) await document.save();
    assert.strictEqual(await readFile(workspaceFile('.env')), `STRIPE_SECRET_KEY=${KEY}\n`);
    assert.strictEqual(await readFile(workspaceFile('.gitignore')), 'node_modules\n.env\n');
    assert.strictEqual(await readFile(workspaceFile('.env.example')), 'STRIPE_SECRET_KEY=\n');

    await waitFor(
      'the diagnostic to go away after the fix',
      10000,
      () => (lastlineDiagnostics(source).length === 0 ? true : undefined),
      () => describeDiagnostics(lastlineDiagnostics(source)),
    );
  });
});
