#!/usr/bin/env node
// `npm start`: Lastline in a real VS Code on the incidents it exists for, from a fresh clone.
//
//   1. installs what is missing (scripts/setup.sh skips what is there),
//   2. builds and packages dist/lastline.vsix and installs it into Lastline's own code-server
//      profile (~/.cache/lastline/start-profile; reinstalled only when the package changed),
//   3. copies demo/ into a throwaway git repository with the commit gate and the assistant's
//      recorded edit (scripts/demo-workspace.mjs),
//   4. serves it with code-server on 127.0.0.1 and prints the URL. Ctrl-C stops code-server and
//      every process it started, and removes the throwaway repository.
//
// Options: --port N (or LASTLINE_PORT; default 8080, the next free one if taken), --skip-setup.
// Env: LASTLINE_START_PROFILE (the code-server profile folder).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerDir } from './code-server-dir.mjs';
import { Cleanups, freePort, installExtension, startCodeServer, Stop, waitForServer } from './code-server.mjs';
import { createDemoRepository } from './demo-workspace.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const vsix = join(root, 'dist', 'lastline.vsix');
const DEFAULT_PORT = 8080;

const say = (text) => console.log(`[lastline] ${text}`);
const cleanups = new Cleanups();

function parseArguments(argv) {
  const options = { port: process.env.LASTLINE_PORT, setup: true };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--skip-setup') options.setup = false;
    else if (arg === '--port') options.port = argv[++index];
    else if (arg.startsWith('--port=')) options.port = arg.slice('--port='.length);
    else throw new Stop(`unknown option ${arg} (options: --port N, --skip-setup)`, 2);
  }
  if (options.port !== undefined) {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Stop(`--port must be a TCP port number (1-65535), got "${options.port}"`, 2);
    options.port = port;
  }
  return options;
}

/** Runs a step; a quiet one shows its output only when it fails. */
function run(command, args, what, { quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Stop(`${what} could not start: ${result.error.message}`, 2);
  if (result.status !== 0) {
    const output = quiet ? `:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n')}` : '; see its output above';
    throw new Stop(`${what} failed (exit code ${result.status ?? result.signal})${output}`, 2);
  }
}

/** Whether `port` can be bound on loopback right now. */
function portIsFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

async function choosePort(requested) {
  if (requested !== undefined) {
    if (!(await portIsFree(requested))) throw new Stop(`port ${requested} is taken on 127.0.0.1; choose another with --port`, 2);
    return requested;
  }
  return (await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : freePort();
}

/**
 * What the package holds, independent of when it was packed: every entry's name, size and CRC-32
 * from the zip's central directory (a repacked, unchanged package differs only in timestamps).
 */
function packageDigest(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  if (end < 0) throw new Stop(`${file} is not a zip archive`, 2);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Stop(`${file}: damaged zip central directory`, 2);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push(`${name} ${zip.readUInt32LE(at + 16)} ${zip.readUInt32LE(at + 24)}`);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return createHash('sha256').update(entries.sort().join('\n')).digest('hex');
}

/** Installs the package into the profile unless the same package is installed there already. */
function installPackage(extensionsDir) {
  const digest = packageDigest(vsix);
  const marker = join(extensionsDir, '.lastline-vsix-sha256');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === digest) {
    say('the packaged extension is already installed in the profile');
    return;
  }
  say('installing dist/lastline.vsix into the profile');
  installExtension(vsix, extensionsDir, join(dirname(extensionsDir), 'user-data'));
  writeFileSync(marker, `${digest}\n`);
}

/** A quiet first run: the demo's README opens, no welcome page or tips. Kept if the person changed it. */
function writeDefaultSettings(profile) {
  const file = join(profile, 'user-data', 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'readme',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
  };
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  cleanups.exitOnSignals(say);

  if (options.setup) run('bash', [join(root, 'scripts', 'setup.sh')], 'npm run setup');
  say('building and packaging the extension (dist/lastline.vsix)');
  run('npm', ['run', '-s', 'package'], 'building and packaging the extension', { quiet: true });

  // LASTLINE_START_PROFILE: another profile folder (the test of `npm start` uses a throwaway one).
  const profile = process.env.LASTLINE_START_PROFILE ? resolve(process.env.LASTLINE_START_PROFILE) : join(dirname(codeServerDir()), 'start-profile');
  const extensionsDir = join(profile, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  installPackage(extensionsDir);
  writeDefaultSettings(profile);

  const temp = mkdtempSync(join(tmpdir(), 'lastline-demo-'));
  cleanups.push(() => rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  const workspace = join(temp, 'lastline-demo');
  createDemoRepository(workspace);

  const port = await choosePort(options.port);
  const origin = `http://127.0.0.1:${port}`;
  const server = startCodeServer({ port, dataDir: profile, folder: workspace, extensionsDir, cleanups });
  await waitForServer(server, origin);
  const url = `${origin}/?${new URLSearchParams({ folder: workspace })}`;
  console.log('');
  say(`Lastline is running in VS Code: ${url}`);
  say('code-server listens on 127.0.0.1 only (loopback): no other machine can reach it, and it asks no password.');
  say(`workspace: ${workspace} — a throwaway git repository with the commit gate installed and one recorded Claude Code edit.`);
  say('Press Ctrl-C to stop code-server and remove the workspace.');

  const exit = await server.exited;
  if (cleanups.interrupted) return 0;
  say(`code-server stopped by itself (exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}); its output ended with:\n${server.output.text()}`);
  await cleanups.run();
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    console.error(error instanceof Stop ? `[lastline] ${error.message}` : error);
    await cleanups.run();
    process.exit(error instanceof Stop ? error.code : 1);
  },
);
