import { LineIndex } from './text';
import type { FileAppend, Finding, Fix, TextEdit } from './types';

/**
 * Applies non-overlapping edits to a text. Edits are applied back to front so earlier offsets stay
 * valid; overlapping edits are refused rather than producing a corrupted file.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const resolved = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of resolved) {
    if (edit.end > previousStart) throw new Error('overlapping edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    previousStart = edit.start;
  }
  return result;
}

/** Whether two edit lists can be applied together (used to pick one fix per finding for --fix). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[], lines: LineIndex): boolean {
  const spans = (edits: readonly TextEdit[]) => edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)] as const);
  const bSpans = spans(b);
  return spans(a).some(([aStart, aEnd]) => bSpans.some(([bStart, bEnd]) => (aStart < bEnd && bStart < aEnd) || (aStart === bStart && aEnd === bEnd)));
}

/**
 * The text a FileAppend adds to a file holding `existing` (empty for a missing file), or
 * undefined when there is nothing to add: lines already present are skipped with `unlessPresent`,
 * and a file without a final line break gets one first. The CLI writes it, the editor inserts it.
 */
export function textToAppend(existing: string, append: FileAppend): string | undefined {
  const present = new Set(existing.split(/\r?\n/));
  const lines = append.appendLines.filter((line) => !append.unlessPresent || !present.has(line));
  if (lines.length === 0) return undefined;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${separator}${lines.join('\n')}\n`;
}

export interface ChosenFixes {
  edits: TextEdit[];
  appends: FileAppend[];
  /** How many findings the chosen fixes fix. */
  count: number;
}

/**
 * The fixes to apply together to one file: for each finding, the first fix `pick` accepts whose
 * edits do not overlap those already chosen (a later run picks the rest up). `lastline scan --fix`
 * and the editor's "fix all" actions choose the same way.
 */
export function chooseFixes(findings: readonly Finding[], text: string, pick: (fix: Fix, finding: Finding) => boolean): ChosenFixes {
  const lines = new LineIndex(text);
  const chosen: ChosenFixes = { edits: [], appends: [], count: 0 };
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => pick(candidate, finding) && !editsOverlap(candidate.edits, chosen.edits, lines));
    if (!fix) continue;
    chosen.edits.push(...fix.edits);
    chosen.appends.push(...(fix.files ?? []));
    chosen.count++;
  }
  return chosen;
}
