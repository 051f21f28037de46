// `lastline verify <rev-range>`: the CI check behind the commit gate. A commit whose note says it
// holds AI-written lines needs an `AI-Reviewed-by` or `AI-Review-Waived` trailer; this catches a
// `git commit --no-verify` and a machine without the hooks. Fetch the notes first (lastline notes fetch).
import { hasAiLines } from '../core/provenance/git-ai-note';
import { AI_NOTES_REF, readAiNote } from '../gate/notes';
import { parseTrailers, WAIVER_TRAILER } from '../gate/trailers';
import { findRepository } from '../git/repository-paths';
import { GitError, gitText } from '../git/run-git';
import { UsageError, type Terminal } from './terminal';

export function runVerify(range: string, terminal: Terminal): number {
  const repository = findRepository(terminal.cwd);
  if (!repository) throw new UsageError('lastline verify needs a git repository');
  const root = repository.root;
  let commits: string[];
  try {
    commits = gitText(root, ['rev-list', '--no-merges', range, '--']).split('\n').filter(Boolean);
  } catch (error) {
    throw new UsageError(`cannot read the range "${range}": ${error instanceof GitError ? error.stderr || error.message : String(error)}`);
  }
  let notesRefExists = true;
  try {
    gitText(root, ['rev-parse', '--verify', '--quiet', AI_NOTES_REF]);
  } catch {
    notesRefExists = false;
  }
  if (!notesRefExists)
    terminal.error(
      `verify: there is no ${AI_NOTES_REF} here, so no commit is known to hold AI-written lines; in CI, fetch the notes first (lastline notes fetch)`,
    );
  const unreviewed: string[] = [];
  let withAi = 0;
  for (const commit of commits) {
    const note = notesRefExists ? readAiNote(root, commit) : undefined;
    if (!note || !hasAiLines(note)) continue;
    withAi++;
    const message = gitText(root, ['log', '-1', '--format=%B', commit]);
    const keys = parseTrailers(root, message).map((trailer) => trailer.key.toLowerCase());
    if (keys.includes('ai-reviewed-by') || keys.includes(WAIVER_TRAILER.toLowerCase())) continue;
    const subject = message.split('\n')[0];
    const files = [...note.files.entries()].map(
      ([path, entries]) =>
        `${path}:${entries.flatMap((entry) => entry.ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`))).join(',')}`,
    );
    unreviewed.push(`${commit.slice(0, 12)} ${subject}: AI-written lines (${files.join(' ')}) without AI-Reviewed-by or ${WAIVER_TRAILER}`);
  }
  for (const line of unreviewed) terminal.out(line);
  terminal.error(`verify: ${commits.length} commit(s) in ${range}, ${withAi} with AI-written lines, ${unreviewed.length} without a review marker`);
  return unreviewed.length ? 1 : 0;
}
