// Character classes and shapes many rows share. Classes are RegExp class bodies (see row.ts).
import type { TokenShape } from '../row';

export const HEX = 'a-f0-9';
export const HEX_ANY_CASE = 'a-fA-F0-9';
export const BASE62 = 'A-Za-z0-9';
export const BASE64URL = 'A-Za-z0-9_-';
export const BASE64 = 'A-Za-z0-9+/';
/** Lowercase letters and digits only. Formats that gitleaks matches case-insensitively use BASE62 with BASE36_ALPHABET. */
export const BASE36 = 'a-z0-9';

/** Alphabet sizes for the randomness check when the class is wider than the issued tokens. */
export const HEX_ALPHABET = 16;
export const BASE36_ALPHABET = 36;

/** A UUID (any version), as Heroku, HubSpot, Snyk and others issue keys. */
export const UUID: TokenShape = {
  body: 'a-fA-F0-9-',
  length: 36,
  layout: /^([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})$/,
  alphabet: HEX_ALPHABET,
};

/** `length` characters of `body`, nothing else: the commonest shape. */
export function run(body: string, length: TokenShape['length'], alphabet?: number): TokenShape {
  return alphabet === undefined ? { body, length } : { body, length, alphabet };
}
