// The gate's words. The refusal is what a person reads in VS Code's git error dialog: short, one
// line per hunk or finding, then where to click or what to run.
import { inert } from '../core/inert';
import { describeHunk } from '../core/provenance/review';
import type { StagedHunk } from '../provenance/staged-hunks';
import type { GateFinding } from './commit-checks';

const LIST_LIMIT = 8;

// VS Code's git error dialog shows only the first non-empty line of a hook's stderr ("Git: lastline: …"),
// so that line alone must say what stopped the commit and where to click; the lines after it are
// for terminals and VS Code's "Show Command Output".
export const REVIEW_WHERE = 'Review: Source Control › "Review AI Changes" (or `lastline review` in a terminal).';
export const WAIVE_HOW = 'To commit without a review, say why in the message: a trailer "AI-Review-Waived: <reason>".';
const FIX_WHERE = 'Fix them (Problems view, or `lastline scan --staged`) and stage the fix.';

export function unreviewedMessage(hunks: readonly StagedHunk[]): string {
  const count = hunks.length === 1 ? '1 AI-written hunk is' : `${hunks.length} AI-written hunks are`;
  return [
    `commit stopped: ${count} not reviewed by a person. ${REVIEW_WHERE}`,
    ...listed(hunks.map((hunk) => `  ${inert(describeHunk(hunk))}`)),
    WAIVE_HOW,
  ].join('\n');
}

export function findingsMessage(aiFindings: readonly GateFinding[], secrets: readonly GateFinding[]): string {
  const line = ({ path, finding }: GateFinding) => `  ${inert(path)}:${finding.range.start.line + 1} ${finding.ruleId}: ${inert(finding.message)}`;
  const errors = aiFindings.length === 1 ? 'an error in AI-written lines' : `${aiFindings.length} errors in AI-written lines`;
  const staged = secrets.length === 1 ? 'a secret is staged' : `${secrets.length} secrets are staged`;
  const what = [aiFindings.length ? errors : undefined, secrets.length ? staged : undefined].filter(Boolean).join(' and ');
  const parts = [`commit stopped: ${what}. ${FIX_WHERE}`];
  if (aiFindings.length) parts.push('In AI-written lines:', ...listed(aiFindings.map(line)));
  if (secrets.length) parts.push('Staged secrets:', ...listed(secrets.map(line)));
  parts.push("`git commit --no-verify` skips the gate, and CI's `lastline verify` will see it.");
  return parts.join('\n');
}

function listed(lines: string[]): string[] {
  return lines.length > LIST_LIMIT ? [...lines.slice(0, LIST_LIMIT), `  … and ${lines.length - LIST_LIMIT} more (lastline review --list)`] : lines;
}
