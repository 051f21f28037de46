// What commit-msg learnt about the commit being made that post-commit cannot see again: the waiver
// the message gave. (The commit's AI hunks and their reviews post-commit reads from the commit itself.)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';

export interface PendingCommit {
  waiver?: string;
  time: string;
  /** The staged tree commit-msg saw: post-commit ignores facts about a commit that was not made. */
  tree?: string;
}

const FILE = 'pending-commit.json';

export function savePendingCommit(stateDirectory: string, pending: PendingCommit): void {
  writeFileAtomic(join(stateDirectory, FILE), JSON.stringify(pending));
}

/** The pending commit's facts, removed from the state folder; undefined when there are none. */
export function takePendingCommit(stateDirectory: string): PendingCommit | undefined {
  const file = join(stateDirectory, FILE);
  try {
    const pending = JSON.parse(readFileSync(file, 'utf8')) as PendingCommit;
    rmSync(file, { force: true });
    return typeof pending === 'object' && pending !== null ? pending : undefined;
  } catch {
    return undefined;
  }
}
