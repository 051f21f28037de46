// Runs a real VS Code on this machine without a desktop: code-server (VS Code's server, installed
// from npm by `npm run setup`) serves the workbench on loopback, and headless Chromium (Debian's,
// driven by playwright-core) opens it. Shared by the host tests (test/host/run.mjs), the UI test
// (test/ui/) and `npm start`, so that all three start, watch and stop the same way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerDir } from './code-server-dir.mjs';

const require = createRequire(import.meta.url);

export const SERVER_START_TIMEOUT_MS = 60_000;

/** A failure whose message is meant for the person who ran the command, with its own exit code. */
export class Stop extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

export function sleep(ms) {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/**
 * Everything that must be undone, run once, last in first out — on normal exit, on an exception and
 * on SIGINT/SIGTERM/SIGHUP (`onSignal` then decides the exit).
 */
export class Cleanups {
  #steps = [];
  #running;
  interrupted = false;

  push(step) {
    this.#steps.push(step);
  }

  /** Runs the steps registered so far; a later call runs the ones registered since. */
  run() {
    if (this.#running) return this.#running;
    const running = (async () => {
      while (this.#steps.length) {
        const step = this.#steps.pop();
        try {
          await step();
        } catch (err) {
          console.error(`cleanup: ${err?.message ?? err}`);
        }
      }
    })();
    this.#running = running.finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Cleans up and exits with 128 + the signal's number when one arrives. */
  exitOnSignals(say = (text) => console.error(text)) {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ]) {
      process.once(signal, () => {
        this.interrupted = true;
        say(`${signal}: cleaning up`);
        this.run().finally(() => process.exit(code));
      });
    }
  }
}

export function codeServerBinary() {
  const binary = join(codeServerDir(), 'node_modules', '.bin', 'code-server');
  if (!existsSync(binary)) throw new Stop(`code-server is not installed (expected ${binary}); run \`npm run setup\` first`, 2);
  return binary;
}

export function chromiumPath() {
  const path = process.env.LASTLINE_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Stop(`Chromium not found at ${path}; run \`npm run setup\` (installs Debian's chromium) or set LASTLINE_CHROMIUM`, 2);
  return path;
}

/** Installs a packaged extension into `extensionsDir` with code-server's own installer. */
export function installExtension(vsix, extensionsDir, userDataDir) {
  const result = spawnSync(codeServerBinary(), ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Stop(`code-server could not install ${vsix}:\n${(result.stderr || result.stdout || '').trim()}`, 2);
}

/** A TCP port free on loopback right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Environment for child processes: nothing from a surrounding VS Code (its CLI hook would make
 *  code-server open the folder in that instance instead of starting its own). */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

/** Keeps the last lines a child wrote, for error messages. */
export function outputTail(limit = 40) {
  const lines = [];
  let partial = '';
  return {
    push(chunk) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      lines.push(...parts);
      if (lines.length > limit) lines.splice(0, lines.length - limit);
    },
    text() {
      return (
        [...lines, partial]
          .filter(Boolean)
          .map((l) => `    ${l}`)
          .join('\n') || '    (no output)'
      );
    },
  };
}

/**
 * Starts code-server on 127.0.0.1:`port` with its own user-data and extensions folders under
 * `dataDir`, in its own process group (the whole tree is stopped by the registered cleanup).
 * Returns { child, output, exited }.
 */
export function startCodeServer({ port, dataDir, folder, cleanups, extensionsDir = join(dataDir, 'extensions'), echo, env = {} }) {
  const configFile = join(dataDir, 'code-server-config.yaml');
  // Without a config file code-server writes one (with a password) to ~/.config/code-server.
  writeFileSync(configFile, 'auth: none\n');
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    join(dataDir, 'user-data'),
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  const output = outputTail();
  const child = spawn(codeServerBinary(), args, {
    cwd: folder,
    detached: true, // own process group, so the whole tree (server, extension host, ...) can be killed
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({ CODE_SERVER_CONFIG: configFile, ...env }),
  });
  const exited = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', (err) => resolveExit({ code: null, signal: null, error: err }));
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output.push(chunk);
      echo?.(chunk);
    });
  }
  cleanups.push(() => stopProcessGroup(child, exited));
  return { child, output, exited };
}

/** SIGTERM to the group, SIGKILL to whatever is left after 5 s. */
async function stopProcessGroup(child, exited) {
  if (child.pid === undefined) return;
  const group = -child.pid;
  const kill = (signal) => {
    try {
      process.kill(group, signal);
    } catch {
      /* already gone */
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    kill('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
    if (!gone) await Promise.race([exited, sleep(2000)]);
  }
  kill('SIGKILL'); // also takes any straggler in the group when the leader did exit
}

function httpAnswers(url) {
  return new Promise((resolveAnswer) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolveAnswer(true);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolveAnswer(false));
    req.end();
  });
}

export async function waitForServer(server, origin) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let exit;
  server.exited.then((e) => {
    exit = e;
  });
  while (Date.now() < deadline) {
    if (exit) {
      const why = exit.error ? exit.error.message : `exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}`;
      throw new Stop(`code-server stopped before answering (${why}); its output ended with:\n${server.output.text()}`);
    }
    if (await httpAnswers(`${origin}/healthz`)) return;
    await sleep(250);
  }
  throw new Stop(`code-server did not answer on ${origin} within ${SERVER_START_TIMEOUT_MS / 1000} s; its output ended with:\n${server.output.text()}`);
}

/** Headless Debian Chromium through playwright-core, closed by the registered cleanup. */
export async function launchChromium(cleanups) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Our own signal handlers close the browser during cleanup; playwright's would exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  cleanups.push(() => Promise.race([browser.close(), sleep(10_000)]));
  return browser;
}

/**
 * The workbench URL for `folder`, optionally as an extension development host: `extensionDevelopmentPath`
 * loads the extension from source, `extensionTestsPath` runs a suite in it.
 */
export function workbenchUrl(origin, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(origin).host;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${extensionTestsPath}`]);
  return `${origin}/?${new URLSearchParams({ folder, payload: JSON.stringify(payload) })}`;
}
