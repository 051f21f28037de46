#!/usr/bin/env node
// Runs the extension-host suites (out/test/host/index.js) inside a real VS Code.
//
//   Mode A — LASTLINE_VSCODE_EXECUTABLE points to a VS Code binary: @vscode/test-electron runs it.
//   Mode B — default: code-server (VS Code server from npm, installed by `npm run setup`) serves
//            the workbench, and headless Chromium (driven by playwright-core) opens it with the
//            extension-development and extension-tests payload. The workbench reports the suite's
//            output through window.codeAutomationLog and its exit code through codeAutomationExit.
//            (@vscode/test-electron would download VS Code from the internet; these machines can't.)
//
// Each run opens a fresh temp copy of test/fixtures/host-workspace (with `git init`), so tests never
// touch the repo. Ends with the line `host: N passed, M failed` and exits with the suite's code.
//
// Env: LASTLINE_VSCODE_EXECUTABLE (mode A), LASTLINE_CHROMIUM (default /usr/bin/chromium),
//      LASTLINE_CODE_SERVER_DIR (see scripts/code-server-dir.mjs), LASTLINE_HOST_TEST_TIMEOUT (s,
//      default 300), LASTLINE_HOST_TEST_VERBOSE=1 (also print workbench logs and browser console),
//      LASTLINE_HOST_TESTS (another suite entry exporting run(), e.g. bench/activation-suite.js).
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { codeServerDir } from '../../scripts/code-server-dir.mjs';

const require = createRequire(import.meta.url);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionMain = resolve(root, pkg.main ?? 'dist/extension.js');
// LASTLINE_HOST_TESTS runs another suite entry in the same setup (the benchmark's activation probe).
const extensionTestsPath = process.env.LASTLINE_HOST_TESTS ? resolve(process.env.LASTLINE_HOST_TESTS) : join(root, 'out', 'test', 'host', 'index.js');
const fixtureWorkspace = join(root, 'test', 'fixtures', 'host-workspace');

const SERVER_START_TIMEOUT_MS = 60_000;
const VERBOSE = /^(1|true|yes)$/i.test(process.env.LASTLINE_HOST_TEST_VERBOSE ?? '');
const SUMMARY = /^host: (\d+) passed, (\d+) failed\s*$/m; // printed by test/host/index.ts

const started = Date.now();
const elapsed = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[host] ${message}`);

/** A failure with its own exit code; the message is printed as is. */
class Stop extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

function runTimeoutMs() {
  const value = process.env.LASTLINE_HOST_TEST_TIMEOUT;
  if (value === undefined || value === '') return 300_000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Stop(`LASTLINE_HOST_TEST_TIMEOUT must be a positive number of seconds, got "${value}"`, 2);
  return n * 1000;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything that must be undone is registered here and run once, last in first out,
// on normal exit, on an exception and on SIGINT/SIGTERM.

const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (err) {
        console.error(`[host] cleanup: ${err?.message ?? err}`);
      }
    }
  })();
  return cleaning;
}
let interrupted = false; // set by a signal: whatever the cleanup then breaks is not a test failure
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`[host] ${signal}: cleaning up`);
    cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------
// Shared preparation

function checkBuilt() {
  const missing = [extensionMain, extensionTestsPath].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Stop(`missing ${missing.map((f) => f.slice(root.length + 1)).join(' and ')}; run \`npm run pretest\` first (build + compile)`, 2);
  }
}

function makeTemp() {
  const dir = mkdtempSync(join(tmpdir(), 'lastline-host-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  return dir;
}

/** A fresh copy of the fixture workspace, made a git repository. */
function makeWorkspace(temp) {
  const workspace = join(temp, 'host-workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  try {
    execFileSync('git', ['init', '-q'], { cwd: workspace, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Stop(`git init in the workspace copy failed: ${err.stderr?.toString().trim() || err.message}`, 2);
  }
  return workspace;
}

/** Environment for child processes: nothing from a surrounding VS Code (its CLI hook would make
 *  code-server open the folder in that instance instead of starting its own). */
function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

function summaryLine(summary) {
  return summary ? `host: ${summary.passed} passed, ${summary.failed} failed` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Mode A: a local VS Code binary through @vscode/test-electron

async function runWithVSCode(executable, temp, workspace) {
  if (!existsSync(executable)) throw new Stop(`LASTLINE_VSCODE_EXECUTABLE points to ${executable}, which does not exist`, 2);
  const { runTests } = require('@vscode/test-electron');
  let summary;
  // test-electron pipes VS Code's output to our stdout; watch it for the suite's summary line.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const m = SUMMARY.exec(String(chunk));
    if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
    return write(chunk, ...rest);
  };
  cleanups.push(() => { process.stdout.write = write; });
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [
        workspace, '--disable-extensions', '--disable-workspace-trust',
        // A fresh profile per run (test-electron would otherwise keep one in <repo>/.vscode-test).
        `--user-data-dir=${join(temp, 'user-data')}`, `--extensions-dir=${join(temp, 'extensions')}`,
      ],
    });
  } catch (err) {
    code = Number.isInteger(err?.code) && err.code > 0 && err.code < 256 ? err.code : 1;
    say(`VS Code run failed: ${err?.message ?? err}`);
  }
  process.stdout.write = write;
  return { code, summary };
}

// ---------------------------------------------------------------------------------------------
// Mode B: code-server + headless Chromium

function freePort() {
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

/** Keeps the last lines a child wrote, for error messages. */
function tail(limit = 40) {
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
      return [...lines, partial].filter(Boolean).map((l) => `    ${l}`).join('\n') || '    (no output)';
    },
  };
}

