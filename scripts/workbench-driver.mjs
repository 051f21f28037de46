// Drives a code-server workbench the way a person does — keys, clicks, the Command Palette — for
// the UI test (test/ui/) and the README screenshots (scripts/screenshots.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, launchChromium, startCodeServer, waitForServer, workbenchUrl } from './code-server.mjs';

/** A quiet workbench: no welcome page, no tips, git without confirmations or background fetches. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.enableSmartCommit': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
};

/**
 * Serves `folder` with code-server (profile under `dataDir`) and opens it in headless Chromium with
 * the extension at `extensionDevelopmentPath`; resolves once the workbench shows.
 */
export async function openWorkbench({ folder, dataDir, cleanups, extensionDevelopmentPath, viewport = { width: 1400, height: 860 }, echo }) {
  mkdirSync(join(dataDir, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(dataDir, 'user-data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startCodeServer({ port, dataDir, folder, cleanups, echo });
  await waitForServer(server, origin);
  const browser = await launchChromium(cleanups);
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(30_000);
  await page.goto(workbenchUrl(origin, folder, { extensionDevelopmentPath }), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  return new Workbench(page);
}

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  /** Runs a command from the Command Palette. */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Opens a file through Quick Open (Ctrl+P) and waits for its editor to show `showing`. */
  async openFile(path, showing) {
    const { page } = this;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill(path);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: path.split('/').pop() })
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await this.editor().locator('.view-lines', { hasText: showing }).waitFor({ state: 'visible' });
    return this.editor();
  }

  /** The active text editor. */
  editor() {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  /** Moves the cursor to `line` (1-based) with Go to Line. */
  async goToLine(line) {
    const { page } = this;
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Types `message` into Source Control's input (replacing what is there) and presses Ctrl+Enter. */
  async commitFromSourceControl(message) {
    const { page } = this;
    await page.keyboard.press('Control+Shift+G');
    const input = page.locator('.scm-editor .monaco-editor').first();
    await input.waitFor({ state: 'visible' });
    await input.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(message);
    await page.keyboard.press('Control+Enter');
  }

  /** Waits out the animations in `locator` (a notification's fade-in), so that a screenshot shows it whole. */
  settled(locator) {
    return locator.evaluate((node) => Promise.all(node.getAnimations({ subtree: true }).map((animation) => animation.finished)));
  }
}
