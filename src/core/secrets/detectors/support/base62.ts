// Base62 with the "0-9A-Za-z" digit order (GMP / "de facto" base62), which is the alphabet the
// GitHub and npm token checksums are written in.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` (a non-negative integer) in base62, left-padded with "0" to `width` digits. */
export function encodeBase62(value: number, width: number): string {
  let rest = Math.floor(value);
  let digits = '';
  while (rest > 0) {
    digits = DIGITS[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  return digits.padStart(width, '0');
}
