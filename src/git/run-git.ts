// The one place Lastline starts git. Errors carry git's own stderr so a broken repository or a
// missing git binary reaches the user as git said it, not as a stack trace.
import { spawn, spawnSync } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export function git(cwd: string, args: readonly string[], input?: Buffer | string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git is not installed or not on PATH' : result.error.message, '');
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString().trim();
    throw new GitError(`git ${args[0]} failed: ${stderr || `exit code ${result.status}`}`, stderr);
  }
  return result.stdout;
}

export function gitText(cwd: string, args: readonly string[]): string {
  return git(cwd, args).toString('utf8');
}

/** The top of the work tree containing `cwd`; throws a GitError outside a repository. */
export function repositoryRoot(cwd: string): string {
  return gitText(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/**
 * Streams many blobs through one `git cat-file --batch` (one process, not one per file).
 * Yields [objectName, content | undefined when missing] in request order.
 */
export async function* catFileBatch(cwd: string, objectNames: readonly string[]): AsyncGenerator<[string, Buffer | undefined]> {
  if (objectNames.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', done));
  child.stdin.end(objectNames.map((name) => `${name}\n`).join(''));

  let buffered: Buffer = Buffer.alloc(0);
  let index = 0;
  const takeObjects = function* (): Generator<[string, Buffer | undefined]> {
    while (index < objectNames.length) {
      const newline = buffered.indexOf(10);
      if (newline < 0) return;
      const header = buffered.subarray(0, newline).toString();
      if (header.endsWith(' missing')) {
        buffered = buffered.subarray(newline + 1);
        yield [objectNames[index++], undefined];
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (buffered.length < newline + 1 + size + 1) return; // content not fully arrived yet
      const content = Buffer.from(buffered.subarray(newline + 1, newline + 1 + size));
      buffered = buffered.subarray(newline + 1 + size + 1);
      yield [objectNames[index++], content];
    }
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      yield* takeObjects();
    }
    yield* takeObjects();
  } finally {
    // The consumer may stop early (cancelled scan): never leave git running behind us.
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 || index < objectNames.length) throw new GitError(`git cat-file failed: ${stderr.trim() || `exit code ${code}`}`, stderr);
}
