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
//      LASTLINE_HOST_TESTS (another suite entry exporting run(), e.g. bench/activation-suite.js),
//      LASTLINE_HOST_WORKSPACE (a folder to open a copy of instead of the fixture workspace).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  Cleanups,
  freePort,
  installExtension,
  launchChromium,
  SERVER_START_TIMEOUT_MS,
  startCodeServer,
  Stop,
  waitForServer,
  workbenchUrl,
} from '../../scripts/code-server.mjs';

const require = createRequire(import.meta.url);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionMain = resolve(root, pkg.main ?? 'dist/extension.js');
// LASTLINE_HOST_TESTS runs another suite entry in the same setup (the benchmark's activation probe).
const extensionTestsPath = process.env.LASTLINE_HOST_TESTS ? resolve(process.env.LASTLINE_HOST_TESTS) : join(root, 'out', 'test', 'host', 'index.js');
// LASTLINE_HOST_WORKSPACE opens a copy of another folder (the benchmark's 5,000-file tree).
const fixtureWorkspace = process.env.LASTLINE_HOST_WORKSPACE ? resolve(process.env.LASTLINE_HOST_WORKSPACE) : join(root, 'test', 'fixtures', 'host-workspace');

const VERBOSE = /^(1|true|yes)$/i.test(process.env.LASTLINE_HOST_TEST_VERBOSE ?? '');
const SUMMARY = /^host: (\d+) passed, (\d+) failed\s*$/m; // printed by test/host/index.ts

const started = Date.now();
const elapsed = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[host] ${message}`);

function runTimeoutMs() {
  const value = process.env.LASTLINE_HOST_TEST_TIMEOUT;
  if (value === undefined || value === '') return 300_000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Stop(`LASTLINE_HOST_TEST_TIMEOUT must be a positive number of seconds, got "${value}"`, 2);
  return n * 1000;
}

const cleanups = new Cleanups();
cleanups.exitOnSignals((text) => console.error(`[host] ${text}`));
const cleanup = () => cleanups.run();

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
  cleanups.push(() => {
    process.stdout.write = write;
  });
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        // A fresh profile per run (test-electron would otherwise keep one in <repo>/.vscode-test).
        `--user-data-dir=${join(temp, 'user-data')}`,
        `--extensions-dir=${join(temp, 'extensions')}`,
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

async function runWithCodeServer(temp, workspace, suite = { extensionDevelopmentPath: root, extensionTestsPath }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const serverStart = Date.now();
  const echo = VERBOSE ? (chunk) => process.stderr.write(chunk.replace(/^(?=.)/gm, '[code-server] ')) : undefined;
  const server = startCodeServer({
    port,
    dataDir: temp,
    folder: workspace,
    cleanups,
    echo,
    extensionsDir: suite.extensionsDir,
    env: { LASTLINE_OFFLINE: '1', XDG_CACHE_HOME: join(temp, 'cache'), ...suite.env },
  }); // no test reaches outside the machine or writes the user's cache
  await waitForServer(server, origin);
  say(`code-server ready on ${origin} in ${elapsed(serverStart)}`);

  const browser = await launchChromium(cleanups);
  const page = await browser.newPage();

  let summary;
  const browserErrors = []; // printed when the run fails
  const printedErrors = new Set();
  let settle;
  const finished = new Promise((r) => {
    settle = r;
  });

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
  browser.on('disconnected', () => cleanups.interrupted || settle({ code: 1, why: 'the browser disconnected' }));
  server.exited.then(
    (e) =>
      cleanups.interrupted ||
      settle({ code: 1, why: `code-server exited during the run (code ${e.code}, signal ${e.signal}); its output ended with:\n${server.output.text()}` }),
  );

  const url = workbenchUrl(origin, workspace, suite);
  const runStart = Date.now();
  const RUN_TIMEOUT_MS = runTimeoutMs();
  const timer = setTimeout(() => settle({ code: 1, why: `timed out after ${RUN_TIMEOUT_MS / 1000} s (LASTLINE_HOST_TEST_TIMEOUT)` }), RUN_TIMEOUT_MS);
  cleanups.push(() => clearTimeout(timer));
  page
    .goto(url, { waitUntil: 'domcontentloaded', timeout: SERVER_START_TIMEOUT_MS })
    .catch((err) => settle({ code: 1, why: `could not open the workbench: ${err.message}` }));

  const result = await finished;
  if (result.why) say(`run stopped after ${elapsed(runStart)}: ${result.why}`);
  else say(`suites finished in ${elapsed(runStart)} (exit code ${result.code})`);
  const unique = [...new Set(browserErrors.map((e) => e.trim()))].filter((e) => !printedErrors.has(e));
  if (result.code !== 0 && unique.length) {
    say(
      `browser console errors (${unique.length}):\n${unique
        .slice(-20)
        .map((e) => `    ${e}`)
        .join('\n')}`,
    );
  }
  return { code: result.code, summary };
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The packaged extension: dist/lastline.vsix installed into a clean extensions folder, and the
// smoke suite (test/smoke/) run against that installed copy — a broken bundle or a file that
// .vscodeignore leaves out fails here, not in a user's editor.

function packageExtension() {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '-s', 'package'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Stop(
      `npm run package failed (exit code ${result.status ?? result.signal}):\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n')}`,
    );
  say(`packaged dist/lastline.vsix in ${elapsed(started)}`);
  return join(root, 'dist', 'lastline.vsix');
}

