// What the CLI and its resident process share: which commands it serves, where its socket lives,
// and the messages on it (one JSON object a line).
//
// Why a resident process: a `lastline scan --staged` before a commit spends most of its time
// starting Node, loading the engine and TypeScript's parsers and letting V8 compile them — work
// that is the same on every run. A process that stays up for a while after a run (as eslint_d and
// the editor's extension host do) answers the next one with all of it done. It runs only the
// read-only commands, with the caller's folder and environment, one run at a time; anything off
// about it — not running, another build, a socket folder others could reach — and the CLI simply
// runs the command itself.
//
// This module is bundled into dist/launch.js: it imports nothing but Node's own modules.
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * What a resident process runs: commands whose work depends only on argv, folder, environment and
 * files — no terminal, no stdin, no approval. `scan` and `routes`, and the commit gate's hooks that
 * read no stdin (pre-commit and commit-msg parse what agents wrote; post-commit writes the notes).
 */
const RESIDENT_COMMANDS: ReadonlySet<string> = new Set(['scan', 'routes']);
const RESIDENT_GATE_HOOKS: ReadonlySet<string> = new Set(['pre-commit', 'commit-msg', 'post-commit']);

export function isResidentCommand(argv: readonly string[]): boolean {
  return RESIDENT_COMMANDS.has(argv[0] ?? '') || (argv[0] === 'gate' && RESIDENT_GATE_HOOKS.has(argv[1] ?? ''));
}
export const RESIDENT_SERVER_FILE = 'resident-server.js';
/** Engine files whose change makes a running resident process another build's. */
const BUILD_FILES = ['lastline.js', 'typescript-parsers.js', RESIDENT_SERVER_FILE];

export interface ResidentRequest {
  /** residentKey() of the caller: a process of another build refuses the run. */
  key: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  color: boolean;
}

export type ResidentMessage =
  | { accepted: number } // the server's pid: the run has started
  | { refused: string } // nothing ran: the caller runs the command itself
  | { out: string }
  | { error: string }
  | { exit: number };

/**
 * LASTLINE_RESIDENT: `off` never uses one; `on` uses and starts one anywhere; unset, one is used
 * and started except under CI, where a process left behind after the job is unwelcome.
 */
export function residentWanted(env: NodeJS.ProcessEnv): boolean {
  const setting = env.LASTLINE_RESIDENT?.toLowerCase();
  if (setting === 'off' || setting === '0' || setting === 'false') return false;
  if (setting === 'on' || setting === '1' || setting === 'true') return true;
  return !env.CI;
}

/** The Node binary and the engine build: a resident process serves only its own. */
export function residentKey(distDirectory: string): string {
  const identity = (path: string) => {
    const stats = statSync(path);
    return `${realpathSync(path)}:${stats.size}:${stats.mtimeMs}`;
  };
  return createHash('sha256')
    .update([process.version, process.execPath, ...BUILD_FILES.map((file) => identity(join(distDirectory, file)))].join('\n'))
    .digest('hex')
    .slice(0, 24);
}

/**
 * The socket for `key`: in a folder only this user can enter (created 0700, and refused when it
 * is a link, another user's, or open to others — then there is no resident process). On Windows,
 * a named pipe named after the user.
 */
export function residentSocketPath(key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform === 'win32') {
    const user = createHash('sha256').update(userInfo().username).digest('hex').slice(0, 12);
    return `\\\\.\\pipe\\lastline-${user}-${key}`;
  }
  const uid = process.getuid?.() ?? 0;
  const folder = join(env.XDG_RUNTIME_DIR || tmpdir(), `lastline-${uid}`);
  try {
    mkdirSync(folder, { mode: 0o700, recursive: true });
    const stats = lstatSync(folder);
    if (!stats.isDirectory() || stats.uid !== uid || (stats.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return join(folder, `${key}.sock`);
}

/**
 * Splits a stream of JSON lines into messages; a line that is not JSON ends the exchange. A report
 * can be one long line, so each chunk is searched once (never the whole pending text again).
 */
export function jsonLines<T>(onMessage: (message: T) => void, onGarbage: () => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8'); // a character split between chunks stays whole
  const parts: string[] = [];
  let ended = false;
  return (chunk) => {
    if (ended) return;
    const text = decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
      parts.push(text.slice(start, end));
      const line = parts.join('');
      parts.length = 0;
      let message: T;
      try {
        message = JSON.parse(line) as T;
      } catch {
        ended = true;
        onGarbage();
        return;
      }
      onMessage(message);
    }
    if (start < text.length) parts.push(text.slice(start));
  };
}

/** Whether a process takes connections on `path` (a stale socket file of a dead one does not). */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
