// The string values of a file, whatever its language, memoised per analysis so the secret rules
// share one extraction.
import { JS_LANGUAGES } from '../../languages/language';
import { partitionPoint } from '../../partition-point';
import type { RuleContext } from '../../rule';
import { configCandidates } from './config';
import { javascriptCandidates } from './javascript';
import type { StringCandidate } from './model';
import { pythonCandidates } from './python';

export type { EnvLookupDefault, StringCandidate } from './model';

export function stringCandidates(context: RuleContext): StringCandidate[] {
  return context.memo('secrets:string-candidates', () => {
    const { language, text } = context.file;
    if (JS_LANGUAGES.has(language)) return javascriptCandidates(context.javascript(), text);
    if (language === 'python') return pythonCandidates(context.python());
    if (language === 'text') return [];
    return configCandidates(context.config(), text);
  });
}

/** The verbatim candidates by valueStart, with the furthest valueEnd so far: built once per file. */
interface CandidateIndex {
  sorted: { candidate: StringCandidate; order: number }[];
  maxEnd: number[];
}
const indexes = new WeakMap<readonly StringCandidate[], CandidateIndex>();

function indexOf(candidates: readonly StringCandidate[]): CandidateIndex {
  let index = indexes.get(candidates);
  if (!index) {
    const sorted = candidates
      .map((candidate, order) => ({ candidate, order }))
      .filter(({ candidate }) => candidate.verbatim)
      .sort((a, b) => a.candidate.valueStart - b.candidate.valueStart || a.order - b.order);
    const maxEnd: number[] = [];
    for (const [at, { candidate }] of sorted.entries()) maxEnd.push(Math.max(candidate.valueEnd, at > 0 ? maxEnd[at - 1] : -Infinity));
    index = { sorted, maxEnd };
    indexes.set(candidates, index);
  }
  return index;
}

/**
 * The candidate whose value text contains [start, end), when its offsets map 1:1 (the first in the
 * list's order when values nest). A search of the whole list per secret was quadratic: 8,000
 * `db_password_N = "…"` lines took 16 s.
 */
export function candidateAt(candidates: readonly StringCandidate[], start: number, end: number): StringCandidate | undefined {
  const { sorted, maxEnd } = indexOf(candidates);
  // Candidates starting at or before `start` come first; only they can contain the range.
  const after = partitionPoint(sorted, (entry) => entry.candidate.valueStart <= start);
  let found: { candidate: StringCandidate; order: number } | undefined;
  // Walk back while some earlier candidate still reaches `end` (values rarely nest: one step).
  for (let at = after - 1; at >= 0 && maxEnd[at] >= end; at--) {
    const entry = sorted[at];
    if (end <= entry.candidate.valueEnd && (!found || entry.order < found.order)) found = entry;
  }
  return found?.candidate;
}
