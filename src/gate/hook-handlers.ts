// `lastline gate <hook>`: what Lastline's git hooks run. Our own failure never stops a commit: it
// is one line on stderr and the commit goes on; only a finding or an unreviewed AI hunk stops it.
//   pre-commit    error-level findings in staged AI-written lines, staged secrets
//   commit-msg    unreviewed AI hunks (here, because a waiver trailer can only be read from the
//                 message); adds Assisted-by / AI-Reviewed-by trailers
//   post-commit   writes the commit's notes (provenance, reviews and waiver)
//   post-rewrite  carries notes to rewritten commits when notes.rewriteRef does not
import { readFileSync } from 'node:fs';
import type { Terminal } from '../cli/terminal';
import { gitText } from '../git/run-git';
import { checkStagedContent } from './commit-checks';
import { findingsMessage, unreviewedMessage } from './messages';
import { copyNotes, writeCommitNotes } from './notes';
import { savePendingCommit, takePendingCommit } from './pending-commit';
import { addTrailers, waiverIn } from './trailers';
import { findRepository } from '../git/repository-paths';
import { stagedAiHunks } from '../provenance/staged-hunks';

export const GATE_HOOK_NAMES = ['pre-commit', 'commit-msg', 'post-commit', 'post-rewrite'] as const;

export async function runGateHook(hook: string, args: readonly string[], terminal: Terminal, stdin: () => string): Promise<number> {
  try {
    switch (hook) {
      case 'pre-commit':
        return await preCommit(terminal);
      case 'commit-msg':
        return await commitMsg(args[0], terminal);
      case 'post-commit':
        await postCommit(terminal);
        return 0;
      case 'post-rewrite':
        postRewrite(terminal, stdin());
        return 0;
      default:
        terminal.error(`gate: unknown hook "${hook}" (${GATE_HOOK_NAMES.join(', ')}); the commit goes on unchecked`);
        return 0;
    }
  } catch (error) {
    terminal.error(`gate (${hook}): internal error, the commit goes on unchecked: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}

async function preCommit(terminal: Terminal): Promise<number> {
  const checks = await checkStagedContent(terminal.cwd, { dependencies: true });
  if (!checks) return 0;
  const refused = checks.aiFindings.length > 0 || checks.secrets.length > 0;
  // The refusal first: VS Code's git dialog shows only the first line.
  if (refused) terminal.error(findingsMessage(checks.aiFindings, checks.secrets));
  for (const notice of checks.notices) terminal.error(`gate: ${notice}`);
  return refused ? 1 : 0;
}

async function commitMsg(messageFile: string | undefined, terminal: Terminal): Promise<number> {
  if (!messageFile) throw new Error('git gave commit-msg no message file');
  const checks = await checkStagedContent(terminal.cwd);
  if (!checks) return 0;
  const { staged } = checks;
  const root = staged.provenance.repository.root;
  const waiver = waiverIn(root, readFileSync(messageFile, 'utf8'));
  if (checks.unreviewed.length > 0 && !waiver) {
    terminal.error(unreviewedMessage(checks.unreviewed));
    return 1;
  }
  const reviewers = staged.hunks.flatMap((hunk) => (hunk.review?.decision === 'approved' ? [hunk.review.reviewer] : []));
  addTrailers(root, messageFile, staged.hunks, reviewers);
  if (waiver) savePendingCommit(staged.provenance.store.directory, { waiver, time: new Date().toISOString(), tree: gitText(root, ['write-tree']).trim() });
  return 0;
}

/**
 * Notes for the commit just made, amended or not: its AI hunks against its parent, with the
 * reviews the store holds for exactly that content, and the waiver commit-msg saw. A commit made
 * with --no-verify gets its note too, so that `lastline verify` sees its unreviewed AI lines.
 */
async function postCommit(terminal: Terminal): Promise<void> {
  const committed = await stagedAiHunks(terminal.cwd, 'last-commit');
  if (!committed) return;
  const { root } = committed.provenance.repository;
  // A rebase carries the old commit's notes over itself (notes.rewriteRef, or post-rewrite below);
  // a note written here too would be concatenated with the copy.
  if (gitText(root, ['reflog', '-1', '--format=%gs', 'HEAD']).startsWith('rebase')) return;
  const pending = takePendingCommit(committed.provenance.store.directory);
  const waiver = pending?.tree === gitText(root, ['rev-parse', 'HEAD^{tree}']).trim() ? pending.waiver : undefined;
  if (committed.hunks.length === 0 && !waiver) return;
  writeCommitNotes(root, gitText(root, ['rev-parse', 'HEAD']).trim(), committed.hunks, waiver);
}

function postRewrite(terminal: Terminal, input: string): void {
  const repository = findRepository(terminal.cwd);
  if (!repository) return;
  const pairs = input
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(
      (fields): fields is [string, string, ...string[]] => fields.length >= 2 && /^[0-9a-f]{7,64}$/.test(fields[0]) && /^[0-9a-f]{7,64}$/.test(fields[1]),
    );
  copyNotes(
    repository.root,
    pairs.map(([from, to]) => [from, to]),
  );
}
