// The packaged extension, as installed from dist/lastline.vsix: what a broken bundle or a file left
// out by .vscodeignore would break. Every path checked is inside the installed copy.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, describeDiagnostics, lastlineDiagnostics, open, ruleId, waitFor, workspaceFile } from '../host/helpers';

const INSTALLED_FROM = process.env.LASTLINE_SMOKE_EXTENSIONS_DIR;

function installed(): vscode.Extension<{ activationMs: number }> {
  const extension = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension;
}

/** Every file a contribution of package.json names (icons, walkthrough media, schemas). */
function contributedFiles(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (/^(icon|image|markdown|svg|path|url|light|dark|media)$/.test(key ?? '') && /\.(svg|png|md|json)$/.test(value) && !/^[a-z]+:/.test(value))
        files.add(value.replace(/^\.\//, ''));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit({ icon: manifest.icon, contributes: manifest.contributes });
  return [...files];
}

function writeWorkspaceFile(relative: string, text: string): vscode.Uri {
  const uri = workspaceFile(relative);
  mkdirSync(dirname(uri.fsPath), { recursive: true });
  writeFileSync(uri.fsPath, text);
  return uri;
}

/** Opens `uri` and waits for the installed Lastline's `rule` diagnostic in it. */
async function diagnosticOf(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  await open(uri);
  return waitFor(
    `a ${rule} diagnostic`,
    30000,
    () => lastlineDiagnostics(uri).find((diagnostic) => ruleId(diagnostic) === rule),
    () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
  );
}

describe('the installed .vsix', () => {
  it('is the copy from the clean extensions folder, and activates', async () => {
    const extension = installed();
    assert.ok(INSTALLED_FROM, 'the runner names the extensions folder in LASTLINE_SMOKE_EXTENSIONS_DIR');
    assert.ok(extension.extensionPath.startsWith(INSTALLED_FROM), `${extension.extensionPath} is not under ${INSTALLED_FROM}`);
    const api = await extension.activate();
    assert.strictEqual(typeof api.activationMs, 'number');
  });

  it('ships every file its manifest names', () => {
    const extension = installed();
    const files = contributedFiles(extension.packageJSON as Record<string, unknown>);
    assert.ok(files.length >= 5, `expected the icon, gutter icons and walkthrough media, found ${files.join(', ')}`);
    const missing = files.filter((file) => !existsSync(join(extension.extensionPath, file)));
    assert.deepStrictEqual(missing, []);
  });

  it('flags a string-built query in Python (engine bundle and tree-sitter WASM)', async () => {
    const uri = writeWorkspaceFile(
      'smoke/orders.py',
      'def find(cursor, request):\n    cursor.execute(f"SELECT * FROM orders WHERE id = {request.args[\'id\']}")\n',
    );
    assert.strictEqual((await diagnosticOf(uri, 'string-built-query')).range.start.line, 1);
  });

  it('flags an open admin route in TypeScript (the TypeScript parsers bundle)', async () => {
    const uri = writeWorkspaceFile(
      'smoke/server.ts',
      [
        "import express from 'express';",
        "import { requireAuth } from './auth';",
        'const app = express();',
        "app.get('/api/orders', requireAuth, (_req, res) => res.json([]));",
        "app.post('/admin/users/:id/reset', (_req, res) => res.json({ ok: true }));",
        '',
      ].join('\n'),
    );
    assert.strictEqual((await diagnosticOf(uri, 'open-route')).range.start.line, 4);
  });

  it('runs its CLI and its agent-hook recorder from the installed copy', () => {
    const extension = installed();
    const cli = join(extension.extensionPath, 'bin', 'lastline.js');
    const secret = writeWorkspaceFile('smoke/settings.py', 'STRIPE_KEY = "sk_live_51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW"\n');
    const scan = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', secret.fsPath], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.strictEqual(scan.status, 1, scan.stderr);
    assert.match(scan.stdout, /"ruleId":\s*"provider-token"/);
    // A payload that is not JSON: the recorder says so on one line and never fails the agent.
    const record = spawnSync(process.execPath, [cli, 'record'], { input: 'not json', encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.strictEqual(record.status, 0, record.stderr);
    assert.match(record.stderr, /^lastline: .+\n$/);
  });
});