function startCodeServer(binary, port, temp, workspace) {
  const configFile = join(temp, 'code-server-config.yaml');
  // Without a config file code-server writes one (with a password) to ~/.config/code-server.
  writeFileSync(configFile, 'auth: none\n');
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', join(temp, 'user-data'),
    '--extensions-dir', join(temp, 'extensions'),
    workspace,
  ];
  const output = tail();
  const child = spawn(binary, args, {
    cwd: workspace,
    detached: true, // own process group, so the whole tree (server, extension host, ...) can be killed
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({ CODE_SERVER_CONFIG: configFile }),
  });
  const exited = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', (err) => resolveExit({ code: null, signal: null, error: err }));
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output.push(chunk);
      if (VERBOSE) process.stderr.write(chunk.replace(/^(?=.)/gm, '[code-server] '));
    });
  }
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const group = -child.pid;
    const kill = (signal) => { try { process.kill(group, signal); } catch { /* already gone */ } };
    kill('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
    kill('SIGKILL'); // also takes any straggler in the group when the leader did exit
    if (!gone) await Promise.race([exited, sleep(2000)]);
  });
  return { child, output, exited };
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

async function waitForServer(server, url) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let exit;
  server.exited.then((e) => { exit = e; });
  while (Date.now() < deadline) {
    if (exit) {
      const why = exit.error ? exit.error.message : `exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}`;
      throw new Stop(`code-server stopped before answering (${why}); its output ended with:\n${server.output.text()}`);
    }
    if (await httpAnswers(url)) return;
    await sleep(250);
  }
  throw new Stop(`code-server did not answer on ${url} within ${SERVER_START_TIMEOUT_MS / 1000} s; its output ended with:\n${server.output.text()}`);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// Workbench log lines that are expected noise in a headless, offline run.
const QUIET_LOG = [
  /^\[driver\]/,
  /^\[Service Worker\]/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^ChatSessionStore:/,
  /^Updating additional builtin extensions cache/,
  // the workbench's extension-gallery lookups fail offline
  /(ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED)\b.*\b(open-vsx\.org|visualstudio\.com|vscode-cdn\.net|vscode-unpkg\.net)/,
];
// Browser console errors that are expected noise in a headless, offline run.
const QUIET_CONSOLE = [
  /net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED)/,
  /Failed to load resource/,
  /open-vsx\.org|marketplace\.visualstudio\.com|update\.code\.visualstudio\.com|vscode-unpkg\.net|vscode-cdn\.net/,
];

