// An edit that takes one property out of a JSON object and leaves it valid: the property with
// the comma that joins it to its neighbours (its whole line, when it has one of its own).
import type { Span } from './model';

/** `"name": "value"` (span from the key's first character to the value's last) with one joining comma. */
export function jsonPropertyRemoval(text: string, span: Span): Span | undefined {
  const keyStart = text.lastIndexOf('"', span.start);
  const valueEnd = text.indexOf('"', span.end) === span.end ? span.end + 1 : span.end;
  if (keyStart === -1) return undefined;
  let after = valueEnd;
  while (after < text.length && /[ \t]/.test(text[after])) after++;
  if (text[after] === ',') {
    // Not the last property: remove through its comma and the rest of its line.
    const lineEnd = text.indexOf('\n', after);
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    const ownLine = text.slice(lineStart, keyStart).trim() === '' && (lineEnd === -1 || text.slice(after + 1, lineEnd).trim() === '');
    if (ownLine) return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1 };
    let next = after + 1;
    while (next < text.length && /[ \t]/.test(text[next])) next++;
    return { start: keyStart, end: next };
  }
  // The last property: remove the comma before it, and it, keeping what follows.
  let before = keyStart - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  if (text[before] === ',') return { start: before, end: valueEnd };
  // The only property: the object becomes empty.
  return text[before] === '{' ? { start: before + 1, end: valueEnd } : undefined;
}
