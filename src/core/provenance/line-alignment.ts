// Aligns two versions of a file line by line: which line of the new version is which line of the
// old one. Most edits touch one place, so the common head and tail are matched first and only the
// middle is diffed (Myers, through jsdiff), with a bound on the edit length so that a rewritten
// file costs linear time rather than quadratic. Lines a diff calls deleted and inserted elsewhere
// with the same content are matched as moved, unless they are trivial (a lone `}` moves nothing).
import { diffArrays } from 'diff';
import { isTrivialLine } from './line-hash';

/**
 * Past this many differing lines in the middle, the middle is treated as rewritten (Myers costs
 * about lines × this bound before it gives up); unchanged lines there are still found as moves.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * For each line of `next` (hashes, and texts for the move check), the index of the same line in
 * `previous`, or -1 when it is new.
 */
export function alignLines(previous: readonly string[], next: readonly string[], nextTexts: readonly string[]): Int32Array {
  const matched = new Int32Array(next.length).fill(-1);
  let head = 0;
  while (head < previous.length && head < next.length && previous[head] === next[head]) {
    matched[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < previous.length - head && tail < next.length - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) {
    matched[next.length - 1 - tail] = previous.length - 1 - tail;
    tail++;
  }
  const oldMiddle = previous.slice(head, previous.length - tail);
  const newMiddle = next.slice(head, next.length - tail);
  const usedOld = new Uint8Array(previous.length);
  if (oldMiddle.length && newMiddle.length) {
    const changes = diffArrays(oldMiddle as string[], newMiddle as string[], { maxEditLength: MAX_EDIT_LENGTH });
    let oldIndex = head;
    let newIndex = head;
    for (const change of changes ?? []) {
      const count = change.count ?? change.value.length;
      if (change.added) newIndex += count;
      else if (change.removed) oldIndex += count;
      else {
        for (let offset = 0; offset < count; offset++) {
          matched[newIndex + offset] = oldIndex + offset;
          usedOld[oldIndex + offset] = 1;
        }
        oldIndex += count;
        newIndex += count;
      }
    }
  }
  matchMoves(previous, head, previous.length - tail, next, nextTexts, matched, usedOld);
  return matched;
}

/** Unmatched new lines take an unmatched old line with the same hash (first come, first served). */
function matchMoves(
  previous: readonly string[],
  from: number,
  to: number,
  next: readonly string[],
  nextTexts: readonly string[],
  matched: Int32Array,
  usedOld: Uint8Array,
): void {
  const unmatchedOld = new Map<string, number[]>();
  for (let index = to - 1; index >= from; index--) {
    if (usedOld[index]) continue;
    const list = unmatchedOld.get(previous[index]);
    if (list) list.push(index);
    else unmatchedOld.set(previous[index], [index]);
  }
  if (unmatchedOld.size === 0) return;
  for (let index = 0; index < next.length; index++) {
    if (matched[index] >= 0 || isTrivialLine(nextTexts[index])) continue;
    const candidates = unmatchedOld.get(next[index]);
    const old = candidates?.pop();
    if (old !== undefined) matched[index] = old;
  }
}
