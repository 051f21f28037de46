// A person's path through the commit gate in a real VS Code (code-server in headless Chromium,
// driven by Playwright — keys and clicks only, no extension API): an agent's edit recorded through
// `lastline record` shows gutter marks and a CodeLens; committing from Source Control is refused
// with the gate's message; the person approves in the diff review; the commit then succeeds and
// carries the AI-Reviewed-by trailer. Each step leaves a screenshot in the artifacts folder
// (LASTLINE_UI_ARTIFACTS, default test-results/ui; not committed).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cleanups } from '../../scripts/code-server.mjs';
import { openWorkbench } from '../../scripts/workbench-driver.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = join(root, 'bin', 'lastline.js');
const artifacts = resolve(process.env.LASTLINE_UI_ARTIFACTS || join(root, 'test-results', 'ui'));
const VERBOSE = /^(1|true|yes)$/i.test(process.env.LASTLINE_HOST_TEST_VERBOSE ?? '');
const REVIEWER = { name: 'Ada Reviewer', email: 'ada@example.com' };
const COMMIT_MESSAGE = 'Coupons: answer ok only for a known code';

/** A Claude Code hook payload from the recorded fixtures, pointed at `repo`. */
function claudePayload(name, repo) {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'agent-hooks', name), 'utf8').replaceAll('/REPO', repo));
}

function git(repo, ...args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function lastline(repo, args, input) {
  return execFileSync(process.execPath, [cli, ...args], { cwd: repo, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * The coupon service at its last commit, the commit gate installed, and Claude Code's Edit of the
 * redemption endpoint recorded the way the agent's hooks record it: PreToolUse, the edit, PostToolUse.
 */
function prepareRepository(repo) {
  const pre = claudePayload('claude-pre-edit.json', repo);
  const post = claudePayload('claude-post-edit.json', repo);
  mkdirSync(join(repo, 'app'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', REVIEWER.name);
  git(repo, 'config', 'user.email', REVIEWER.email);
  git(repo, 'config', 'commit.gpgsign', 'false');
  const file = join(repo, 'app', 'coupons.py');
  writeFileSync(file, post.tool_response.originalFile);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Coupon redemption');
  lastline(repo, ['hooks', 'install']);
  lastline(repo, ['record'], JSON.stringify(pre));
  writeFileSync(file, post.tool_response.originalFile.replace(pre.tool_input.old_string, pre.tool_input.new_string));
  lastline(repo, ['record'], JSON.stringify(post));
}

describe('the commit gate in VS Code, as a person uses it', function () {
  this.timeout(120_000);
  const cleanups = new Cleanups();
  let temp;
  let repo;
  let workbench;
  let page;
  let shot = 0;

  const screenshot = async (name) => {
    shot++;
    await page.screenshot({ path: join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`) });
  };

  before(async function () {
    this.timeout(180_000);
    cleanups.exitOnSignals();
    mkdirSync(artifacts, { recursive: true });
    temp = mkdtempSync(join(tmpdir(), 'lastline-ui-'));
    cleanups.push(() => rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
    repo = join(temp, 'coupon-service');
    mkdirSync(repo);
    prepareRepository(repo);

    const dataDir = join(temp, 'code-server');
    const echo = VERBOSE ? (chunk) => process.stderr.write(chunk.replace(/^(?=.)/gm, '[code-server] ')) : undefined;
    workbench = await openWorkbench({ folder: repo, dataDir, cleanups, extensionDevelopmentPath: root, echo });
    page = workbench.page;
    // Lastline is active once its status bar item counts the recorded hunk.
    await page.locator('.statusbar-item', { hasText: '1 unreviewed' }).waitFor({ state: 'visible', timeout: 60_000 });
  });

  after(async () => {
    await cleanups.run();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  it("shows the agent's lines: gutter marks and the CodeLens", async () => {
    const editor = await workbench.openFile('app/coupons.py', 'if row is None');
    const lens = editor.locator('.codelens-decoration', { hasText: 'AI-written · unreviewed (claude-code' });
    await lens.waitFor({ state: 'visible' });
    assert.match(await lens.innerText(), /Review\s*\|\s*Approve\s*\|\s*Not AI/);
    // The gutter icon of unreviewed AI lines, one per line of the agent's three.
    const marks = await editor
      .locator('.cgmr')
      .evaluateAll((nodes) => nodes.filter((node) => getComputedStyle(node).backgroundImage.includes('ai-unreviewed')).length);
    assert.equal(marks, 3);
    await screenshot('gutter-and-codelens');
  });

  it("refuses the commit from Source Control with the gate's message", async () => {
    await workbench.runCommand('Git: Stage All Changes');
    await workbench.commitFromSourceControl(COMMIT_MESSAGE);
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    assert.match(text, /commit stopped: 1 AI-written hunk is not reviewed by a person/);
    assert.match(text, /Source Control › "Review AI Changes"/);
    await screenshot('commit-refused');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '1');
  });

  it('approves the hunk in the diff review started from Source Control', async () => {
    await page.keyboard.press('Control+Shift+G');
    const action = page.locator('.part.sidebar .action-label[aria-label="Review AI Changes"]');
    await action.click();
    const diff = page.locator('.monaco-diff-editor');
    await diff.waitFor({ state: 'visible' });
    const toast = page.locator('.notification-toast', { hasText: 'Approve these lines?' });
    await toast.waitFor({ state: 'visible' });
    assert.match(await toast.innerText(), /app\/coupons\.py:13-15 \(claude-code\), staged/);
    await workbench.settled(toast);
    await screenshot('review-in-diff');
    await toast.locator('.monaco-button', { hasText: /^Approve$/ }).click();
    const done = page.locator('.notification-toast', { hasText: 'approved 1, rejected 0' });
    await done.waitFor({ state: 'visible' });
    await page.locator('.statusbar-item', { hasText: 'unreviewed' }).waitFor({ state: 'hidden' });
    const { reviews } = JSON.parse(readFileSync(join(repo, '.git', 'lastline', 'reviews.json'), 'utf8'));
    assert.deepEqual(
      reviews.map(({ decision, reviewer }) => ({ decision, reviewer })),
      [{ decision: 'approved', reviewer: REVIEWER }],
    );
    await workbench.settled(done);
    await screenshot('approved');
  });

  it('commits once reviewed; git log shows the AI-Reviewed-by trailer', async () => {
    await workbench.commitFromSourceControl(COMMIT_MESSAGE);
    // The commit is done when Source Control has nothing staged any more.
    await page.locator('.scm-view .monaco-list-row', { hasText: 'Staged Changes' }).waitFor({ state: 'detached' });
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '2');
    const message = git(repo, 'log', '-1', '--format=%B');
    assert.match(message, new RegExp(`^${COMMIT_MESSAGE}\\n`));
    assert.match(message, new RegExp(`^AI-Reviewed-by: ${REVIEWER.name} <${REVIEWER.email}>$`, 'm'));
    assert.match(message, /^Assisted-by: claude-code/m);
    await screenshot('committed');
  });
});
