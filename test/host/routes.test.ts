// Open routes in the editor: a router in one file, mounted by an app in another whose routes are
// guarded. The open export route is an error diagnostic; its quick fix adds the app's guard with
// the import; the Routes view lists the routes with their auth.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createFile, describeDiagnostics, EXTENSION_ID, lastlineDiagnostics, open, ruleId, waitFor, workspaceFile } from './helpers';

const APP = `const express = require('express');
const { requireAuth } = require('./auth');
const reports = require('./reports');

const app = express();
app.get('/dashboard', requireAuth, (req, res) => res.send('dashboard'));
app.use('/reports', reports);

module.exports = app;
`;

const AUTH = `function requireAuth(req, res, next) {
  if (!req.session || !req.session.userId) return res.status(401).json({ error: 'sign in first' });
  next();
}

module.exports = { requireAuth };
`;

const REPORTS = `const express = require('express');

const router = express.Router();

router.get('/', (req, res) => res.json([]));
router.post('/export', (req, res) => res.json({ started: true }));

module.exports = router;
`;

interface RouteNode {
  kind: string;
  label?: string;
  entries?: { entry: { label: string; auth: string } }[];
}

describe('open routes', function () {
  // The route index is built on first need and follows saved files: allow for both.
  this.timeout(60000);
  it('reports the open export route across files and adds the app guard with the quick fix', async () => {
    await createFile(workspaceFile('server/auth.js'), AUTH);
    await createFile(workspaceFile('server/app.js'), APP);
    const reports = workspaceFile('server/reports.js');
    await createFile(reports, REPORTS);
    const editor = await open(reports);

    const diagnostic = await waitFor(
      'an open-route error on server/reports.js',
      20000,
      () => lastlineDiagnostics(reports).find((candidate) => ruleId(candidate) === 'open-route' && candidate.severity === vscode.DiagnosticSeverity.Error),
      () => describeDiagnostics(vscode.languages.getDiagnostics(reports)),
    );
    assert.strictEqual(diagnostic.range.start.line, 5);
    assert.match(diagnostic.message, /POST \/reports\/export has no authentication/);
    assert.ok(
      diagnostic.relatedInformation?.some((related) => related.location.uri.path.endsWith('/server/app.js')),
      'points at the guarded sibling in app.js',
    );

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      reports,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => /requireAuth/.test(action.title));
    assert.ok(fix?.edit, `no guard fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(
      actions.some((action) => action.title.startsWith('Mark as intentionally public')),
      'offers marking it public',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const fixed = editor.document.getText();
    assert.match(fixed, /router\.post\('\/export', requireAuth, \(req, res\)/);
    assert.match(fixed, /const \{ requireAuth \} = require\('\.\/auth'\);/);
    // The export route is guarded now; `GET /reports` stays reported (a warning: its app is guarded).
    await waitFor(
      'the export route diagnostic to go away after the fix',
      10000,
      () =>
        lastlineDiagnostics(reports).some((candidate) => ruleId(candidate) === 'open-route' && candidate.message.includes('/reports/export'))
          ? undefined
          : true,
      () => describeDiagnostics(lastlineDiagnostics(reports)),
    );
    const remaining = lastlineDiagnostics(reports).filter((candidate) => ruleId(candidate) === 'open-route');
    assert.deepEqual(
      remaining.map((candidate) => [candidate.message.match(/Open route: (\S+ \S+)/)?.[1], candidate.severity]),
      [['GET /reports', vscode.DiagnosticSeverity.Warning]],
    );
    await editor.document.save();
  });

  it('lists the routes in the Routes view', async () => {
    const extension = vscode.extensions.getExtension<{ routesView: vscode.TreeDataProvider<RouteNode> }>(EXTENSION_ID);
    assert.ok(extension);
    const view = (extension.isActive ? extension.exports : await extension.activate()).routesView;
    const routesOf = async () => {
      const frameworks = (await view.getChildren()) ?? [];
      return frameworks.flatMap((node) => node.entries ?? []).map(({ entry }) => `${entry.label} ${entry.auth}`);
    };
    // The view follows the route index, which follows saved files: each time the view says it
    // changed, look again until the saved fix shows (mocha's timeout bounds the wait, no clock here).
    assert.ok(view.onDidChangeTreeData, 'the Routes view announces its changes');
    const listed = await new Promise<string[]>((resolve) => {
      let settled = false;
      const look = async () => {
        const now = await routesOf();
        if (settled || !now.includes('POST /reports/export guarded')) return;
        settled = true;
        subscription.dispose();
        resolve(now);
      };
      const subscription = view.onDidChangeTreeData!(() => void look());
      void look();
    });
    assert.ok(listed.includes('GET /dashboard guarded'), listed.join(', '));
    assert.ok(listed.includes('POST /reports/export guarded'), listed.join(', '));
    assert.ok(listed.includes('GET /reports open'), listed.join(', '));
  });
});
