// Random access over the scanned tokens, with the few structural facts every reader needs:
// matching parentheses (found once, with a stack) and where a possibly-qualified name ends.
import { RESERVED } from './keywords';
import { isPunct, type Token } from './tokens';

/** Names have at most four parts (`server.db.schema.table`); walking further is never needed. */
const MAX_NAME_PARTS = 4;

export class TokenStream {
  /** For each `(`, the index of its `)`; -1 when unmatched (and for every other token). */
  private readonly closers: Int32Array;
  /** Every parenthesis has a partner. */
  readonly balanced: boolean;

  constructor(readonly tokens: readonly Token[]) {
    this.closers = new Int32Array(tokens.length).fill(-1);
    const open: number[] = [];
    let balanced = true;
    tokens.forEach((token, index) => {
      if (isPunct(token, '(')) open.push(index);
      else if (isPunct(token, ')')) {
        const opener = open.pop();
        if (opener === undefined) balanced = false;
        else this.closers[opener] = index;
      }
    });
    this.balanced = balanced && open.length === 0;
  }

  get length(): number {
    return this.tokens.length;
  }

  at(index: number): Token | undefined {
    return this.tokens[index];
  }

  /** Index of the `)` closing the `(` at `index`, or -1. */
  closerOf(index: number): number {
    return index >= 0 && index < this.closers.length ? this.closers[index] : -1;
  }

  /** The token is the given keyword (or one of them). */
  is(index: number, ...keywords: string[]): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.upper !== '' && keywords.includes(token.upper);
  }

  /**
   * Index just past the name starting at `index` (`t`, `s.t`, `"t"`, `[dbo].[t]`, `{hole}`,
   * `logs_{x}`, `#temp`, `@table_variable`), or `index` itself when no name starts there.
   */
  nameEnd(index: number): number {
    if (!isNamePart(this.tokens[index])) return index;
    let end = index + 1;
    for (let parts = 1; parts < MAX_NAME_PARTS && this.continuesName(end); parts++) end += 2;
    return end;
  }

  /** Index of the first token of the qualified name whose last part is at `index`. */
  nameStart(index: number): number {
    let start = index;
    for (let parts = 1; parts < MAX_NAME_PARTS && start >= 2; parts++) {
      const dot = this.tokens[start - 1];
      if (!isPunct(dot, '.') || dot.spaceBefore || this.tokens[start].spaceBefore) break;
      start -= 2;
    }
    return start;
  }

  /** A glued `.part` follows at `index`: `.col`, `."col"`, `.*`. */
  private continuesName(index: number): boolean {
    const dot = this.tokens[index];
    const part = this.tokens[index + 1];
    if (!isPunct(dot, '.') || dot.spaceBefore || part === undefined || part.spaceBefore) return false;
    return part.kind === 'word' || part.kind === 'quoted' || part.kind === 'hole' || part.text === '*';
  }
}

/** A token that can be one part of a name: a non-reserved word, a quoted name, a hole. */
export function isNamePart(token: Token | undefined): boolean {
  if (token === undefined) return false;
  switch (token.kind) {
    case 'word':
      return token.upper === '' || !RESERVED.has(token.upper);
    case 'quoted':
    case 'hole':
      return true;
    case 'placeholder':
      // MSSQL table variables: `FROM @rows`.
      return token.placeholder === 'named-at';
    default:
      return false;
  }
}
