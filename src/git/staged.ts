// `lastline scan --staged`: the content of the index, not of the working tree, so what is checked
// is exactly what the commit will hold (a file staged with a secret and then fixed unstaged is
// still caught).
import { join, relative, resolve, sep } from 'node:path';
import type { FileSource } from '../scan/file-source';
import { decodeText } from '../scan/read-file';
import { formatByteSize } from '../core/config';
import { catFileBatch, git, gitText } from './run-git';

interface StagedEntry {
  repoPath: string;
  blob: string;
  size: number;
}

/**
 * Staged added/copied/modified/renamed files under `scopes` (absolute paths; empty = whole repo),
 * as FileSources whose paths are relative to `projectRoot`.
 */
export async function* stagedSources(repoRoot: string, projectRoot: string, scopes: readonly string[]): AsyncGenerator<FileSource> {
  const entries = stagedEntries(repoRoot).filter((entry) => {
    const absolute = join(repoRoot, entry.repoPath);
    return scopes.length === 0 || scopes.some((scope) => absolute === scope || absolute.startsWith(scope.endsWith(sep) ? scope : scope + sep));
  });
  const contents = catFileBatch(
    repoRoot,
    entries.map((entry) => entry.blob),
  );
  try {
    yield* sourcesFor(entries, contents, repoRoot, projectRoot);
  } finally {
    await contents.return(undefined);
  }
}

async function* sourcesFor(
  entries: readonly StagedEntry[],
  contents: AsyncGenerator<[string, Buffer | undefined]>,
  repoRoot: string,
  projectRoot: string,
): AsyncGenerator<FileSource> {
  for (const entry of entries) {
    const next = await contents.next();
    const content = next.done ? undefined : next.value[1];
    const absolutePath = resolve(repoRoot, entry.repoPath);
    const projectPath = relative(projectRoot, absolutePath).split(sep).join('/');
    yield {
      absolutePath,
      projectPath,
      read: async (maxFileSize) => {
        if (entry.size > maxFileSize) {
          return { kind: 'skipped', reason: 'too-large', detail: `${formatByteSize(entry.size)} exceeds maxFileSize ${formatByteSize(maxFileSize)}` };
        }
        if (!content) return { kind: 'skipped', reason: 'unreadable', detail: 'blob missing from the object database' };
        return decodeText(content) ?? { kind: 'skipped', reason: 'binary', detail: 'binary file' };
      },
    };
  }
}

function stagedEntries(repoRoot: string): StagedEntry[] {
  // One call names every staged path with its blob: `:<old mode> <new mode> <old> <new> <status>\0<path>\0`.
  // Paths are never passed on git's command line: 30,000 of them exceeded it (E2BIG).
  const fields = gitText(repoRoot, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR', '--no-renames']).split('\0');
  const staged: { repoPath: string; blob: string }[] = [];
  for (let at = 0; at + 1 < fields.length; at += 2) {
    const [, mode, , blob] = fields[at].slice(1).split(' ');
    if (mode === '120000' || mode === '160000') continue; // symlinks and submodules hold no text to scan
    staged.push({ repoPath: fields[at + 1], blob });
  }
  const sizes = blobSizes(
    repoRoot,
    staged.map((entry) => entry.blob),
  );
  return staged.map((entry, index) => ({ ...entry, size: sizes[index] }));
}

function blobSizes(repoRoot: string, blobIds: readonly string[]): number[] {
  if (blobIds.length === 0) return [];
  return git(repoRoot, ['cat-file', '--batch-check=%(objectsize)'], blobIds.join('\n') + '\n')
    .toString('utf8')
    .trim()
    .split('\n')
    .map(Number);
}
