// `lastline review [--list]`: walks the unreviewed AI-written hunks of the staged content in a
// terminal — the hunk with context and the findings in it — and asks approve / reject / skip / quit.
// Approval is a person's act: it needs a terminal on stdin and stdout and refuses inside an AI
// agent's environment; there is no flag or argument that approves.
import { createInterface } from 'node:readline/promises';
import { splitLines } from '../core/provenance/line-hash';
import { describeHunk, formatReviewer, type AiHunk, type Reviewer } from '../core/provenance/review';
import { analyze } from '../core/engine';
import { touchesRanges } from '../core/provenance/ai-findings';
import type { Finding } from '../core/types';
import { agentEnvironment } from '../agents/agent-environment';
import { gitReviewer, hunksToReview, recordVerdict, removeHunk } from '../provenance/review-actions';
import { stagedAiHunks } from '../provenance/staged-hunks';
import { findProjectRoot, loadConfig } from '../scan/config-file';
import { inert } from '../core/inert';
import { UsageError, type Terminal } from './terminal';

const CONTEXT_LINES = 3;

/** How the review talks to the person; the process's terminal unless a test gives another. */
export interface ReviewPrompt {
  interactive: boolean;
  ask(question: string): Promise<string>;
  close(): void;
}

export function terminalPrompt(): ReviewPrompt {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (!interactive) return { interactive, ask: async () => 'q', close: () => undefined };
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  // Lines typed ahead of a question are kept for it; Ctrl+D or a closed terminal means quit.
  const lines = readline[Symbol.asyncIterator]();
  return {
    interactive,
    ask: async (question) => {
      process.stdout.write(question);
      try {
        const next = await lines.next();
        return next.done ? 'q' : String(next.value).trim().toLowerCase();
      } catch {
        return 'q';
      }
    },
    close: () => readline.close(),
  };
}

export async function runReview(args: { list: boolean }, terminal: Terminal, prompt: () => ReviewPrompt = terminalPrompt): Promise<number> {
  const staged = await stagedAiHunks(terminal.cwd);
  if (!staged) throw new UsageError('lastline review needs a git repository');
  if (args.list) {
    if (staged.hunks.length === 0) terminal.out('No AI-written lines in the staged content.');
    for (const hunk of staged.hunks) {
      const state = hunk.review?.decision === 'approved' ? `approved by ${formatReviewer(hunk.review.reviewer)}` : 'unreviewed';
      terminal.out(`${describeHunk(hunk)}  ${state}`);
    }
    return 0;
  }
  const queue = await hunksToReview(terminal.cwd);
  const pending = (queue?.items ?? []).filter((item) => item.staged);
  if (!queue || pending.length === 0) {
    terminal.out('No unreviewed AI-written hunks in the staged content.');
    return 0;
  }
  const agent = agentEnvironment();
  if (agent) {
    terminal.error(
      `review: approval needs a person, and this runs inside ${agent.agent} (${agent.variable} is set). Review in your own terminal or in VS Code.`,
    );
    return 2;
  }
  const io = prompt();
  try {
    if (!io.interactive) {
      terminal.error(
        'review: approval needs a person at an interactive terminal (stdin and stdout must be a terminal). `lastline review --list` lists the hunks.',
      );
      return 2;
    }
    let reviewer: Reviewer;
    try {
      reviewer = gitReviewer(queue.root);
    } catch (error) {
      throw new UsageError(`review: ${(error as Error).message}`);
    }
    const findings = await findingsByFile(queue.root, staged.texts);
    const tally = { approved: 0, rejected: 0, skipped: 0 };
    for (const [index, item] of pending.entries()) {
      terminal.out(`\n[${index + 1}/${pending.length}] ${describeHunk(item)}, written ${item.attribution.time.slice(0, 16).replace('T', ' ')}`);
      terminal.out(hunkWithContext(item, item.text));
      for (const finding of (findings.get(item.path) ?? []).filter((candidate) => touchesRanges(candidate, [item]))) {
        terminal.out(`  ! line ${finding.range.start.line + 1} ${finding.ruleId} (${finding.severity}): ${finding.message}`);
      }
      const answer = await io.ask('Approve this hunk? [a]pprove, [r]eject, [s]kip, [q]uit: ');
      if (answer.startsWith('q')) break;
      if (answer.startsWith('a')) {
        recordVerdict(queue, item, 'approved', reviewer);
        tally.approved++;
      } else if (answer.startsWith('r')) {
        const sure = await io.ask(`Remove ${item.end - item.start} line(s) from the index and the working tree? [y/N]: `);
        if (!sure.startsWith('y')) {
          tally.skipped++;
          continue;
        }
        const outcome = removeHunk(queue, item);
        recordVerdict(queue, item, 'rejected', reviewer);
        terminal.out(
          outcome.fromWorkingTree
            ? '  removed from the index and the working tree'
            : '  removed from the index (the working tree no longer held those lines as they were)',
        );
        tally.rejected++;
      } else tally.skipped++;
    }
    terminal.out(
      `\nApproved ${tally.approved}, rejected ${tally.rejected}, skipped ${tally.skipped}${tally.approved ? `, as ${formatReviewer(reviewer)}` : ''}.`,
    );
    return 0;
  } finally {
    io.close();
  }
}

async function findingsByFile(root: string, texts: ReadonlyMap<string, string>): Promise<Map<string, Finding[]>> {
  const { config } = loadConfig(findProjectRoot(root));
  const result = new Map<string, Finding[]>();
  for (const [path, text] of texts) result.set(path, (await analyze({ path, text }, { config })).findings);
  return result;
}

function hunkWithContext(hunk: AiHunk, text: string): string {
  const lines = splitLines(text);
  const from = Math.max(0, hunk.start - CONTEXT_LINES);
  const to = Math.min(lines.length, hunk.end + CONTEXT_LINES);
  const width = String(to).length;
  return lines
    .slice(from, to)
    .map((line, offset) => {
      const number = from + offset;
      const mark = number >= hunk.start && number < hunk.end ? '+' : ' ';
      return `  ${String(number + 1).padStart(width)} ${mark} ${inert(line)}`;
    })
    .join('\n');
}
