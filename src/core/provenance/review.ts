// A review is a person's verdict on one AI-written hunk: a run of lines with one author in the
// content about to be committed. It is bound to the hunk's content (path and line hashes), so
// editing an approved hunk makes it unreviewed again, while moving it (lines shifting above it) does not.
import { createHash } from 'node:crypto';
import type { Attribution } from './model';

export interface Reviewer {
  name: string;
  email: string;
}

export interface ReviewRecord {
  /** hunkHash of the reviewed content. */
  hunk: string;
  path: string;
  decision: 'approved' | 'rejected';
  reviewer: Reviewer;
  /** ISO 8601. */
  time: string;
}

/** An AI-written hunk of a file's staged (or working) content, 0-based lines, end exclusive. */
export interface AiHunk {
  path: string;
  start: number;
  end: number;
  attribution: Attribution;
  hash: string;
}

export function hunkHash(path: string, lineHashes: readonly string[]): string {
  return createHash('sha256')
    .update(`${path}\n${lineHashes.join('\n')}`)
    .digest('hex')
    .slice(0, 24);
}

export function formatReviewer(reviewer: Reviewer): string {
  return `${reviewer.name} <${reviewer.email}>`;
}

/** `file:lines (tool, model)`, as the gate's message and `lastline review --list` show a hunk. */
export function describeHunk(hunk: AiHunk): string {
  const lines = hunk.end - hunk.start === 1 ? `${hunk.start + 1}` : `${hunk.start + 1}-${hunk.end}`;
  const who = hunk.attribution.model ? `${hunk.attribution.tool}, ${hunk.attribution.model}` : hunk.attribution.tool;
  return `${hunk.path}:${lines} (${who}${hunk.attribution.kind === 'suspected' ? ', suspected' : ''})`;
}
