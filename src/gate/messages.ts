// The gate's words. The refusal is what a person reads in VS Code's git error dialog: short, one
// line per hunk or finding, then where to click or what to run.
import { inert } from '../core/inert';
import { describeHunk } from '../core/provenance/review';
import type { StagedHunk } from '../provenance/staged-hunks';
import type { GateFinding } from './commit-checks';

const LIST_LIMIT = 8;

export const REVIEW_HOW = 'Review in VS Code: "Lastline: Review AI Changes" (Source Control › Review AI Changes), or run `lastline review` in a terminal.';
export const WAIVE_HOW = 'To commit without a review, say why in the message: a trailer "AI-Review-Waived: <reason>".';

export function unreviewedMessage(hunks: readonly StagedHunk[]): string {
  const count = hunks.length === 1 ? '1 AI-written hunk is' : `${hunks.length} AI-written hunks are`;
  return [`Lastline: commit stopped: ${count} not reviewed by a person:`, ...listed(hunks.map((hunk) => `  ${inert(describeHunk(hunk))}`)), REVIEW_HOW, WAIVE_HOW].join('\n');
}

export function findingsMessage(aiFindings: readonly GateFinding[], secrets: readonly GateFinding[]): string {
  const line = ({ path, finding }: GateFinding) => `  ${inert(path)}:${finding.range.start.line + 1} ${finding.ruleId}: ${inert(finding.message)}`;
  const parts: string[] = [];
  if (aiFindings.length) parts.push(`Lastline: commit stopped: ${aiFindings.length === 1 ? 'an error' : `${aiFindings.length} errors`} in AI-written lines:`, ...listed(aiFindings.map(line)));
  if (secrets.length) parts.push(`Lastline: commit stopped: ${secrets.length === 1 ? 'a secret is' : `${secrets.length} secrets are`} staged:`, ...listed(secrets.map(line)));
  parts.push('Fix them and stage the fix (`lastline scan --staged` shows each with its quick fix); `git commit --no-verify` skips the gate, and CI\'s `lastline verify` will see it.');
  return parts.join('\n');
}

function listed(lines: string[]): string[] {
  return lines.length > LIST_LIMIT ? [...lines.slice(0, LIST_LIMIT), `  … and ${lines.length - LIST_LIMIT} more (lastline review --list)`] : lines;
}
