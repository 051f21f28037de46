// A lock file that serialises writers across processes: agents run tool calls in parallel, and each
// call starts its own `lastline record`. Creating the file with O_EXCL is the lock; it holds the
// owner's pid so that a lock left by a killed process is broken instead of waited on forever.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { sleepSync } from './sleep-sync';

export class LockTimeoutError extends Error {
  constructor(readonly path: string) {
    super(`another Lastline process holds ${path}`);
    this.name = 'LockTimeoutError';
  }
}

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock older than this is taken to be abandoned even if its pid is alive (pids are reused). */
  staleMs?: number;
}

/** Runs `work` while holding the lock at `path`. Synchronous: the callers are short-lived processes. */
export function withFileLock<T>(path: string, work: () => T, options: LockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path)) break;
    if (isAbandoned(path, staleMs)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(path);
    // Short random waits: a holder keeps the lock for a few milliseconds.
    sleepSync(Math.min(50, 2 + attempt) * (0.5 + Math.random()));
  }
  try {
    return work();
  } finally {
    rmSync(path, { force: true });
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

function isAbandoned(path: string, staleMs: number): boolean {
  try {
    const age = Date.now() - statSync(path).mtimeMs;
    if (age > staleMs) return true;
    const pid = Number(readFileSync(path, 'utf8'));
    // An empty file: its creator was killed between create and write, or is writing right now.
    if (!Number.isInteger(pid) || pid <= 0) return age > 1000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process, the holder died. ENOENT: released meanwhile; try again.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ESRCH';
  }
}
