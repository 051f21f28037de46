// The severity ladder for code an assistant wrote: a finding in AI-written lines says so and is one
// level more severe, because nobody has looked at that code yet (a person who wrote it did, once).
// A suppression comment the assistant added is such a finding too: silencing a check is exactly
// what an assistant must not do unreviewed.
import type { Finding, Severity } from '../types';
import type { AiRange } from './model';

const RAISED: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

export const AI_WRITTEN_NOTE = ' (AI-written)';

/** Whether a finding's range touches any of the ranges (0-based lines, end exclusive). */
export function touchesRanges(finding: Finding, ranges: readonly Pick<AiRange, 'start' | 'end'>[]): boolean {
  const { start, end } = finding.range;
  // A range that ends at column 0 of a line does not reach into that line.
  const lastLine = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return ranges.some((range) => start.line < range.end && lastLine >= range.start);
}

/** Marks the findings in AI-written ranges; others are returned as they are. */
export function markAiWritten(findings: readonly Finding[], ranges: readonly Pick<AiRange, 'start' | 'end'>[]): Finding[] {
  if (ranges.length === 0) return [...findings];
  return findings.map((finding) =>
    finding.aiWritten || !touchesRanges(finding, ranges)
      ? finding
      : { ...finding, severity: RAISED[finding.severity], message: finding.message + AI_WRITTEN_NOTE, aiWritten: true },
  );
}
