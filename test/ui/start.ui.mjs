// `npm start` as a newcomer runs it: it prints a loopback URL, the page it names is VS Code with the
// packaged Lastline working on the demo (the assistant's recorded edit shows), nothing answers on
// the machine's other addresses, Ctrl-C leaves no process and no workspace behind, and a second
// start reuses the installed package. Uses a throwaway profile (LASTLINE_START_PROFILE).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cleanups, freePort, launchChromium } from '../../scripts/code-server.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const artifacts = resolve(process.env.LASTLINE_UI_ARTIFACTS || join(root, 'test-results', 'ui'));
const RUNNING = /Lastline is running in VS Code: (\S+)/;
const WORKSPACE = /workspace: (\S+) —/;

/** Starts `npm start`'s script; resolves once it printed its URL, with the process and what it said. */
function start(profile, port) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--skip-setup', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, LASTLINE_START_PROFILE: profile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const ready = new Promise((resolveReady, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const url = RUNNING.exec(output)?.[1];
      const workspace = WORKSPACE.exec(output)?.[1];
      if (url && workspace) resolveReady({ url, workspace });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    exited.then(({ code }) => reject(new Error(`npm start ended (exit code ${code}) before printing its URL:\n${output}`)));
  });
  return { child, exited, ready, output: () => output };
}

/** Processes whose command line names `text` (the throwaway workspace): none may outlive Ctrl-C. */
function processesNaming(text) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(pid);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

function answersOn(host, port) {
  return new Promise((resolveAnswer) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once('error', () => resolveAnswer(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolveAnswer(false);
    });
  });
}

describe('npm start', function () {
  this.timeout(240_000);
  const cleanups = new Cleanups();
  let profile;

  before(() => {
    profile = mkdtempSync(join(tmpdir(), 'lastline-start-profile-'));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  });
  after(() => cleanups.run());

  it('serves the demo on loopback with the packaged extension, and Ctrl-C leaves nothing behind', async () => {
    const port = await freePort();
    const run = start(profile, port);
    cleanups.push(() => run.child.exitCode === null && run.child.kill('SIGKILL'));
    const { url, workspace } = await run.ready;
    assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?folder=`));
    assert.match(run.output(), /listens on 127\.0\.0\.1 only \(loopback\)/);
    assert.ok(existsSync(join(workspace, '.git', 'lastline')), 'the demo repository holds the recorded edit');

    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (outside) assert.equal(await answersOn(outside.address, port), false, `code-server answers on ${outside.address}`);

    const browser = await launchChromium(cleanups);
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // The installed Lastline counts the assistant's recorded hunk.
    await page.locator('.statusbar-item', { hasText: '1 unreviewed' }).waitFor({ state: 'visible', timeout: 90_000 });
    await page.screenshot({ path: join(artifacts, 'start-demo.png') });
    await browser.close();

    run.child.kill('SIGINT');
    const exit = await run.exited;
    assert.equal(exit.code, 130, run.output());
    assert.equal(existsSync(workspace), false, 'the throwaway workspace is removed');
    assert.deepEqual(processesNaming(workspace), []);
    assert.equal(await answersOn('127.0.0.1', port), false, 'nothing listens on the port any more');
  });

  it('reuses the installed package the second time', async () => {
    const run = start(profile, await freePort());
    cleanups.push(() => run.child.exitCode === null && run.child.kill('SIGKILL'));
    await run.ready;
    assert.match(run.output(), /already installed in the profile/);
    run.child.kill('SIGINT');
    assert.equal((await run.exited).code, 130);
  });
});
