// The resident process (resident-protocol.ts), bundled as dist/resident-server.js and started
// detached by the CLI: `node resident-server.js <key> <socket>`. It loads the engine once and
// runs one command at a time, each in the caller's folder and environment, then waits for the
// next; it leaves after a quiet spell, after many runs or a large heap, and on any failure of its
// own — a caller that loses it mid-run says so, one that never reached it runs the command itself.
import { existsSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { isResidentCommand, jsonLines, socketAnswers, type ResidentMessage, type ResidentRequest } from './resident-protocol';
import { WARM_UP_SOURCES } from './snapshot-warm-up';

const [key, socketPath] = process.argv.slice(2);
const IDLE_MS = Number(process.env.LASTLINE_RESIDENT_IDLE_SECONDS ?? 600) * 1000 || 600_000;
/** Leave before a slow leak in a long life could matter: a fresh process costs one slow run. */
const MAX_RUNS = 2000;
const MAX_HEAP_BYTES = 1.5 * 1024 ** 3;

type Engine = typeof import('../bundle');
const engine = Module.createRequire(join(__dirname, 'lastline.js'))('./lastline.js') as Engine;
const server = createServer(serve);
/** One run at a time: a caller that finds one going runs its command itself rather than wait. */
let running = false;
let runs = 0;
let idleTimer: NodeJS.Timeout | undefined;
let leaving = false;

// A failure of the resident process itself ends it; its callers run their commands themselves.
process.on('uncaughtException', () => process.exit(70));
process.on('unhandledRejection', () => process.exit(70));

if (key && socketPath) void listen();

async function listen(): Promise<void> {
  const listening = await tryListen();
  if (!listening) {
    // Another resident process has the socket, or a stale file of a dead one holds its name.
    if (await socketAnswers(socketPath)) process.exit(0);
    if (process.platform !== 'win32') rmSync(socketPath, { force: true });
    if (!(await tryListen())) process.exit(0);
  }
  await warmUp();
  restartIdleTimer();
}

function tryListen(): Promise<boolean> {
  return new Promise((resolve) => {
    const failed = () => resolve(false);
    server.once('error', failed);
    server.listen(socketPath, () => {
      server.off('error', failed);
      resolve(true);
    });
  });
}

function serve(socket: Socket): void {
  socket.on('error', () => undefined); // a caller that went away (Ctrl-C): its run finishes unheard
  let received = false; // one request a connection
  socket.on(
    'data',
    jsonLines<ResidentRequest>(
      (request) => {
        if (received) return;
        received = true;
        const refusal =
          request.key !== key ? 'another build' : !isResidentCommand(request.argv) ? 'not a resident command' : leaving ? 'leaving' : running ? 'busy' : '';
        if (refusal) return send(socket, { refused: refusal }, true);
        running = true;
        void run(socket, request).finally(() => (running = false));
      },
      () => socket.destroy(),
    ),
  );
}

async function run(socket: Socket, request: ResidentRequest): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const restoreFolder = process.cwd();
  try {
    process.chdir(request.cwd);
  } catch {
    restartIdleTimer();
    return send(socket, { refused: 'folder not reachable' }, true); // the caller says why itself
  }
  send(socket, { accepted: process.pid });
  try {
    useEnvironment(request.env);
    const code = await engine.main(request.argv, {
      cwd: request.cwd,
      color: request.color,
      out: (text) => send(socket, { out: text }),
      error: (text) => send(socket, { error: text }),
    });
    send(socket, { exit: code }, true);
  } catch (error) {
    send(socket, { error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
    send(socket, { exit: 2 }, true);
  } finally {
    process.chdir(existsSync(restoreFolder) ? restoreFolder : '/');
    runs++;
    if (runs >= MAX_RUNS || process.memoryUsage().heapUsed > MAX_HEAP_BYTES) leave();
    else restartIdleTimer();
  }
}

/** The caller's environment replaces this process's own: git, proxies and caches read it. */
function useEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}

function send(socket: Socket, message: ResidentMessage, last = false): void {
  if (socket.destroyed) return;
  const line = `${JSON.stringify(message)}\n`;
  if (last) socket.end(line);
  else socket.write(line);
}

function restartIdleTimer(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(leave, IDLE_MS);
  idleTimer.unref();
}

/** Stops taking runs, lets the one going finish, then exits (closing removes the socket file). */
function leave(): void {
  leaving = true;
  server.close(() => process.exit(0));
}

/** Parses and analyses samples once, so that the first run finds V8's compiled code in place. */
async function warmUp(): Promise<void> {
  for (const { fileName, text } of WARM_UP_SOURCES) {
    try {
      await engine.analyze({ path: fileName, text });
    } catch {
      // A sample a rule cannot read only leaves the first run slower.
    }
  }
}
