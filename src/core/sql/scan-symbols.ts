// Placeholders and operators at a position of the text: pure look-ups the scanner calls when it
// meets one of their first characters. Every look-ahead is bounded.
import { Char, isDigit, isWordChar, isWordStart } from './char-classes';
import type { PlaceholderStyle } from './types';

export type SymbolAt =
  | { kind: 'placeholder'; style: PlaceholderStyle; length: number }
  /** `@@version`: a server variable. */
  | { kind: 'variable'; length: number };

/** `%(name)s`: names are short; bounding the look-ahead keeps a stray `%(` cheap. */
const MAX_PYFORMAT_NAME = 64;
const LOWER_S = 0x73;
const LOWER_B = 0x62;
const LOWER_T = 0x74;
const PIPE = 0x7c;

/**
 * The placeholder (or server variable) starting at `start`, if any. `valueMayStart` says whether
 * the character before leaves room for a value: `:name` is a parameter after `=` or a space, but
 * `arr[1:n]` is a slice.
 */
export function placeholderAt(text: string, start: number, valueMayStart: boolean): SymbolAt | undefined {
  const code = text.charCodeAt(start);
  const next = text.charCodeAt(start + 1);
  switch (code) {
    case Char.Question: {
      // `?|` and `?&` are Postgres jsonb operators.
      if (next === PIPE || next === Char.Ampersand) return undefined;
      const length = 1 + digitsAt(text, start + 1);
      return { kind: 'placeholder', style: length > 1 ? 'numeric' : 'qmark', length };
    }
    case Char.Percent: {
      const length = formatPlaceholderLength(text, start);
      if (length === 0) return undefined;
      return { kind: 'placeholder', style: length === 2 ? 'format' : 'pyformat', length };
    }
    case Char.Colon:
      if (next === Char.Colon || next === Char.Equals || !valueMayStart) return undefined;
      if (isWordStart(next)) return { kind: 'placeholder', style: 'named-colon', length: 1 + wordLengthAt(text, start + 1) };
      if (isDigit(next)) return { kind: 'placeholder', style: 'numeric', length: 1 + digitsAt(text, start + 1) };
      return undefined;
    case Char.At:
      if (isWordStart(next)) return { kind: 'placeholder', style: 'named-at', length: 1 + wordLengthAt(text, start + 1) };
      if (next === Char.At && isWordStart(text.charCodeAt(start + 2))) {
        return { kind: 'variable', length: 2 + wordLengthAt(text, start + 2) };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Operators longer than one character, by first character, longest first (`->>` before `->`). */
const LONG_OPERATORS = groupByFirstChar([
  '->>',
  '#>>',
  '<=>',
  '!~*',
  '<->',
  '<>',
  '!=',
  '<=',
  '>=',
  '||',
  '::',
  ':=',
  '->',
  '#>',
  '#-',
  '@>',
  '<@',
  '&&',
  '<<',
  '>>',
  '~*',
  '!~',
  '~~',
  '==',
  '=>',
  '@@',
  '?|',
  '?&',
  '%%',
]);
const SINGLE_CHAR_OPERATORS = '=<>+-*/%~!&|^:@#?';

/** Length of the operator starting at `start`, or 0 when the character is not an operator. */
export function operatorLengthAt(text: string, start: number): number {
  if (!SINGLE_CHAR_OPERATORS.includes(text[start])) return 0;
  const match = LONG_OPERATORS.get(text.charCodeAt(start))?.find((operator) => text.startsWith(operator, start));
  return match?.length ?? 1;
}

/** `%s` / `%b` / `%t` → 2; `%(name)s` → its length; anything else (modulo, `%%`) → 0. */
function formatPlaceholderLength(text: string, start: number): number {
  const conversion = text.charCodeAt(start + 1);
  if (isConversion(conversion)) return isWordChar(text.charCodeAt(start + 2)) ? 0 : 2;
  if (conversion !== Char.OpenParen) return 0;
  const limit = Math.min(text.length, start + 2 + MAX_PYFORMAT_NAME);
  for (let index = start + 2; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === Char.CloseParen) {
      const named = index > start + 2 && isConversion(text.charCodeAt(index + 1));
      return named && !isWordChar(text.charCodeAt(index + 2)) ? index + 2 - start : 0;
    }
    if (!isWordChar(code)) return 0;
  }
  return 0;
}

/** The conversions DB-API drivers accept: `s` (any value), psycopg's `b` (binary) and `t` (text). */
function isConversion(code: number): boolean {
  return code === LOWER_S || code === LOWER_B || code === LOWER_T;
}

function wordLengthAt(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && isWordChar(text.charCodeAt(index))) index++;
  return index - offset;
}

function digitsAt(text: string, offset: number): number {
  let index = offset;
  while (isDigit(text.charCodeAt(index))) index++;
  return index - offset;
}

function groupByFirstChar(operators: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const operator of operators) {
    const first = operator.charCodeAt(0);
    groups.set(first, [...(groups.get(first) ?? []), operator]);
  }
  return groups;
}
