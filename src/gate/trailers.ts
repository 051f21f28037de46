// The review marker in the commit message: `Assisted-by: <tool>:<model>` (the Linux kernel's
// convention) per assistant that wrote staged lines, `AI-Reviewed-by: Name <email>` per reviewer.
// Added through `git interpret-trailers`, which knows where trailers go and skips duplicates on amend.
import { formatReviewer, type AiHunk, type Reviewer } from '../core/provenance/review';
import { git } from '../git/run-git';

export const WAIVER_TRAILER = 'AI-Review-Waived';

export function assistedBy(hunks: readonly AiHunk[]): string[] {
  return [...new Set(hunks.map(({ attribution }) => `${attribution.tool}:${attribution.model ?? 'unknown'}`))];
}

export function addTrailers(root: string, messageFile: string, hunks: readonly AiHunk[], reviewers: readonly Reviewer[]): void {
  const trailers = [
    ...assistedBy(hunks).map((value) => `Assisted-by: ${value}`),
    ...[...new Set(reviewers.map(formatReviewer))].map((value) => `AI-Reviewed-by: ${value}`),
  ];
  if (trailers.length === 0) return;
  git(root, ['interpret-trailers', '--in-place', '--if-exists', 'addIfDifferent', ...trailers.flatMap((trailer) => ['--trailer', trailer]), messageFile]);
}

/** The trailers of a commit message, as git parses them. */
export function parseTrailers(root: string, message: string): { key: string; value: string }[] {
  const text = git(root, ['interpret-trailers', '--parse', '--no-divider'], message).toString('utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
}

/** The waiver's reason, when the message carries an `AI-Review-Waived:` trailer with one. */
export function waiverIn(root: string, message: string): string | undefined {
  const withoutComments = message
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  return parseTrailers(root, withoutComments).find((trailer) => trailer.key.toLowerCase() === WAIVER_TRAILER.toLowerCase() && trailer.value !== '')?.value;
}
