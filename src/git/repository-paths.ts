// Where a path's repository is, found on disk rather than by starting git: a hook that runs on every
// tool call of an agent cannot spend a git process on it. `.git` is a folder, or a file holding
// `gitdir: …` (worktrees, submodules). GIT_DIR set in the environment is git's business: ask git.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { gitText } from './run-git';

export interface RepositoryPaths {
  /** Top of the work tree. */
  root: string;
  /** The repository's own git folder (per worktree). */
  gitDir: string;
}

/** The repository holding `start` (a file or a folder, which need not exist yet), or undefined. */
export function findRepository(start: string): RepositoryPaths | undefined {
  if (process.env.GIT_DIR) return askGit(existingFolder(start));
  for (let dir = existingFolder(start); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const gitDir = gitFolderAt(dotGit);
    if (gitDir) return { root: dir, gitDir };
    if (dirname(dir) === dir) return undefined;
  }
}

/** Lastline's state folder in a repository: `$(git rev-parse --git-path lastline)`. */
export function stateDirectory(repository: RepositoryPaths): string {
  return join(repository.gitDir, 'lastline');
}

function gitFolderAt(dotGit: string): string | undefined {
  let stat;
  try {
    stat = statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return existsSync(join(dotGit, 'HEAD')) ? dotGit : undefined;
  if (!stat.isFile()) return undefined;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
  if (!pointer) return undefined;
  return isAbsolute(pointer) ? pointer : resolve(dirname(dotGit), pointer);
}

function existingFolder(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    try {
      if (statSync(dir).isDirectory()) return dir;
    } catch {
      // not there (yet): its parent may be
    }
    if (dirname(dir) === dir) return dir;
  }
}

function askGit(cwd: string): RepositoryPaths | undefined {
  try {
    const [root, gitDir] = gitText(cwd, ['rev-parse', '--show-toplevel', '--absolute-git-dir']).trim().split('\n');
    return root && gitDir ? { root, gitDir } : undefined;
  } catch {
    return undefined;
  }
}
