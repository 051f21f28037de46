// Fixes are built as offset edits, applied in memory and parsed again before they are offered: a
// fix whose result does not parse is dropped rather than shown. Only the module-level statements
// the edits touch are parsed again (each is valid on its own), so checking many fixes in a large
// file does not re-parse the whole file for each one.
import { parseJavaScript } from '../../languages/javascript';
import { partitionPoint } from '../../partition-point';
import type { Fix } from '../../types';
import type { AnalysisFile } from './analysis-file';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits; undefined when two of them overlap. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], offset = 0): string | undefined {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of ordered) {
    if (edit.end > previousStart) return undefined;
    result = result.slice(0, edit.start - offset) + edit.newText + result.slice(edit.end - offset);
    previousStart = edit.start;
  }
  return result;
}

export type CheckedFix = { fix: Fix } | { reason: string };

export function checkedFix(file: AnalysisFile, title: string, safe: boolean, edits: readonly OffsetEdit[]): CheckedFix {
  for (const region of touchedRegions(file, edits)) {
    const inside = edits.filter((edit) => edit.start >= region.start && edit.end <= region.end);
    const result = applyOffsetEdits(file.tree.text.slice(region.start, region.end), inside, region.start);
    if (result === undefined || !parseJavaScript(result, file.language, file.path).ast) return { reason: 'the rewritten code would not parse' };
  }
  return { fix: { title, safe, edits: edits.map((edit) => ({ range: file.lines.rangeOf(edit.start, edit.end), newText: edit.newText })) } };
}

interface Region {
  start: number;
  end: number;
}

/** The module-level statements the edits touch, widened to whole edits and merged where they meet. */
function touchedRegions(file: AnalysisFile, edits: readonly OffsetEdit[]): Region[] {
  const statements = file.tree.program.body;
  const regions: Region[] = edits.map((edit) => {
    let start = edit.start;
    let end = edit.end;
    for (let index = partitionPoint(statements, (statement) => statement.range[1] < edit.start); index < statements.length; index++) {
      const [statementStart, statementEnd] = statements[index].range;
      if (statementStart > edit.end) break;
      start = Math.min(start, statementStart);
      end = Math.max(end, statementEnd);
    }
    return { start, end };
  });
  regions.sort((a, b) => a.start - b.start);
  const merged: Region[] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region.start <= last.end) last.end = Math.max(last.end, region.end);
    else merged.push({ ...region });
  }
  return merged;
}
