// Reads a candidate file for analysis, or says why it is skipped: too large, binary, unreadable.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { formatByteSize } from '../core/config';

export type ReadOutcome =
  | { kind: 'text'; text: string; size: number }
  | { kind: 'skipped'; reason: 'too-large' | 'binary' | 'unreadable'; detail: string };

/** Git's own heuristic: a NUL byte in the first 8000 bytes makes a file binary. */
const BINARY_SNIFF_BYTES = 8000;

export async function readTextFile(path: string, maxFileSize: number): Promise<ReadOutcome> {
  // Synchronous calls on purpose: for the small files of a source tree they cost microseconds,
  // while each async call is a thread-pool round trip (they were half of a whole-tree scan).
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > maxFileSize) {
      return { kind: 'skipped', reason: 'too-large', detail: `${formatByteSize(size)} exceeds maxFileSize ${formatByteSize(maxFileSize)}` };
    }
    return decodeText(readFileSync(fd)) ?? { kind: 'skipped', reason: 'binary', detail: 'binary file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    return { kind: 'skipped', reason: 'unreadable', detail };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-8 text without its BOM, or undefined for binary content. */
export function decodeText(buffer: Buffer): { kind: 'text'; text: string; size: number } | undefined {
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', text, size: buffer.length };
}
