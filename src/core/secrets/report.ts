// How the secret rules report: masked value, severity lowered in test code, the literal's
// "move to environment" fix where one is right, and no report for a .env that git ignores (that is
// exactly where secrets belong).
import { maskSecret } from '../mask';
import type { RuleContext } from '../rule';
import type { Fix, RelatedLocation, Severity } from '../types';
import { candidateAt, stringCandidates, type StringCandidate } from './candidates';
import { moveToEnvironmentFix } from './move-to-env';

export interface SecretReport {
  kind: string;
  /** The secret's offsets in the file. */
  start: number;
  end: number;
  severity: Severity;
  envName: string;
  /** What moves out of the code when it differs from the secret (a whole connection URI). */
  moveStart?: number;
  moveEnd?: number;
  related?: { start: number; end: number; kind: string }[];
  /** Extra guidance when no fix can be offered. */
  advice?: string;
  /** The value holding the secret when the rule read it itself (a command-line argument): named and fixed as it. */
  candidate?: StringCandidate;
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/** Secret rules skip files whose secrets are meant to be there: a git-ignored .env. */
export function secretsBelongHere(context: RuleContext): boolean {
  return context.file.language === 'dotenv' && context.file.ignoredByGit;
}

export function reportSecret(context: RuleContext, secret: SecretReport): void {
  const { text, lines } = context.file;
  const value = text.slice(secret.start, secret.end);
  const moveStart = secret.moveStart ?? secret.start;
  const moveEnd = secret.moveEnd ?? secret.end;
  const candidate = secret.candidate ?? candidateAt(safeCandidates(context), moveStart, moveEnd);
  const wholeValue = candidate && candidate.verbatim && candidate.valueStart === moveStart && candidate.valueEnd === moveEnd;
  const fix = wholeValue ? moveToEnvironmentFix(context, candidate, secret.envName) : undefined;
  const inTest = context.file.isTestFile;
  const fixes: Fix[] = fix ? [fix] : [];
  const related: RelatedLocation[] = (secret.related ?? []).map((part) => ({ message: part.kind, range: lines.rangeOf(part.start, part.end) }));
  const advice = fix ? '' : ` ${secret.advice ?? whereToPutIt(context, candidate)}`;
  context.report({
    range: lines.rangeOf(secret.start, secret.end),
    severity: inTest ? LOWER[secret.severity] : secret.severity,
    message: `${secret.kind} in ${describePlace(context, candidate)} (${maskSecret(value)})${inTest ? ' in test code' : ''}.${advice}`,
    fingerprintText: value,
    related,
    fixes,
  });
}

/** Candidates, or none when the file could not be read structurally (its text is still scanned). */
function safeCandidates(context: RuleContext): StringCandidate[] {
  try {
    return stringCandidates(context);
  } catch {
    return [];
  }
}

function describePlace(context: RuleContext, candidate: StringCandidate | undefined): string {
  if (!candidate) return 'this file';
  if (context.file.language === 'dotenv') return context.file.ignoredByGit ? 'a .env file' : 'a committed .env file';
  return candidate.name ? `\`${candidate.name}\`` : 'a string literal';
}

function whereToPutIt(context: RuleContext, candidate: StringCandidate | undefined): string {
  if (context.file.language === 'terraform') return 'Use a variable marked sensitive and pass the value from the environment (TF_VAR_…) or a secret store.';
  if (context.file.language === 'dockerfile') return 'Do not bake secrets into images: pass them at run time, or use a build secret (RUN --mount=type=secret).';
  if (!candidate) return 'Remove it and rotate it: it is in the history of every clone.';
  return 'Load it from the environment or a secret store, and rotate it.';
}
