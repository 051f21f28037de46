// Fixes are built as offset edits, applied in memory and parsed again before they are offered: a
// fix whose result does not parse is dropped rather than shown.
import { parseJavaScript } from '../../languages/javascript';
import type { Fix } from '../../types';
import type { AnalysisFile } from './analysis-file';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits; undefined when two of them overlap. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string | undefined {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of ordered) {
    if (edit.end > previousStart) return undefined;
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    previousStart = edit.start;
  }
  return result;
}

export type CheckedFix = { fix: Fix } | { reason: string };

export function checkedFix(file: AnalysisFile, title: string, safe: boolean, edits: readonly OffsetEdit[]): CheckedFix {
  const result = applyOffsetEdits(file.tree.text, edits);
  if (result === undefined || !parseJavaScript(result, file.language, file.path).ast) return { reason: 'the rewritten code would not parse' };
  return { fix: { title, safe, edits: edits.map((edit) => ({ range: file.lines.rangeOf(edit.start, edit.end), newText: edit.newText })) } };
}
