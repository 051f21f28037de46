// The string values of a file, whatever its language, memoised per analysis so the secret rules
// share one extraction.
import { JS_LANGUAGES } from '../../languages/language';
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

/** The candidate whose value text contains [start, end), when its offsets map 1:1. */
export function candidateAt(candidates: readonly StringCandidate[], start: number, end: number): StringCandidate | undefined {
  return candidates.find((candidate) => candidate.verbatim && candidate.valueStart <= start && end <= candidate.valueEnd);
}
