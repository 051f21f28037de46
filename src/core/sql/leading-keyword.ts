// The cheap gate in front of the tokenizer. Almost every string in a workspace is not SQL, and
// every SQL statement starts with one of a dozen keywords, so looking at the first word decides
// most strings after a handful of characters and without allocating.
import { Char, isAsciiLetter, isSpace, isWordChar } from './char-classes';
import { STATEMENT_LEADERS } from './keywords';

/** The longest statement keyword (TRUNCATE, EXECUTE) has eight letters. */
const MAX_LEADER_LENGTH = 8;

/**
 * Whether the first word of `text` — past whitespace, comments, `(` and `;` — is a statement
 * keyword (or EXPLAIN). A hole before that word (at or before `firstHole`) fails the gate: a
 * statement whose start is interpolated cannot be judged.
 */
export function startsWithStatementKeyword(text: string, firstHole: number): boolean {
  const start = skipLeadingNoise(text);
  if (start < 0 || start >= firstHole) return false;
  let end = start;
  while (end < text.length && end - start <= MAX_LEADER_LENGTH && isAsciiLetter(text.charCodeAt(end))) end++;
  if (end === start || end - start > MAX_LEADER_LENGTH || (end < firstHole && isWordChar(text.charCodeAt(end)))) {
    return false;
  }
  return STATEMENT_LEADERS.has(text.slice(start, end).toUpperCase());
}

/** Offset of the first character that is not whitespace, a comment, `(` or `;`; -1 inside an open comment. */
function skipLeadingNoise(text: string): number {
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isSpace(code) || code === Char.OpenParen || code === Char.Semicolon) {
      at++;
    } else if (text.startsWith('--', at) || (code === Char.Hash && isSpace(text.charCodeAt(at + 1)))) {
      const newline = text.indexOf('\n', at);
      if (newline < 0) return -1;
      at = newline + 1;
    } else if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2);
      if (close < 0) return -1;
      at = close + 2;
    } else {
      return at;
    }
  }
  return -1;
}
