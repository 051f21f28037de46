// A template flattened for scanning: the constant parts concatenated into one text, each hole a
// zero-width mark between two characters. Scanning one text lets a literal or comment opened in
// one part and closed in a later one be read as the single token it is.
import type { SqlTemplatePart } from './types';

export interface TemplateText {
  text: string;
  /** Text offset of each hole, in order of appearance (non-decreasing: adjacent holes share one). */
  holeOffsets: number[];
  /** The caller's `hole` index of each hole, in the same order. */
  holeIds: number[];
  /** Parts-array index and text offset of each non-empty constant part, for mapping offsets back. */
  partIndexes: number[];
  partStarts: number[];
}

export function flattenTemplate(parts: readonly SqlTemplatePart[]): TemplateText {
  const pieces: string[] = [];
  const holeOffsets: number[] = [];
  const holeIds: number[] = [];
  const partIndexes: number[] = [];
  const partStarts: number[] = [];
  let length = 0;
  parts.forEach((part, index) => {
    if (typeof part === 'string') {
      if (part.length === 0) return;
      partIndexes.push(index);
      partStarts.push(length);
      pieces.push(part);
      length += part.length;
    } else {
      holeOffsets.push(length);
      holeIds.push(part.hole);
    }
  });
  return { text: pieces.join(''), holeOffsets, holeIds, partIndexes, partStarts };
}

/** Which constant part holds the character at `offset`, and where inside it. */
export function partPositionOf(template: TemplateText, offset: number): { part: number; offset: number } {
  const starts = template.partStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { part: template.partIndexes[low], offset: offset - starts[low] };
}
