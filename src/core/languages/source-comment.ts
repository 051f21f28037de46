/** A comment of a JS/TS source, as the comment walkers find it and the suppression rules read it. */
export interface SourceComment {
  kind: 'line' | 'block';
  /** Text without the `//` or `/* *\/` markers. */
  value: string;
  /** Offsets [start, end) including the markers. */
  start: number;
  end: number;
}
