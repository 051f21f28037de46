// Smoke suite, run inside a real extension host: the extension activates and reports an inline
// private key as a diagnostic, and leaves prose that merely names the PEM marker alone.
import * as assert from 'assert';
import * as vscode from 'vscode';

import { describeDiagnostics, EXTENSION_ID, lastlineDiagnostics, open, sleep, waitFor, workspaceFile } from './helpers';

async function privateKeyDiagnostic(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor(
    `a lastline private-key diagnostic on ${vscode.workspace.asRelativePath(uri)}`,
    10000,
    () => lastlineDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'private-key'),
    () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
  );
}

describe('activation', () => {
  const pem = (): vscode.Uri => workspaceFile('config/deploy.pem');
  const prose = (): vscode.Uri => workspaceFile('config/example.md');

  it('is installed and becomes active', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
    if (!extension.isActive) await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('reports the private key in config/deploy.pem', async () => {
    const uri = pem();
    await open(uri);
    const diagnostic = await privateKeyDiagnostic(uri);

    const code = diagnostic.code;
    assert.ok(typeof code === 'object', `code should be { value, target }, got ${JSON.stringify(code)}`);
    assert.strictEqual(code.value, 'private-key');
    assert.ok(code.target instanceof vscode.Uri, `code.target should be a Uri, got ${String(code.target)}`);
    assert.strictEqual(diagnostic.range.start.line, 0, 'the diagnostic should start on the BEGIN line');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  });

  it('leaves prose that only names the PEM marker alone', async () => {
    // Prove the analyser is running first, so "no diagnostics" below means something.
    await privateKeyDiagnostic(pem());

    const uri = prose();
    await open(uri);
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      const found = lastlineDiagnostics(uri);
      assert.strictEqual(found.length, 0, `unexpected lastline diagnostics on config/example.md: ${describeDiagnostics(found)}`);
      await sleep(100);
    }
  });
});
