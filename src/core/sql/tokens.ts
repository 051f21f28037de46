// The tokens the scanner produces. Comments and whitespace are not tokens; `spaceBefore` keeps
// the one fact about them that matters (whether two tokens touch).
import type { PlaceholderStyle } from './types';

export type TokenKind =
  /** A bare name or keyword, possibly with holes glued into it (`logs_{suffix}`). */
  | 'word'
  | 'number'
  /** `'…'` with an optional prefix (`N'…'`, `E'…'`), or a dollar-quoted `$tag$…$tag$`. */
  | 'string'
  /** `"…"`, `` `…` `` or `[…]`: an identifier, or a string in MySQL's default mode for `"…"`. */
  | 'quoted'
  | 'placeholder'
  /** `@@version`: a server variable, a value but not a parameter. */
  | 'variable'
  | 'operator'
  /** `( ) , ; . [ ] { }` */
  | 'punct'
  /** A hole standing on its own, not glued into a name. */
  | 'hole'
  /** A character SQL has no use for outside literals (`→`, `“`, `\`, an emoji). */
  | 'other';

export type Delimiter = "'" | '"' | '`' | '[' | '$';

/** Where a quoted token's delimiters are, in the flattened text. */
export interface LiteralShape {
  delimiter: Delimiter;
  /** Opening delimiter, including a literal prefix (`N'`) or the whole dollar tag (`$fn$`). */
  openStart: number;
  openLength: number;
  closeStart: number;
  closeLength: number;
  terminated: boolean;
  /** Backslash escapes were honoured (MySQL mode or an `E'…'` string). */
  backslashEscapes: boolean;
}

export interface Token {
  kind: TokenKind;
  /** Offsets in the flattened template text (`end` exclusive). */
  start: number;
  end: number;
  text: string;
  /**
   * Uppercase text of a word without holes, for keyword tests; '' for everything else. A word
   * longer than every keyword keeps its case: no keyword test can match it anyway.
   */
  upper: string;
  /** Whitespace or a comment separates this token from the one before (or the text start). */
  spaceBefore: boolean;
  /** Ordinals (positions in the template's hole list) of the holes inside this token. */
  holes: readonly number[];
  literal?: LiteralShape;
  placeholder?: PlaceholderStyle;
}

export function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

export function isOperator(token: Token | undefined, text?: string): boolean {
  return token !== undefined && token.kind === 'operator' && (text === undefined || token.text === text);
}

/** A token that can end an expression: a name, a literal, a parameter, a hole or a `)`. */
export function endsOperand(token: Token | undefined): boolean {
  if (token === undefined) return false;
  switch (token.kind) {
    case 'word':
    case 'number':
    case 'string':
    case 'quoted':
    case 'placeholder':
    case 'variable':
    case 'hole':
      return true;
    case 'punct':
      return token.text === ')' || token.text === ']';
    default:
      return false;
  }
}
