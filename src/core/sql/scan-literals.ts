// Finding where quoted things end. Every search moves forward only and stops at the first
// closer, so scanning a whole text stays linear however its quotes are arranged.
import { Char, isDigit, isWordChar, isWordStart } from './char-classes';

/** Bracketed identifiers (`[Order Details]`) are short and on one line; longer is a subscript or prose. */
const MAX_BRACKETED_NAME = 128;
/** Dollar-quote tags are short names (`$body$`); a longer run is not a tag. */
const MAX_DOLLAR_TAG = 64;

/**
 * Index of the quote that closes a literal whose content starts at `from`, or -1 when the text
 * ends first. A doubled quote is an escaped quote, unless a hole sits between the two: then the
 * first one closes the literal (`'a'` + hole + `'b'` is two literals around the hole).
 */
export function findClosingQuote(text: string, from: number, quote: number, backslashEscapes: boolean, holeAt: (offset: number) => boolean): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (backslashEscapes && code === Char.Backslash) {
      index++;
      continue;
    }
    if (code !== quote) continue;
    if (text.charCodeAt(index + 1) === quote && !holeAt(index + 1)) {
      index++;
      continue;
    }
    return index;
  }
  return -1;
}

/**
 * The `]` closing a bracketed identifier opened at `open`, or -1 when the brackets do not hold a
 * plain one-line name (a nested `[`, a line break, or too long: an array subscript or prose).
 */
export function findBracketClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + 1 + MAX_BRACKETED_NAME);
  for (let index = open + 1; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === Char.CloseBracket) {
      if (text.charCodeAt(index + 1) === Char.CloseBracket) {
        index++;
        continue;
      }
      return index;
    }
    if (code === Char.OpenBracket || code === Char.LineFeed || code === Char.CarriageReturn) return -1;
  }
  return -1;
}

/** Length of a dollar-quote tag at `position` (`$$` → 2, `$body$` → 6), or 0 when there is none. */
export function dollarTagLength(text: string, position: number): number {
  const next = text.charCodeAt(position + 1);
  if (next === Char.Dollar) return 2;
  if (!isWordStart(next)) return 0;
  const limit = Math.min(text.length, position + 2 + MAX_DOLLAR_TAG);
  for (let index = position + 2; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === Char.Dollar) return index - position + 1;
    if (!isWordChar(code)) return 0;
  }
  return 0;
}

/**
 * Whether the word `upper` written right before a quote is a literal prefix rather than a name:
 * N'…' (national), E'…' (escapes), X'…' / B'…' (hex, bits), R'…' (raw), _utf8mb4'…' (charset).
 */
export function isLiteralPrefix(upper: string): boolean {
  if (upper.length === 1) return upper === 'N' || upper === 'E' || upper === 'X' || upper === 'B' || upper === 'R';
  return upper.charCodeAt(0) === Char.Underscore && upper.length > 1 && !isDigit(upper.charCodeAt(1));
}
