// The two operations on a file's record: bring it up to date with the file's current text, and
// record an assistant's change from one text to another. Both keep authorship on lines that stay or
// move, and give new or rewritten lines to whoever wrote them (in `recordChange`, the assistant; in
// `reconcile`, nobody: a change no hook reported was a person's, or unknown, never an assistant's).
import { alignLines } from './line-alignment';
import { lineHash, splitLines } from './line-hash';
import { emptyProvenance, fromOwners, ownersOf, type Attribution, type FileProvenance } from './model';

/** The record aligned with `text`: kept and moved lines keep their author, other lines have none. */
export function reconcile(record: FileProvenance, text: string): FileProvenance {
  const lines = splitLines(text);
  const hashes = lines.map(lineHash);
  if (sameHashes(record.hashes, hashes)) return record;
  const previousOwners = ownersOf(record);
  const matched = alignLines(record.hashes, hashes, lines);
  const owners = Array.from(matched, (old) => (old >= 0 ? previousOwners[old] : -1));
  return fromOwners(record.path, hashes, owners, record.attributions);
}

/**
 * Records that an assistant changed a file from `before` to `after`. Lines of `before` keep the
 * author the record gives them (a person's lines typed since the last record stay a person's);
 * lines the change added or rewrote belong to `attribution`. Without `before` (no snapshot and no
 * account from the tool), the file as the record last saw it stands in for it: lines changed since
 * then, by anyone, go to the assistant. Callers use that only as a last resort.
 */
export function recordChange(
  record: FileProvenance | undefined,
  path: string,
  before: string | undefined,
  after: string,
  attribution: Attribution,
): FileProvenance {
  const start = record ? { ...record, path } : emptyProvenance(path);
  const base = before === undefined ? start : reconcile(start, before);
  const lines = splitLines(after);
  const hashes = lines.map(lineHash);
  const baseOwners = ownersOf(base);
  const matched = alignLines(base.hashes, hashes, lines);
  const added = base.attributions.length;
  const owners = Array.from(matched, (old) => (old >= 0 ? baseOwners[old] : added));
  return fromOwners(path, hashes, owners, [...base.attributions, attribution]);
}

function sameHashes(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((hash, index) => hash === right[index]);
}

/**
 * A person's verdict on the range around `line` of `text`: a suspected range (a heuristic's guess)
 * confirmed becomes the editor's AI-written range; a range dismissed ("not AI") becomes the
 * person's. Only suspected ranges can be confirmed; `dismiss` takes any kind only with
 * `anyKind` (the editor's "Not AI", after the person confirmed it). Undefined when there is no
 * such range at the line.
 */
export function resolveSuspected(
  record: FileProvenance,
  text: string,
  line: number,
  verdict: 'confirm' | 'dismiss',
  anyKind = false,
): FileProvenance | undefined {
  const current = reconcile(record, text);
  const owners = Array.from(ownersOf(current));
  const owner = owners[line];
  if (owner === undefined || owner < 0) return undefined;
  if (current.attributions[owner].kind !== 'suspected' && !(anyKind && verdict === 'dismiss')) return undefined;
  const attributions = [...current.attributions];
  if (verdict === 'confirm') attributions[owner] = { ...attributions[owner], kind: 'editor' };
  else for (let index = 0; index < owners.length; index++) if (owners[index] === owner) owners[index] = -1;
  return fromOwners(current.path, current.hashes, owners, attributions);
}
