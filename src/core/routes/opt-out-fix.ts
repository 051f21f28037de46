// The fix for a sensitive route opened on purpose: take the opt-out away. Where the app has a
// default (a Nest global guard, DRF's default permissions) removing `@Public()` or
// `permission_classes = [AllowAny]` is the whole fix; without one, the guard the project uses is
// added as well (by the framework's guard fix), so the route does not end up open unmarked.
import { editsOverlap } from '../edits';
import type { LineIndex } from '../text';
import type { Fix, Range, TextEdit } from '../types';
import type { ResolvedRoute } from './resolve';

/**
 * `addGuard`: the framework's guard fix for the route, computed only when needed. Undefined when
 * the marker is in another file than the one fixed, or nothing would guard the route after.
 */
export function optOutFix(route: ResolvedRoute, file: { path: string; lines: LineIndex }, addGuard: () => Fix | undefined): Fix | undefined {
  const marker = route.publicMarker;
  if (!marker || marker.file !== file.path) return undefined;
  const removal = markerRemoval(file.lines, marker.range, file.path.endsWith('.py'));
  const text = marker.text.replace(/\s+/g, ' ').trim();
  if (route.waived.length) return { title: `Remove ${text} (${route.waived[0].name} then applies)`, safe: false, edits: [removal] };
  const added = addGuard();
  if (!added || editsOverlap(added.edits, [removal], file.lines)) return undefined;
  return { title: `${added.title} and remove ${text}`, safe: false, edits: [...added.edits, removal] };
}

/**
 * Deletes the marker: its whole lines when it stands alone on them (a decorator, a class
 * attribute), else its text and the blank after it (`@Public() @Delete(':id')` on one line). A
 * Python class body left without a statement gets `pass`.
 */
export function markerRemoval(lines: LineIndex, range: Range, python: boolean): TextEdit {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const lineStart = lines.lineStart(range.start.line);
  const nextLine = range.end.line + 1 < lines.lineCount ? lines.lineStart(range.end.line + 1) : lines.text.length;
  const before = lines.text.slice(lineStart, start);
  const after = lines.text.slice(end, nextLine);
  if (!/^[ \t]*$/.test(before) || !/^[ \t]*(?:#.*)?\r?\n?$/.test(after)) {
    return { range: lines.rangeOf(start, end + /^[ \t]*/.exec(after)![0].length), newText: '' };
  }
  const alone = python && !lines.text.slice(start, end).startsWith('@') && !hasSiblingStatement(lines, range, before);
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: lines.rangeOf(lineStart, nextLine), newText: alone ? `${before}pass${eol}` : '' };
}

/** Whether another line of the same indentation stands next to the statement in its block. */
function hasSiblingStatement(lines: LineIndex, range: Range, indent: string): boolean {
  const sameBlock = (line: number) => {
    const text = lines.lineText(line);
    return text.trim() !== '' && !text.trim().startsWith('#') && /^[ \t]*/.exec(text)![0] === indent;
  };
  const nonBlank = (from: number, step: number) => {
    for (let line = from; line >= 0 && line < lines.lineCount; line += step) if (lines.lineText(line).trim() !== '') return line;
    return -1;
  };
  const next = nonBlank(range.end.line + 1, 1);
  const previous = nonBlank(range.start.line - 1, -1);
  return (next >= 0 && sameBlock(next)) || (previous >= 0 && sameBlock(previous));
}
