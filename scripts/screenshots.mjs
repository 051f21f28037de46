#!/usr/bin/env node
// `npm run screenshots`: the README's pictures of the real UI, taken — not drawn — by driving
// code-server on the demo repository (scripts/demo-workspace.mjs) with Playwright, as a person
// would: the quick-fix menu on the assistant's f-string SQL, the Routes view, the AI Changes view,
// and the gate refusing a commit from Source Control. Writes media/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cleanups, Stop } from './code-server.mjs';
import { createDemoRepository } from './demo-workspace.mjs';
import { openWorkbench } from './workbench-driver.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'media', 'screenshots');
// Small pictures that still read: the README shows them at about this width.
const VIEWPORT = { width: 1200, height: 720 };

const cleanups = new Cleanups();
cleanups.exitOnSignals();

async function main() {
  mkdirSync(out, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'lastline-screenshots-'));
  cleanups.push(() => rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  const repo = join(temp, 'lastline-demo');
  createDemoRepository(repo);
  const workbench = await openWorkbench({ folder: repo, dataDir: join(temp, 'code-server'), cleanups, extensionDevelopmentPath: root, viewport: VIEWPORT });
  const { page } = workbench;
  const shot = async (name) => {
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`media/screenshots/${name}.png`);
  };
  await page.locator('.statusbar-item', { hasText: '1 unreviewed' }).waitFor({ state: 'visible', timeout: 60_000 });

  // The assistant's endpoint: gutter marks, CodeLens, the findings and the quick-fix menu.
  const editor = await workbench.openFile('coupon-service/app.py', 'validate_coupon');
  await editor.locator('.codelens-decoration', { hasText: 'AI-written' }).waitFor({ state: 'visible' });
  await editor.locator('.squiggly-error').first().waitFor({ state: 'visible' });
  await workbench.goToLine(27);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible' });
  await workbench.settled(menu);
  await shot('quick-fix');
  await page.keyboard.press('Escape');

  // The Routes view beside the internal tool's open admin route.
  await workbench.openFile('internal-tool/server.ts', '/admin/users/:id/reset');
  await workbench.runCommand('Focus on Routes View');
  // Fold the file tree so that the views below it have room.
  await page.locator('.pane-header', { hasText: 'lastline-demo' }).click();
  const routes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
  await routes.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
  for (const row of await routes.locator('.monaco-list-row[aria-expanded="false"]').all()) await row.click();
  await routes.locator('.monaco-list-row', { hasText: '/admin/users/:id/reset' }).waitFor({ state: 'visible' });
  await shot('routes-view');

  // The AI Changes view, with the assistant's hunk and its findings; selecting the hunk opens it.
  await page.locator('.pane-header', { hasText: 'Routes' }).click();
  await workbench.runCommand('Focus on AI Changes View');
  const changes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'AI Changes' }) });
  const hunk = changes.locator('.monaco-list-row', { hasText: /finding/ }).first();
  await hunk.waitFor({ state: 'visible' });
  await hunk.click();
  await workbench.editor().locator('.view-lines', { hasText: 'validate_coupon' }).waitFor({ state: 'visible' });
  await shot('ai-changes-view');

  // The gate refusing the commit from Source Control.
  await workbench.runCommand('Git: Stage All Changes');
  await workbench.commitFromSourceControl('Add coupon validation');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible' });
  await workbench.settled(dialog);
  await shot('gate-refusal');
}

main()
  .then(() => cleanups.run())
  .catch(async (error) => {
    console.error(error instanceof Stop ? error.message : error);
    await cleanups.run();
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 1000).unref());
