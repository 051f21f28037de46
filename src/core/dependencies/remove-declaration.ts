// The edit that removes one dependency declaration from its file: the whole line in a line-based
// file (requirements.txt, a TOML table), or — in JSON — the property with the comma that joins it
// to its neighbours, so the file stays valid. Undefined when the declaration shares its line with
// other code and no safe removal exists.
import type { Span } from '../languages/config/model';

export function removalOf(text: string, span: Span, json: boolean): Span | undefined {
  return json ? jsonPropertyRemoval(text, span) : lineRemoval(text, span);
}

/** The declaration's line(s), when nothing else is on them. */
function lineRemoval(text: string, span: Span): Span | undefined {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const end = newline === -1 ? text.length : newline + 1;
  const before = text.slice(start, span.start);
  const after = text.slice(span.end, newline === -1 ? text.length : newline);
  // A trailing comment or a separating comma may stay behind on the line: it goes with it.
  if (before.trim() !== '' || !/^\s*,?\s*(#.*)?\r?$/.test(after)) return undefined;
  return { start, end };
}

/** `"name": "spec"` (span from the key's first character to the value's last) with one joining comma. */
function jsonPropertyRemoval(text: string, span: Span): Span | undefined {
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
