// Secret-shaped test values built at run time from a hash, so no literal in the repository looks
// like a credential to a scanner (push protection), and every run uses the same values.
import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(seed: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const byte of createHash('sha256').update(`${seed}:${block}`).digest()) {
      if (byte < 248) out += BASE62[byte % 62]; // 248 = 4 × 62: no modulo bias
    }
  }
  return out.slice(0, length);
}

export function seededBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let block = 0; blocks.length * 32 < length; block++) blocks.push(createHash('sha256').update(`${seed}#${block}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** `length` characters of `alphabet`, derived from `seed` (the same seed always gives the same string). */
export function randomString(seed: string, length: number, alphabet: string): string {
  return [...seededBytes(seed, length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export const stripeLiveKey = (seed = 'stripe') => ['sk', 'live', randomBase62(seed, 24)].join('_');
export const stripeTestKey = (seed = 'stripe-test') => ['sk', 'test', randomBase62(seed, 24)].join('_');
/** A strong-looking human password: mixed classes, not a placeholder word. */
export const strongPassword = (seed = 'pw') => `${randomBase62(seed, 6)}!${randomBase62(`${seed}2`, 6)}#9`;
