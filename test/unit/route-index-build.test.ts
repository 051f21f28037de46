// The CLI's route index reads files that hold only auth helpers only when the project has routes
// (a library or a tool then costs no parse for its 401s); the editor's index reads them always.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../src/core/config';
import { buildRouteIndex } from '../../src/scan/route-index';
import { tempDir, writeTree } from './helpers';

const HELPER = `export function requireAdmin(req, res, next) {\n  if (!req.user?.admin) return res.status(403).send('Forbidden');\n  next();\n}\n`;
const APP = `const express = require('express');\nconst { requireAdmin } = require('./auth');\nconst app = express();\napp.delete('/admin/users/:id', requireAdmin, (req, res) => res.sendStatus(204));\nmodule.exports = app;\n`;

describe('route index build', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('skips helper-only files when the project has no routes, unless asked to read everything', async () => {
    writeTree(dir.path, { 'auth.js': HELPER, 'util.js': 'exports.add = (a, b) => a + b;\n' });
    const lazy = await buildRouteIndex(dir.path, defaultConfig(), { helpersOnlyWithRoutes: true });
    assert.deepEqual([...lazy.summaries.keys()], []);
    const full = await buildRouteIndex(dir.path, defaultConfig());
    assert.deepEqual([...full.summaries.keys()], ['auth.js']);
  });

  it('reads helper-only files once a route exists, so guards defined elsewhere are known', async () => {
    writeTree(dir.path, { 'auth.js': HELPER, 'app.js': APP });
    const lazy = await buildRouteIndex(dir.path, defaultConfig(), { helpersOnlyWithRoutes: true });
    const full = await buildRouteIndex(dir.path, defaultConfig());
    assert.deepEqual([...lazy.summaries.keys()].sort(), ['app.js', 'auth.js']);
    assert.deepEqual(new Map([...lazy.summaries].sort()), new Map([...full.summaries].sort()));
    assert.ok(lazy.summaries.get('auth.js')!.authDefinitions.length > 0);
  });
});
