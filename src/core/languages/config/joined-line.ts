// A logical line that a format continues over several physical lines (a trailing `\` in
// .properties and Dockerfiles). Readers index it like one string, and map what they find back to
// offsets in the file, so a value that spans lines still gets an exact span.
import type { Span } from './model';

export class JoinedLine {
  readonly length: number;
  /** Logical index at which each segment starts. */
  private readonly segmentStarts: number[];
  private lastSegment = 0;

  /** `segments` are the ranges of the file, in order, whose characters make up the line. */
  constructor(
    private readonly text: string,
    private readonly segments: Span[],
  ) {
    this.segmentStarts = [];
    let length = 0;
    for (const segment of segments) {
      this.segmentStarts.push(length);
      length += segment.end - segment.start;
    }
    this.length = length;
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    if (this.segments.length === 1) return this.text.charCodeAt(this.segments[0].start + index);
    return this.text.charCodeAt(this.sourceOffset(index));
  }

  /** The file offset of the character at logical `index` (the end of the line for `length`). */
  sourceOffset(index: number): number {
    if (this.segments.length === 1) return this.segments[0].start + index;
    if (index >= this.length) return this.segments[this.segments.length - 1].end;
    // Readers walk forwards, so the segment found last time is almost always the right one.
    let segment = this.lastSegment;
    if (index < this.segmentStarts[segment]) segment = 0;
    while (segment + 1 < this.segments.length && this.segmentStarts[segment + 1] <= index) segment++;
    this.lastSegment = segment;
    return this.segments[segment].start + (index - this.segmentStarts[segment]);
  }

  /** The file span covering logical [start, end); empty spans sit where `start` maps. */
  sourceSpan(start: number, end: number): Span {
    const sourceStart = this.sourceOffset(start);
    return { start: sourceStart, end: end > start ? this.sourceOffset(end - 1) + 1 : sourceStart };
  }

  /** Whether two `code` characters follow each other inside one segment (`<<`). */
  containsPair(code: number): boolean {
    for (const segment of this.segments) {
      for (let i = segment.start; i + 1 < segment.end; i++) {
        if (this.text.charCodeAt(i) === code && this.text.charCodeAt(i + 1) === code) return true;
      }
    }
    return false;
  }

  slice(start: number, end: number): string {
    if (this.segments.length === 1) return this.text.slice(this.segments[0].start + start, this.segments[0].start + end);
    let result = '';
    for (let i = 0; i < this.segments.length; i++) {
      const from = Math.max(start, this.segmentStarts[i]);
      const to = Math.min(end, this.segmentStarts[i] + (this.segments[i].end - this.segments[i].start));
      if (from < to) result += this.text.slice(this.sourceOffset(from), this.sourceOffset(to - 1) + 1);
    }
    return result;
  }
}
