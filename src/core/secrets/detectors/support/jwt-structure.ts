// Structural validation of a compact JWS / JWT (RFC 7515 §7.1, RFC 7519): three base64url segments
// `header.payload.signature`, where the header is a JSON object with an "alg" string and the
// payload a JSON object (the claims set). Shared by the JWT detector and by GitHub's stateless
// installation tokens, which embed one.
import { createHmac } from 'node:crypto';

export interface ParsedJwt {
  /** Length of the token within the run it was parsed from (a sentence-ending "." is left out). */
  length: number;
  alg: string;
  /** The "exp" claim in seconds since the epoch, when present and numeric. */
  expiresAt?: number;
  /** True for a token signed with a secret published in documentation (jwt.io's example). */
  documentationExample: boolean;
}

/** Generous caps: real headers are < 1 KB, payloads rarely above a few KB, RSA-8192 signatures 1366 chars. */
const MAX_HEADER = 2048;
const MAX_PAYLOAD = 64 * 1024;
const MAX_SIGNATURE = 2048;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Signature length in base64url characters for each algorithm family (RFC 7518 §3): HMAC output
 * size, ECDSA r||s size, Ed25519/Ed448 size; RSA depends on the key (1024 to 8192 bits).
 */
function signatureLengthFits(alg: string, length: number): boolean {
  switch (alg) {
    case 'HS256':
      return length === 43;
    case 'HS384':
      return length === 64;
    case 'HS512':
    case 'ES256':
    case 'ES256K':
      return length === 86;
    case 'ES384':
      return length === 128;
    case 'ES512':
      return length === 176;
    case 'EdDSA':
    case 'Ed25519':
    case 'Ed448':
      return length === 86 || length === 152;
    default:
      if (/^(RS|PS)(256|384|512)$/.test(alg)) return length >= 171 && length <= 1366;
      return length >= 16;
  }
}

/**
 * Secrets that documentation signs its example tokens with: jwt.io's default HS256/384/512 secrets
 * (old and current debugger) and the classic "secret". A token that verifies with one of them is an
 * example copied from the docs (e.g. jwt.io's "John Doe" token), not a credential.
 */
const DOCUMENTATION_SECRETS = [
  'your-256-bit-secret',
  'your-384-bit-secret',
  'your-512-bit-secret',
  'a-string-secret-at-least-256-bits-long',
  'a-string-secret-at-least-384-bits-long',
  'a-string-secret-at-least-512-bits-long',
  'secret',
];
const HMAC_HASHES: Readonly<Record<string, string>> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

function isSignedWithDocumentationSecret(alg: string, signingInput: string, signature: string): boolean {
  const hash = HMAC_HASHES[alg];
  if (!hash) return false;
  return DOCUMENTATION_SECRETS.some((secret) => createHmac(hash, secret).update(signingInput).digest('base64url') === signature);
}

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  // base64url without padding never has length ≡ 1 (mod 4).
  if (segment.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The three segments of `run` (a maximal run of base64url characters and dots), or undefined. */
function splitSegments(run: string): { parts: [string, string, string]; length: number } | undefined {
  let dots = 0;
  for (let i = 0; i < run.length && dots <= 3; i++) if (run.charCodeAt(i) === 46) dots++;
  if (dots < 2 || dots > 3) return undefined;
  const parts = run.split('.', 4);
  if (dots === 2) return { parts: [parts[0], parts[1], parts[2]], length: run.length };
  // "…signature." — the dot ends the sentence, not the token.
  if (dots === 3 && parts[3] === '' && run.endsWith('.')) return { parts: [parts[0], parts[1], parts[2]], length: run.length - 1 };
  return undefined;
}

/** Parses the JWT at the start of `run`, which must be the whole token (plus at most a trailing "."). */
export function parseJwt(run: string): ParsedJwt | undefined {
  const split = splitSegments(run);
  if (!split) return undefined;
  const [headerPart, payloadPart, signature] = split.parts;
  if (headerPart.length > MAX_HEADER || payloadPart.length > MAX_PAYLOAD || signature.length > MAX_SIGNATURE) return undefined;
  if (!BASE64URL.test(headerPart) || !BASE64URL.test(payloadPart) || !BASE64URL.test(signature)) return undefined;

  const header = decodeJsonObject(headerPart);
  if (!header || typeof header.alg !== 'string') return undefined;
  const payload = decodeJsonObject(payloadPart);
  if (!payload) return undefined;

  const alg = header.alg;
  const unsigned = alg.toLowerCase() === 'none';
  if (unsigned ? signature !== '' : !signatureLengthFits(alg, signature.length)) return undefined;

  return {
    length: split.length,
    alg,
    expiresAt: typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : undefined,
    documentationExample: isSignedWithDocumentationSecret(alg, `${headerPart}.${payloadPart}`, signature),
  };
}

/** True when the token carries an "exp" claim that is already in the past. */
export function hasExpired(jwt: ParsedJwt, nowMs: number = Date.now()): boolean {
  return jwt.expiresAt !== undefined && jwt.expiresAt * 1000 < nowMs;
}
