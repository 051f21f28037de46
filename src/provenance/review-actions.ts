// What a person's review does, for the terminal (`lastline review`) and the editor alike: which
// hunks wait for a review (staged ones first, then those only in the working tree), and recording
// a verdict under the reviewer's git identity. Callers make sure a person gave it.
import type { Reviewer, ReviewRecord } from '../core/provenance/review';
import { rejectHunk, removeLinesFromWorkingTree, type RejectOutcome } from '../gate/reject-hunk';
import { gitText } from '../git/run-git';
import { ProvenanceStore } from '../store/provenance-store';
import { ReviewStore } from '../store/review-store';
import { stagedAiHunks, type StagedAi, type StagedHunk } from './staged-hunks';

export interface ReviewItem extends StagedHunk {
  /** The hunk is in the index (the next commit), not only in the working tree. */
  staged: boolean;
  /** The content the hunk's lines are counted in (index or working tree). */
  text: string;
}

export interface ReviewQueue {
  root: string;
  stateDirectory: string;
  items: ReviewItem[];
}

/** Unreviewed AI hunks, staged first; undefined outside a repository. */
export async function hunksToReview(start: string): Promise<ReviewQueue | undefined> {
  const staged = await stagedAiHunks(start, 'staged');
  if (!staged) return undefined;
  const working = await stagedAiHunks(start, 'worktree');
  const pending = (ai: StagedAi | undefined, isStaged: boolean) =>
    (ai?.hunks ?? [])
      .filter((hunk) => hunk.review?.decision !== 'approved')
      .map((hunk) => ({ ...hunk, staged: isStaged, text: ai?.texts.get(hunk.path) ?? '' }));
  const stagedItems = pending(staged, true);
  const known = new Set(stagedItems.map((item) => item.hash));
  const items = [...stagedItems, ...pending(working, false).filter((item) => !known.has(item.hash))];
  return { root: staged.provenance.repository.root, stateDirectory: staged.provenance.store.directory, items };
}

/** The reviewer's git identity; throws with what to do when it is not set. */
export function gitReviewer(root: string): Reviewer {
  const config = (key: string) => {
    try {
      return gitText(root, ['config', key]).trim();
    } catch {
      return '';
    }
  };
  const name = config('user.name');
  const email = config('user.email');
  if (!name || !email) throw new Error('set git user.name and user.email first: a review records who approved');
  return { name, email };
}

/** Records a person's verdict on a hunk, under the store's lock. */
export function recordVerdict(queue: ReviewQueue, item: ReviewItem, decision: ReviewRecord['decision'], reviewer: Reviewer): ReviewRecord {
  const record: ReviewRecord = { hunk: item.hash, path: item.path, decision, reviewer, time: new Date().toISOString() };
  new ProvenanceStore(queue.stateDirectory).withLock(() => new ReviewStore(queue.stateDirectory).add([record]));
  return record;
}

/** Removes a rejected hunk: from the index and the working tree when staged, else from the working tree. */
export function removeHunk(queue: ReviewQueue, item: ReviewItem): RejectOutcome {
  return item.staged ? rejectHunk(queue.root, item, item.text) : { fromIndex: false, fromWorkingTree: removeLinesFromWorkingTree(queue.root, item, item.text) };
}