function installPackage(vsix, temp) {
  const extensionsDir = join(temp, 'extensions');
  installExtension(vsix, extensionsDir, join(temp, 'user-data'));
  return extensionsDir;
}

async function runSmokeSuite() {
  const smokeTests = join(root, 'out', 'test', 'smoke', 'index.js');
  if (!existsSync(smokeTests)) throw new Stop('missing out/test/smoke/index.js; run `npm run pretest` first (build + compile)', 2);
  const vsix = packageExtension();
  const temp = makeTemp();
  const workspace = makeWorkspace(temp);
  const extensionsDir = installPackage(vsix, temp);
  say('smoke suite against the installed .vsix');
  return runWithCodeServer(temp, workspace, {
    // VS Code runs a suite only in a development host: an empty runner extension, so Lastline itself is the installed copy.
    extensionDevelopmentPath: join(root, 'test', 'smoke', 'runner-extension'),
    extensionTestsPath: smokeTests,
    extensionsDir,
    env: { LASTLINE_SMOKE_EXTENSIONS_DIR: extensionsDir },
  });
}

/** The suite's exit code, made 1 when it printed no summary or reported failures. */
function verdict({ code, summary }) {
  if (!summary) {
    say('the suite printed no summary (it did not run to the end)');
    return code === 0 ? 1 : code;
  }
  return summary.failed > 0 && code === 0 ? 1 : code;
}

async function main() {
  runTimeoutMs(); // validate before starting anything
  checkBuilt();
  const temp = makeTemp();
  const workspace = makeWorkspace(temp);
  const executable = process.env.LASTLINE_VSCODE_EXECUTABLE;
  const runs = [executable ? await runWithVSCode(executable, temp, workspace) : await runWithCodeServer(temp, workspace)];
  await cleanup();
  // The smoke suite of the package runs after the host suites (not for a bench probe's run).
  if (!process.env.LASTLINE_HOST_TESTS && verdict(runs[0]) === 0) {
    if (executable) say('the .vsix smoke suite runs with code-server only (unset LASTLINE_VSCODE_EXECUTABLE to run it)');
    else {
      runs.push(await runSmokeSuite());
      await cleanup();
    }
  }
  const exitCode = runs.map(verdict).find((code) => code !== 0) ?? 0;
  const summaries = runs.map((run) => run.summary).filter(Boolean);
  const total =
    summaries.length === runs.length
      ? summaries.reduce((sum, { passed, failed }) => ({ passed: sum.passed + passed, failed: sum.failed + failed }), { passed: 0, failed: 0 })
      : undefined;
  say(`total ${elapsed()}`);
  console.log(summaryLine(total) ?? 'host: 0 passed, 1 failed');
  return exitCode;
}

main()
  .then(
    (code) => {
      process.exitCode = code;
    },
    async (err) => {
      console.error(err instanceof Stop ? `[host] ${err.message}` : `[host] ${err?.stack ?? err}`);
      await cleanup();
      process.exitCode = err instanceof Stop ? err.code : 1;
    },
  )
  .finally(() => {
    // Whatever playwright or a half-dead child left open must not keep us alive.
    setTimeout(() => process.exit(), 1000).unref();
  });
