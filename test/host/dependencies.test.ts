// Dependencies in the editor: an open requirements.txt is checked against OSV (a real server on
// loopback, started by this test in the extension host's process) in a worker thread, the finding
// appears as a diagnostic, and it follows the editor's unsaved text.
import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { startOsvServer, type OsvServer } from '../unit/osv-server';
import { startRegistryServer, type RegistryServer } from '../unit/registry-server';
import { createFile, describeDiagnostics, lastlineDiagnostics, open, ruleId, waitFor, workspaceFile } from './helpers';

describe('dependencies in the editor', function () {
  this.timeout(60_000);
  let osv: OsvServer;
  let registry: RegistryServer;
  let cacheFolder: string;
  const saved = { ...process.env };

  before(async () => {
    osv = await startOsvServer();
    registry = await startRegistryServer([{ ecosystem: 'PyPI', name: 'Flask', created: '2010-04-06T14:27:00Z', versions: ['2.2.2', '2.2.5'] }]);
    // The worker threads the extension starts from now on take this environment: the loopback
    // services, and a cache folder of this test's own (never the user's).
    cacheFolder = mkdtempSync(join(tmpdir(), 'lastline-host-deps-cache-'));
    Object.assign(process.env, {
      LASTLINE_OSV_URL: osv.url,
      LASTLINE_PYPI_URL: registry.url,
      LASTLINE_NPM_REGISTRY_URL: registry.url,
      XDG_CACHE_HOME: cacheFolder,
    });
    delete process.env.LASTLINE_OFFLINE;
  });
  after(async () => {
    for (const key of ['LASTLINE_OSV_URL', 'LASTLINE_PYPI_URL', 'LASTLINE_NPM_REGISTRY_URL', 'XDG_CACHE_HOME', 'LASTLINE_OFFLINE'] as const) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    rmSync(cacheFolder, { recursive: true, force: true });
    await osv.close();
    await registry.close();
  });

  it('shows a vulnerable pin in requirements.txt, and follows the unsaved text', async () => {
    const file = workspaceFile('service/requirements.txt');
    await createFile(file, 'Flask==2.2.2\n');
    const editor = await open(file);
    const diagnostic = await waitFor(
      'a vulnerable-dependency diagnostic on service/requirements.txt',
      30_000,
      () => lastlineDiagnostics(file).find((candidate) => ruleId(candidate) === 'vulnerable-dependency'),
      () => describeDiagnostics(vscode.languages.getDiagnostics(file)),
    );
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /`Flask` 2\.2\.2 is affected by .*GHSA-m2qf-hxjv-5gpq.*Fixed in 2\.2\.5\./);
    assert.ok(
      osv.requests.some((request) => request.path === '/v1/querybatch'),
      'OSV was asked',
    );

    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 12), 'Flask==2.2.5'));
    await waitFor(
      'the diagnostic to go once the editor holds the fixed version (unsaved)',
      30_000,
      () => (lastlineDiagnostics(file).some((candidate) => ruleId(candidate) === 'vulnerable-dependency') ? undefined : true),
      () => describeDiagnostics(lastlineDiagnostics(file)),
    );
    assert.ok(editor.document.isDirty);
  });
});
