// Pieces every string-built finding shares: which holes count (a numeric, escaped or
// constant-choice value cannot inject), their taint, severity, and the related locations (where the
// string was built, where an untrusted value entered).
import type { RelatedLocation, Severity } from '../../types';
import { buildSiteLabel, valueSourceHere, type NamedHole } from '../message-parts';
import type { StringFamily } from '../model';
import { isHarmless } from '../value-safety';
import type { AnalysisFile } from './analysis-file';
import type { ResolvedString } from './resolve-string';
import type { Taint } from './taint';
import type { Node } from './tree';

export interface CountedHole extends NamedHole {
  index: number;
  node: Node;
  source?: Taint['source'];
}

/**
 * A string is "built" when constant text and at least one interpolated value meet. For SQL the
 * text must say something (blanks are no query); a command line joined from values with blanks
 * (`cmd + ' ' + file`) is built too.
 */
export function isBuilt(resolved: ResolvedString, blanksCount = false): boolean {
  const { parts } = resolved.built;
  return parts.some((part) => typeof part !== 'string') && parts.some((part) => typeof part === 'string' && (blanksCount || part.trim() !== ''));
}

/** Sets `taint` on the built string's holes and returns those that could inject into this family of string. */
export function countedHoles(resolved: ResolvedString, file: AnalysisFile, family: StringFamily): CountedHole[] {
  const counted: CountedHole[] = [];
  resolved.holes.forEach((hole, index) => {
    const taint = file.taint.taintOf(hole.node);
    const model = resolved.built.holes[index];
    if (taint) model.taint = taint.description;
    if (isHarmless(hole.safety, family)) return;
    counted.push({ index, node: hole.node, text: model.text, ...(taint ? { taint: taint.description, source: taint.source } : {}) });
  });
  return counted;
}

export function severityOf(holes: readonly CountedHole[]): Severity {
  return holes.some((hole) => hole.taint) ? 'error' : 'warning';
}

/** Build sites and taint sources outside the flagged range, in source order. */
export function relatedLocations(
  file: AnalysisFile,
  resolved: ResolvedString,
  holes: readonly CountedHole[],
  flagged: Node,
  family: StringFamily,
): RelatedLocation[] {
  const outside = (start: number, end: number) => end <= flagged.range[0] || start >= flagged.range[1];
  const related: { start: number; end: number; message: string }[] = [];
  for (const site of resolved.sites)
    if (outside(site.start, site.end)) related.push({ start: site.start, end: site.end, message: buildSiteLabel(family, site.kind) });
  const seen = new Set<string>();
  for (const hole of holes) {
    if (!hole.source || !hole.taint || !outside(hole.source.start, hole.source.end)) continue;
    const key = `${hole.source.start}:${hole.source.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({ start: hole.source.start, end: hole.source.end, message: valueSourceHere(hole) });
  }
  return related.sort((a, b) => a.start - b.start).map((location) => ({ message: location.message, range: file.lines.rangeOf(location.start, location.end) }));
}
