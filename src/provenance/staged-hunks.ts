// The AI-written hunks of the next commit: lines an assistant wrote that the index adds or changes
// relative to HEAD. AI lines committed before (reviewed then, or waived) are not asked about again.
// The same for a commit already made (post-commit after `--no-verify`): HEAD against its parent.
import { alignLines } from '../core/provenance/line-alignment';
import { lineHash, splitLines } from '../core/provenance/line-hash';
import { hunkHash, type AiHunk, type ReviewRecord } from '../core/provenance/review';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catFileBatch, GitError, gitText } from '../git/run-git';
import { ReviewStore } from '../store/review-store';
import { RepositoryProvenance } from './repository-provenance';

/** The prefix that names a working-tree file's content among the blobs. */
const WORKTREE = 'worktree:';

export interface StagedHunk extends AiHunk {
  /** The latest verdict on exactly this content, if any. */
  review?: ReviewRecord;
}

export interface StagedAi {
  provenance: RepositoryProvenance;
  hunks: StagedHunk[];
  /** Staged text of each file that has AI hunks. */
  texts: Map<string, string>;
}

/** Which content is new and what it is compared with: the index, the last commit or the working tree, against HEAD (or the last commit's parent). */
export type Comparison = 'staged' | 'last-commit' | 'worktree';

/** Undefined outside a repository. */
export async function stagedAiHunks(start: string, comparison: Comparison = 'staged'): Promise<StagedAi | undefined> {
  const provenance = RepositoryProvenance.open(start);
  if (!provenance) return undefined;
  const result: StagedAi = { provenance, hunks: [], texts: new Map() };
  if (provenance.isEmpty) return result;
  const root = provenance.repository.root;
  const recorded = new Set(provenance.paths);
  const [changedFiles, newPrefix, oldPrefix] =
    comparison === 'staged'
      ? [['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=AM'], ':', 'HEAD:']
      : comparison === 'worktree'
        ? [['diff', 'HEAD', '--name-only', '-z', '--no-renames', '--diff-filter=AM'], WORKTREE, 'HEAD:']
        : [['diff-tree', '--root', '--no-commit-id', '-r', '--name-only', '-z', '--no-renames', '--diff-filter=AM', 'HEAD'], 'HEAD:', 'HEAD^:'];
  const changed = new Set(changedPaths(root, changedFiles, comparison === 'worktree'));
  // Untracked files are new in the working tree too.
  if (comparison === 'worktree') for (const path of gitText(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) changed.add(path);
  const staged = [...recorded].filter((path) => changed.has(path));
  if (staged.length === 0) return result;
  const blobs = new Map<string, string>();
  const names = staged.flatMap((path) => (newPrefix === WORKTREE ? [`${oldPrefix}${path}`] : [`${newPrefix}${path}`, `${oldPrefix}${path}`]));
  for await (const [name, content] of catFileBatch(root, names)) if (content) blobs.set(name, content.toString('utf8'));
  if (newPrefix === WORKTREE) {
    for (const path of staged) {
      try {
        blobs.set(`${WORKTREE}${path}`, readFileSync(join(root, path), 'utf8'));
      } catch {
        // deleted since
      }
    }
  }
  const reviews = new ReviewStore(provenance.store.directory).all();
  for (const path of staged) {
    const text = blobs.get(`${newPrefix}${path}`);
    if (text === undefined) continue;
    const lines = splitLines(text);
    const hashes = lines.map(lineHash);
    const headHashes = splitLines(blobs.get(`${oldPrefix}${path}`) ?? '').map(lineHash);
    const fromHead = alignLines(headHashes, hashes, lines);
    // Suspected lines (a heuristic's guess) are not AI-written until a person confirms them.
    for (const range of provenance.rangesIn(path, text).filter((candidate) => candidate.attribution.kind !== 'suspected')) {
      // Split the range where lines come unchanged from HEAD: only new lines are asked about.
      for (let line = range.start; line < range.end;) {
        if (fromHead[line] >= 0) {
          line++;
          continue;
        }
        let end = line + 1;
        while (end < range.end && fromHead[end] < 0) end++;
        const hash = hunkHash(path, hashes.slice(line, end));
        const review = reviews.get(hash);
        result.hunks.push({ path, start: line, end, attribution: range.attribution, hash, ...(review ? { review } : {}) });
        line = end;
      }
    }
    if (result.hunks.some((hunk) => hunk.path === path)) result.texts.set(path, text);
  }
  return result;
}

function changedPaths(root: string, args: string[], worktree: boolean): string[] {
  try {
    return gitText(root, args).split('\0');
  } catch (error) {
    // No commit yet: every tracked file is new in the working tree.
    if (worktree && error instanceof GitError) return gitText(root, ['ls-files', '-z']).split('\0');
    throw error;
  }
}
