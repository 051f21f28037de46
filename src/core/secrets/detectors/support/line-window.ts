// The text around a candidate on its own line, at most `radius` characters each way: where the
// rest of a connection string, SAS query or provider name is looked for. Bounded, so the cost per
// candidate does not grow with the length of the line or of the file.

export function lineWindow(text: string, start: number, end: number, radius: number): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const lineBreakBefore = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const lineBreakAfter = after.search(/[\r\n]/);
  return before.slice(lineBreakBefore + 1) + text.slice(start, end) + (lineBreakAfter < 0 ? after : after.slice(0, lineBreakAfter));
}

/** The text from `lines` line breaks before `start` to `lines` line breaks after `end`, bounded by `radius` characters each way. */
export function nearbyLines(text: string, start: number, end: number, lines: number, radius: number): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  let windowStart = start;
  for (let seen = 0; windowStart > from && seen <= lines;) {
    windowStart--;
    if (text.charCodeAt(windowStart) === 10) seen++;
  }
  let windowEnd = end;
  for (let seen = 0; windowEnd < to && seen <= lines; windowEnd++) {
    if (text.charCodeAt(windowEnd) === 10) seen++;
  }
  return text.slice(windowStart, windowEnd);
}
