// Rejecting an AI-written hunk removes its lines from the index and, where the working tree still
// holds exactly those lines, from the working tree too (a person's later edits around them stay).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineHash, splitLines } from '../core/provenance/line-hash';
import type { AiHunk } from '../core/provenance/review';
import { git, gitText } from '../git/run-git';

export interface RejectOutcome {
  fromIndex: boolean;
  fromWorkingTree: boolean;
}

export function rejectHunk(root: string, hunk: AiHunk, stagedText: string): RejectOutcome {
  const stagedLines = splitLines(stagedText);
  const eol = stagedText.includes('\r\n') ? '\r\n' : '\n';
  const remaining = [...stagedLines.slice(0, hunk.start), ...stagedLines.slice(hunk.end)];
  const newIndexText = remaining.length ? remaining.join(eol) + eol : '';
  const mode = gitText(root, ['ls-files', '-s', '--', hunk.path]).split(' ')[0] || '100644';
  const blob = git(root, ['hash-object', '-w', '--stdin'], newIndexText).toString('utf8').trim();
  git(root, ['update-index', '--cacheinfo', `${mode},${blob},${hunk.path}`]);

  return { fromIndex: true, fromWorkingTree: removeLinesFromWorkingTree(root, hunk, stagedText) };
}

/** Removes the hunk's lines (as they are in `text`) from the working tree file, if it still holds them as they were. */
export function removeLinesFromWorkingTree(root: string, hunk: AiHunk, text: string): boolean {
  const file = join(root, hunk.path);
  let workingText: string;
  try {
    workingText = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const workingLines = splitLines(workingText);
  const wanted = splitLines(text).slice(hunk.start, hunk.end).map(lineHash);
  const at = findBlock(workingLines.map(lineHash), wanted, hunk.start);
  if (at < 0) return false;
  const kept = [...workingLines.slice(0, at), ...workingLines.slice(at + wanted.length)];
  const workingEol = workingText.includes('\r\n') ? '\r\n' : '\n';
  writeFileSync(file, kept.length ? kept.join(workingEol) + (/\r?\n$/.test(workingText) ? workingEol : '') : '');
  return true;
}

/** Where `block` occurs in `lines`, nearest to `near` first; -1 when it does not. */
function findBlock(lines: readonly string[], block: readonly string[], near: number): number {
  const matches = (at: number) => block.every((hash, offset) => lines[at + offset] === hash);
  for (let distance = 0; distance <= lines.length; distance++) {
    for (const at of distance === 0 ? [near] : [near - distance, near + distance]) {
      if (at >= 0 && at + block.length <= lines.length && matches(at)) return at;
    }
  }
  return -1;
}
