// The commit's notes: provenance in the Git AI Standard v3 format under refs/notes/ai (so git-ai
// and other readers of that standard see it), and Lastline's review record under
// refs/notes/lastline-review (who approved which hunk, or the waiver and its reason).
import { formatGitAiNote, parseGitAiNote, type GitAiNote } from '../core/provenance/git-ai-note';
import { git, gitText } from '../git/run-git';
import { NOTES_REFS } from '../git/git-hooks';
import { formatReviewer } from '../core/provenance/review';
import type { StagedHunk } from '../provenance/staged-hunks';

export const AI_NOTES_REF = 'refs/notes/ai';
export const REVIEW_NOTES_REF = 'refs/notes/lastline-review';

export interface ReviewNote {
  version: 1;
  hunks: { path: string; lines: [number, number]; tool: string; model: string | null; hash: string; reviewer: string | null; reviewedAt: string | null }[];
  waiver: string | null;
}

export function writeCommitNotes(root: string, commit: string, hunks: readonly StagedHunk[], waiver: string | undefined): void {
  if (hunks.length > 0) {
    git(root, ['notes', '--ref', AI_NOTES_REF, 'add', '-f', '-F', '-', commit], formatGitAiNote(hunks, commit));
  }
  const review: ReviewNote = {
    version: 1,
    hunks: hunks.map((hunk) => {
      const approved = hunk.review?.decision === 'approved' ? hunk.review : undefined;
      return {
        path: hunk.path,
        lines: [hunk.start + 1, hunk.end],
        tool: hunk.attribution.tool,
        model: hunk.attribution.model ?? null,
        hash: hunk.hash,
        reviewer: approved ? formatReviewer(approved.reviewer) : null,
        reviewedAt: approved?.time ?? null,
      };
    }),
    waiver: waiver ?? null,
  };
  git(root, ['notes', '--ref', REVIEW_NOTES_REF, 'add', '-f', '-F', '-', commit], JSON.stringify(review, null, 2) + '\n');
}

export function readNote(root: string, ref: string, commit: string): string | undefined {
  try {
    return gitText(root, ['notes', '--ref', ref, 'show', commit]);
  } catch {
    return undefined; // no note
  }
}

export function readAiNote(root: string, commit: string): GitAiNote | undefined {
  const text = readNote(root, AI_NOTES_REF, commit);
  return text === undefined ? undefined : parseGitAiNote(text);
}

/** Copies each note of `from` to `to` where `to` has none (rewritten commits). */
export function copyNotes(root: string, pairs: readonly [string, string][]): void {
  for (const ref of NOTES_REFS) {
    for (const [from, to] of pairs) {
      if (readNote(root, ref, from) === undefined || readNote(root, ref, to) !== undefined) continue;
      git(root, ['notes', '--ref', ref, 'copy', from, to]);
    }
  }
}
