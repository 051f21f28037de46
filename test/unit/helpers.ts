// Shared helpers for unit tests: temp folders that clean up after themselves, real git repos,
// and running the CLI in-process with captured output.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function tempDir(prefix = 'lastline-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes a tree of files: { 'src/a.ts': '…' }. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function gitInit(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'Lastline Test');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { cwd, color: false, out: (text) => stdout.push(text), error: (text) => stderr.push(text) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A route that builds SQL from a request value: what the CLI tests run `lastline scan` on. */
export const COUPON_ROUTE_TS = `import express from 'express';
const app = express();
app.get('/coupons/:code', async (req, res) => {
  const rows = await db.query(\`SELECT * FROM coupons WHERE code = '\${req.params.code}'\`);
  res.json(rows);
});
`;

/** A shell command built from a parameter. */
export const BACKUP_COMMAND_PY = `import os
def run(name):
    os.system("tar czf backup.tgz " + name)
`;

export interface BinRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the installed command (bin/lastline.js over dist/, so `npm run build` first) as a process.
 * Asynchronous, so that a background process the CLI starts is not held up by the test's thread.
 */
export function runBin(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'lastline.js'), ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A random-looking, base64-clean body shaped like a PEM key (hash-derived): not a key, only its look. */
export function fakePemBody(seed: number, lines = 12): string {
  const bytes = Buffer.concat(Array.from({ length: lines * 2 }, (_, block) => createHash('sha256').update(`${seed}:${block}`).digest()));
  const base64 = bytes.toString('base64').replace(/=+$/, '');
  return Array.from({ length: lines }, (_, line) => base64.slice(line * 64, line * 64 + 64)).join('\n');
}

export function fakePem(kind = 'RSA ', seed = 7): string {
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${fakePemBody(seed)}\n-----END ${kind}PRIVATE KEY-----\n`;
}

/**
 * A fresh git repository for each test of the calling describe(), removed after it; with
 * `initialCommit`, it holds one commit (a README), so HEAD exists.
 */
export function repositoryPerTest(options: { initialCommit?: boolean } = {}): { readonly path: string } {
  let dir: ReturnType<typeof tempDir> | undefined;
  const current = { path: '' };
  beforeEach(() => {
    dir = tempDir();
    current.path = dir.path;
    gitInit(dir.path);
    if (options.initialCommit) {
      writeTree(dir.path, { 'README.md': '# shop\n' });
      git(dir.path, 'add', '.');
      git(dir.path, 'commit', '-qm', 'init');
    }
  });
  afterEach(() => dir?.remove());
  return current;
}
