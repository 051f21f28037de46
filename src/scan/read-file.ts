// Reads a candidate file for analysis, or says why it is skipped: too large, binary, unreadable.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { formatByteSize } from '../core/config';

export type ReadOutcome =
  { kind: 'text'; text: string; size: number } | { kind: 'skipped'; reason: 'too-large' | 'binary' | 'unreadable' | 'not-a-file'; detail: string };

/** Git's own heuristic: a NUL byte in the first 8000 bytes makes a file binary. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Files are read into one reused buffer and decoded from it (the text is a copy). A fresh buffer
 * per file touches fresh memory each time, and first touches are slow: on the 30 MB bench corpus
 * per-file buffers took ~180 ms of a scan, the reused one ~40 ms. Files above this size get a
 * buffer of their own, so one large file does not pin its size in memory for the whole scan.
 */
const SCRATCH_LIMIT = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(256 * 1024);

/** `.lastline.json`, `.gitignore`, `.env`: real ones are a few KB; past this they are not read. */
export const MAX_STEERING_FILE_SIZE = 1024 * 1024;

export async function readTextFile(path: string, maxFileSize: number): Promise<ReadOutcome> {
  return readTextFileSync(path, maxFileSize);
}

/**
 * The one way Lastline reads a file it did not write — scanned files and the files that steer a
 * scan (`.lastline.json`, `.gitignore`, `.env`) alike: a regular file only (a FIFO never blocks,
 * a device is never read), at most `maxFileSize` bytes (a symlink to /dev/zero is refused).
 */
export function readTextFileSync(path: string, maxFileSize: number): ReadOutcome {
  // Synchronous calls on purpose: for the small files of a source tree they cost microseconds,
  // while each async call is a thread-pool round trip (they were half of a whole-tree scan).
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'skipped', reason: 'not-a-file', detail: 'not a regular file (a FIFO, device or socket)' };
    const { size } = stats;
    if (size > maxFileSize) {
      return { kind: 'skipped', reason: 'too-large', detail: `${formatByteSize(size)} exceeds maxFileSize ${formatByteSize(maxFileSize)}` };
    }
    const content = readAll(fd, size, maxFileSize);
    if (content === undefined) {
      return { kind: 'skipped', reason: 'too-large', detail: `grew beyond maxFileSize ${formatByteSize(maxFileSize)} while being read` };
    }
    return decodeText(content) ?? { kind: 'skipped', reason: 'binary', detail: 'binary file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    return { kind: 'skipped', reason: 'unreadable', detail };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * UTF-16 text (Windows tools write it: PowerShell redirection, .reg files, some .NET configs): with
 * a BOM, or without one when the first bytes look like ASCII with a zero byte beside every
 * character. Otherwise undefined (UTF-8, or binary).
 */
function utf16Encoding(buffer: Buffer): 'utf16le' | 'utf16be' | undefined {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf16le';
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf16be';
  const sample = buffer.subarray(0, Math.min(buffer.length, BINARY_SNIFF_BYTES) & ~1);
  if (sample.length < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) zeroEven++;
    if (sample[index + 1] === 0) zeroOdd++;
  }
  const pairs = sample.length / 2;
  // Text in UTF-16 has a zero in nearly every pair on one side and almost none on the other.
  if (zeroOdd >= pairs * 0.9 && zeroEven === 0) return 'utf16le';
  if (zeroEven >= pairs * 0.9 && zeroOdd === 0) return 'utf16be';
  return undefined;
}

/**
 * The file's bytes up to end of file, valid until the next call. `size` (from fstat) is a hint:
 * a file that changes while it is read is read to its real end, or undefined past `maxFileSize`.
 */
function readAll(fd: number, size: number, maxFileSize: number): Buffer | undefined {
  let buffer = bufferFor(size + 1); // one spare byte: a read that fills it means the file grew
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxFileSize) return undefined;
      const larger = bufferFor(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return length > maxFileSize ? undefined : buffer.subarray(0, length);
    length += read;
  }
}

function bufferFor(size: number): Buffer {
  if (size > SCRATCH_LIMIT) return Buffer.allocUnsafe(size);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  return scratch;
}

/** UTF-8 text without its BOM, or undefined for binary content. */
export function decodeText(buffer: Buffer): { kind: 'text'; text: string; size: number } | undefined {
  const utf16 = utf16Encoding(buffer);
  if (utf16) {
    const bom = buffer[0] === 0xff && buffer[1] === 0xfe ? 2 : buffer[0] === 0xfe && buffer[1] === 0xff ? 2 : 0;
    const body = buffer.subarray(bom, bom + ((buffer.length - bom) & ~1));
    // Node has no UTF-16BE decoder: swap the bytes of a copy, then decode as UTF-16LE.
    const text = (utf16 === 'utf16be' ? Buffer.from(body).swap16() : body).toString('utf16le');
    return { kind: 'text', text, size: buffer.length };
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', text, size: buffer.length };
}
