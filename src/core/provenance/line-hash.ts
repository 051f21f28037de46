// A line's identity for attribution: its content with whitespace normalised, hashed. Re-indenting a
// line keeps its author; changing a token makes it a new line (a person rewrote it).
import { createHash } from 'node:crypto';

/** Splits text into lines without their terminators ("a\r\nb\n" → ["a", "b"]; "" → []). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function normalizeLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/**
 * Hashes already computed, by line text. The editor re-aligns a document on every keystroke, which
 * changes one line: the other lines' hashes come from here. Bounded by clearing, which is cheap to
 * refill and keeps a long session's memory flat.
 */
const HASH_CACHE_LIMIT = 100_000;
const hashCache = new Map<string, string>();

export function lineHash(line: string): string {
  let hash = hashCache.get(line);
  if (hash === undefined) {
    hash = createHash('sha256').update(normalizeLine(line)).digest('hex').slice(0, 16);
    if (hashCache.size >= HASH_CACHE_LIMIT) hashCache.clear();
    hashCache.set(line, hash);
  }
  return hash;
}

export function lineHashes(text: string): string[] {
  return splitLines(text).map(lineHash);
}

/**
 * A line that says nothing on its own (blank, a lone bracket, `else:`): it may follow its
 * neighbours through a diff, but never carries an author on its own to a new place.
 */
export function isTrivialLine(line: string): boolean {
  return normalizeLine(line).replace(/[\s{}()[\];,:]|\b(else|end|fi|done|pass|return|break|continue)\b/g, '').length === 0;
}