async function runWithCodeServer(temp, workspace) {
  const binary = join(codeServerDir(), 'node_modules', '.bin', 'code-server');
  if (!existsSync(binary)) {
    throw new Stop(`code-server is not installed (expected ${binary}); run \`npm run setup\` first`, 2);
  }
  const chromiumPath = process.env.LASTLINE_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    throw new Stop(`Chromium not found at ${chromiumPath}; run \`npm run setup\` (installs Debian's chromium) or set LASTLINE_CHROMIUM`, 2);
  }
  const { chromium } = require('playwright-core');

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const serverStart = Date.now();
  const server = startCodeServer(binary, port, temp, workspace);
  await waitForServer(server, `${origin}/healthz`);
  say(`code-server ready on ${origin} in ${elapsed(serverStart)}`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Our own signal handlers close the browser during cleanup; playwright's would exit the process first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  cleanups.push(() => Promise.race([browser.close(), sleep(10_000)]));
  const page = await browser.newPage();

  let summary;
  const browserErrors = []; // printed when the run fails
  const printedErrors = new Set();
  let settle;
  const finished = new Promise((r) => { settle = r; });

  // The workbench calls codeAutomationLog(level, args) for its own log lines and for the extension
  // host's console output: level is 'trace' | 'debug' | 'info' | 'warn' | 'error', args the
  // console call's raw arguments, e.g. ['    ✔ %s (%dms)', 'reports …', 320] from mocha.
  await page.exposeFunction('codeAutomationLog', (level, ...rest) => {
    const args = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
    const text = typeof args[0] === 'string' ? format(...args) : args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    const m = SUMMARY.exec(text);
    if (m) {
      summary = { passed: Number(m[1]), failed: Number(m[2]) };
      return; // printed once, at the very end
    }
    if (!VERBOSE && QUIET_LOG.some((re) => re.test(text))) return;
    if (level === 'error' || level === 'warn') {
      // A suite's rejection reaches us twice (the suite's console and the workbench's log): print once.
      if (printedErrors.has(text.trim())) return;
      printedErrors.add(text.trim());
      console.error(text);
    } else {
      console.log(text);
    }
  });
  // Called with the suite's exit code once run() settles (and the extension host has shut down).
  await page.exposeFunction('codeAutomationExit', (code) => {
    settle({ code: typeof code === 'number' ? code : 1 });
  });
  page.on('pageerror', (err) => {
    browserErrors.push(`page error: ${err.stack || err.message}`);
    if (VERBOSE) console.error(`[browser] page error: ${err.message}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && !VERBOSE) return;
    const text = msg.text();
    if (VERBOSE) console.error(`[browser:${msg.type()}] ${text}`);
    // '%c'-styled lines come from the workbench's log service, which codeAutomationLog already got.
    if (msg.type() === 'error' && !text.startsWith('%c') && !QUIET_CONSOLE.some((re) => re.test(text))) browserErrors.push(text);
  });
  page.on('crash', () => settle({ code: 1, why: 'the browser page crashed' }));
  browser.on('disconnected', () => interrupted || settle({ code: 1, why: 'the browser disconnected' }));
  server.exited.then((e) => interrupted || settle({ code: 1, why: `code-server exited during the run (code ${e.code}, signal ${e.signal}); its output ended with:\n${server.output.text()}` }));

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`],
    ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${extensionTestsPath}`],
    ['skipWelcome', 'true'],
  ];
  const url = `${origin}/?${new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) })}`;
  const runStart = Date.now();
  const RUN_TIMEOUT_MS = runTimeoutMs();
  const timer = setTimeout(() => settle({ code: 1, why: `timed out after ${RUN_TIMEOUT_MS / 1000} s (LASTLINE_HOST_TEST_TIMEOUT)` }), RUN_TIMEOUT_MS);
  cleanups.push(() => clearTimeout(timer));
  page.goto(url, { waitUntil: 'domcontentloaded', timeout: SERVER_START_TIMEOUT_MS })
    .catch((err) => settle({ code: 1, why: `could not open the workbench: ${err.message}` }));

  const result = await finished;
  if (result.why) say(`run stopped after ${elapsed(runStart)}: ${result.why}`);
  else say(`suites finished in ${elapsed(runStart)} (exit code ${result.code})`);
  const unique = [...new Set(browserErrors.map((e) => e.trim()))].filter((e) => !printedErrors.has(e));
  if (result.code !== 0 && unique.length) {
    say(`browser console errors (${unique.length}):\n${unique.slice(-20).map((e) => `    ${e}`).join('\n')}`);
  }
  return { code: result.code, summary };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  runTimeoutMs(); // validate before starting anything
  checkBuilt();
  const temp = makeTemp();
  const workspace = makeWorkspace(temp);
  const executable = process.env.LASTLINE_VSCODE_EXECUTABLE;
  const { code, summary } = executable
    ? await runWithVSCode(executable, temp, workspace)
    : await runWithCodeServer(temp, workspace);
  await cleanup();
  let exitCode = code;
  if (!summary) {
    say('the suite printed no summary (it did not run to the end)');
    if (exitCode === 0) exitCode = 1;
  } else if (summary.failed > 0 && exitCode === 0) {
    exitCode = 1;
  }
  say(`total ${elapsed()}`);
  console.log(summaryLine(summary) ?? 'host: 0 passed, 1 failed');
  return exitCode;
}

main().then(
  (code) => { process.exitCode = code; },
  async (err) => {
    console.error(err instanceof Stop ? `[host] ${err.message}` : `[host] ${err?.stack ?? err}`);
    await cleanup();
    process.exitCode = err instanceof Stop ? err.code : 1;
  },
).finally(() => {
  // Whatever playwright or a half-dead child left open must not keep us alive.
  setTimeout(() => process.exit(), 1000).unref();
});
