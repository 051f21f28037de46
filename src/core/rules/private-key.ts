// A PEM or OpenSSH private key block in any file: source strings (with `\n` escapes or
// concatenated lines), config values, or a key file checked in. A key is never "test data" once
// it is pushed, so this rule reports any block whose body really looks like key material.
import { maskSecret } from '../mask';
import { partitionPoint } from '../partition-point';
import { defineRule } from '../rule';

const BEGIN = /-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP |ANY )?)PRIVATE KEY( BLOCK)?-----/g;
const END = /-----END ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP |ANY )?)PRIVATE KEY( BLOCK)?-----/g;
/** Upper bound on how far the END marker may be; real keys are 200 B to ~7 KB, PGP blocks larger. */
const MAX_BLOCK_LENGTH = 32 * 1024;
/** Shortest body worth calling a key: an Ed25519 OpenSSH key is ~ 400 base64 characters. */
const MIN_BODY_LENGTH = 64;

export default defineRule({
  meta: {
    id: 'private-key',
    category: 'inline-secret',
    defaultSeverity: 'error',
    description: 'Private key material (PEM or OpenSSH block) stored in a file.',
    fixable: false,
    languages: 'all',
    keywords: ['PRIVATE KEY'],
  },
  check(context) {
    const { text, lines } = context.file;
    for (const { start, kind, bodyStart, endIndex, endMarker } of keyBlocks(text)) {
      const body = keyBody(text.slice(bodyStart, endIndex));
      if (!looksLikeKeyMaterial(body)) continue;

      const encrypted = kind === 'ENCRYPTED' || /Proc-Type:\s*4,ENCRYPTED/.test(text.slice(bodyStart, endIndex));
      const label = kind ? `${kind} private key` : 'Private key';
      context.report({
        range: lines.rangeOf(start, endIndex + endMarker.length),
        severity: encrypted ? 'warning' : 'error',
        message:
          `${label} committed in this file (${maskSecret(body)})` +
          (encrypted ? '; it is passphrase-protected, but the passphrase is rarely strong' : '') +
          '. Revoke it, and load keys from a secret store or a file outside the repository.',
        fingerprintText: body,
      });
    }
  },
});

export interface KeyBlock {
  /** Offset of the BEGIN marker. */
  start: number;
  /** `RSA`, `OPENSSH`, … or '' for PKCS#8. */
  kind: string;
  bodyStart: number;
  /** Offset of the matching END marker. */
  endIndex: number;
  endMarker: string;
}

/**
 * Each BEGIN marker with the first matching END marker after it, within MAX_BLOCK_LENGTH. The END
 * markers are found in one pass (a search of the rest of the file per BEGIN was quadratic: a
 * megabyte of BEGIN lines without END took seconds).
 */
export function keyBlocks(text: string): KeyBlock[] {
  const ends = new Map<string, number[]>();
  for (const end of text.matchAll(END)) {
    const offsets = ends.get(end[0]) ?? ends.set(end[0], []).get(end[0])!;
    offsets.push(end.index);
  }
  const blocks: KeyBlock[] = [];
  if (ends.size === 0) return blocks;
  for (const begin of text.matchAll(BEGIN)) {
    const bodyStart = begin.index + begin[0].length;
    const endMarker = `-----END ${begin[1] || ''}PRIVATE KEY${begin[2] || ''}-----`;
    const offsets = ends.get(endMarker) ?? [];
    const endIndex: number | undefined = offsets[partitionPoint(offsets, (offset) => offset < bodyStart)];
    if (endIndex === undefined || endIndex - bodyStart > MAX_BLOCK_LENGTH) continue;
    blocks.push({ start: begin.index, kind: (begin[1] || '').trim(), bodyStart, endIndex, endMarker });
  }
  return blocks;
}

/**
 * The base64 payload with everything a source file wraps it in removed: line breaks (real or
 * `\n`-escaped), indentation, the quotes and `+` of concatenated string lines, trailing `,`/`;`,
 * and PEM headers such as `Proc-Type:`/`DEK-Info:`. (`+` inside a line is base64 and stays.)
 */
function keyBody(block: string): string {
  return block
    .replace(/\\r|\\n/g, '\n')
    .split(/\r?\n|\r/)
    .filter((line) => !/^\s*["'`]?[A-Za-z-]+:\s/.test(line))
    .map((line) =>
      line
        .trim()
        .replace(/\s*\+$/, '')
        .replace(/[,;]$/, '')
        .replace(/^["'`]|["'`]$/g, ''),
    )
    .join('')
    .replace(/\s/g, '');
}

function looksLikeKeyMaterial(body: string): boolean {
  if (body.length < MIN_BODY_LENGTH || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  // Placeholders such as "AAAA…" or "xxxx…" are long and base64-clean but not random.
  return new Set(body).size >= 16;
}
