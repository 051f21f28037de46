// The checksum inside GitHub (ghp_/gho_/ghu_/ghs_/ghr_) and npm (npm_) tokens: after the 4-character
// prefix come 30 random base62 characters and then 6 base62 characters holding the CRC-32 of those
// 30 characters (the prefix is not included), left-padded with "0".
// Sources: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ (the
// "32-bit checksum" in the last six characters), the exact layout as reverse-engineered from real,
// expired tokens in https://github.com/therootcompany/base62-token.js and as checked by Samsung
// CredSweeper's ValueGitHubCheck filter (which applies the same check to npm_ tokens, per
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/).
import { crc32 } from 'node:zlib';
import { encodeBase62 } from './base62';

const CHECKSUM_LENGTH = 6;

/** True when the last 6 characters of `body` (the token without its prefix) are the base62 CRC-32 of the rest. */
export function hasValidCrc32Checksum(body: string): boolean {
  if (body.length <= CHECKSUM_LENGTH) return false;
  const entropy = body.slice(0, -CHECKSUM_LENGTH);
  // zlib's CRC-32 (IEEE 802.3) of the characters as Latin-1 bytes: a token's body is base62 (ASCII).
  return encodeBase62(crc32(Buffer.from(entropy, 'latin1')), CHECKSUM_LENGTH) === body.slice(-CHECKSUM_LENGTH);
}
