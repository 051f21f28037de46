// The CLI's side of the resident process (resident-protocol.ts): hand the run over when one is
// up, start one for next time when none is, and in every other case leave the run to this process.
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { hasAgentRecords } from './startup-snapshot';
import { isResidentCommand, jsonLines, RESIDENT_SERVER_FILE, residentKey, residentSocketPath, residentWanted, type ResidentMessage } from './resident-protocol';

/** How long a local socket may take to accept: a process that does not accept by then is stuck. */
const CONNECT_TIMEOUT_MS = 500;

/**
 * Runs `argv` in the resident process and returns its exit code, writing its output here;
 * undefined when this process should run the command itself (none is running — one is started
 * for the next run — or it refused, or it went away before the run started).
 */
export async function runInResidentProcess(argv: readonly string[], distDirectory: string): Promise<number | undefined> {
  if (!servedByResident(argv) || !residentWanted(process.env)) return undefined;
  let key: string;
  let socketPath: string | undefined;
  try {
    key = residentKey(distDirectory);
    socketPath = residentSocketPath(key);
  } catch {
    return undefined; // a dist file missing: no resident process for this install
  }
  if (!socketPath) return undefined;
  const socket = await connectTo(socketPath);
  if (!socket) {
    startResidentProcess(distDirectory, key, socketPath);
    return undefined;
  }
  return relay(socket, argv, key);
}

/**
 * The commit gate parses only where agents wrote lines (see hasAgentRecords): other commits are
 * checked fast in their own process, and would only start a resident process for nothing.
 */
export function servedByResident(argv: readonly string[], cwd = process.cwd()): boolean {
  return isResidentCommand(argv) && (argv[0] !== 'gate' || hasAgentRecords(cwd));
}

function connectTo(path: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(undefined); // none listening (ENOENT, ECONNREFUSED): run here
    });
  });
}

/** Sends the run and copies its output here, the way processTerminal() would write it. */
function relay(socket: Socket, argv: readonly string[], key: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let started = false;
    let settled = false;
    const settle = (code: number | undefined) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(code);
    };
    const lost = () => {
      if (settled) return;
      if (!started) return settle(undefined); // nothing ran there: run it here
      // Part of the output is out already; running again here would print it twice.
      process.stderr.write('lastline: the resident process stopped before the command finished; run the command again\n');
      settle(2);
    };
    socket.on(
      'data',
      jsonLines<ResidentMessage>((message) => {
        if ('accepted' in message) {
          started = true;
          if (argv.includes('--verbose')) process.stderr.write(`lastline: running in the resident process (pid ${message.accepted})\n`);
        } else if ('refused' in message) settle(undefined);
        else if ('out' in message) process.stdout.write(`${message.out}\n`);
        else if ('error' in message) process.stderr.write(`lastline: ${message.error}\n`);
        else if ('exit' in message) settle(message.exit);
      }, lost),
    );
    socket.on('error', lost);
    socket.on('close', lost);
    const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    socket.write(`${JSON.stringify({ key, argv: [...argv], cwd: process.cwd(), env, color })}\n`);
  });
}

/** Starts the resident process detached, in the socket's folder: the user does not wait for it. */
function startResidentProcess(distDirectory: string, key: string, socketPath: string): void {
  try {
    const server = spawn(process.execPath, [join(distDirectory, RESIDENT_SERVER_FILE), key, socketPath], {
      detached: true,
      stdio: 'ignore',
      cwd: process.platform === 'win32' ? distDirectory : dirname(socketPath),
    });
    server.on('error', () => undefined);
    server.unref();
  } catch {
    // No resident process this time; the next run tries again.
  }
}
