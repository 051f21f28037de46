// Small steps shared by the statement-shape checks. Each takes a token index and returns the
// index after what it skipped (or the same index when nothing matched), so checks read as a
// sequence of steps and never look further than the clause at hand.
import { FROM_ITEM_FOLLOWERS } from './keywords';
import { isNamePart, type TokenStream } from './token-stream';
import { isPunct } from './tokens';

/** Skip any of `keywords`, in any order. */
export function skipKeywords(stream: TokenStream, index: number, keywords: ReadonlySet<string>): number {
  let at = index;
  for (;;) {
    const upper = stream.at(at)?.upper;
    if (upper === undefined || !keywords.has(upper)) return at;
    at++;
  }
}

/** Skip a balanced `( … )` at `index`; `index` when there is none, -1 when it is unbalanced. */
export function skipParens(stream: TokenStream, index: number): number {
  if (!isPunct(stream.at(index), '(')) return index;
  const closer = stream.closerOf(index);
  return closer < 0 ? -1 : closer + 1;
}

/** MSSQL `TOP 10`, `TOP (@n)`, `TOP {n}` with `PERCENT` / `WITH TIES`. */
export function skipTop(stream: TokenStream, index: number): number {
  if (!stream.is(index, 'TOP')) return index;
  let at = index + 1;
  const count = stream.at(at);
  if (isPunct(count, '(')) at = skipParens(stream, at);
  else if (count !== undefined && (count.kind === 'number' || count.kind === 'placeholder' || count.kind === 'hole')) at++;
  else return index;
  if (at < 0) return index;
  if (stream.is(at, 'PERCENT')) at++;
  if (stream.is(at, 'WITH') && stream.is(at + 1, 'TIES')) at += 2;
  return at;
}

/** SQLite / MySQL conflict clause after INSERT or UPDATE: `OR REPLACE`, `OR IGNORE`, … */
export function skipOrConflict(stream: TokenStream, index: number): number {
  return stream.is(index, 'OR') && stream.is(index + 1, 'REPLACE', 'IGNORE', 'ABORT', 'FAIL', 'ROLLBACK') ? index + 2 : index;
}

/** The statement ends at `index`: end of text or `;`. */
export function atStatementEnd(stream: TokenStream, index: number): boolean {
  const token = stream.at(index);
  return token === undefined || isPunct(token, ';');
}

/** `AS name`, or a bare alias word that is not a keyword that could follow instead. */
export function skipAlias(stream: TokenStream, index: number): number {
  if (stream.is(index, 'AS')) {
    const end = stream.nameEnd(index + 1);
    return end > index + 1 ? end : index;
  }
  const token = stream.at(index);
  if (token === undefined || !isNamePart(token) || token.kind === 'hole') return index;
  if (token.upper !== '' && (FROM_ITEM_FOLLOWERS.has(token.upper) || FROM_ITEM_MODIFIERS.has(token.upper))) return index;
  return index + 1;
}

/** Words that, right after a table, start something other than an alias. */
const FROM_ITEM_MODIFIERS = new Set(['FOR', 'WITH', 'START', 'CONNECT', 'USE', 'FORCE', 'IGNORE', 'LOCK', 'SET']);

/**
 * What may come right after a table in FROM / JOIN / DELETE FROM, once the alias is skipped:
 * the end, a clause keyword, `,` / `)` / `;`, a hole (an appended clause), or one of the
 * two-word modifiers (`FOR UPDATE`, `WITH (NOLOCK)`, `USE INDEX`, `CONNECT BY`, …).
 */
export function followsTable(stream: TokenStream, index: number): boolean {
  const token = stream.at(index);
  if (token === undefined) return true;
  if (token.kind === 'hole') return true;
  if (token.kind === 'punct') return token.text === ';' || token.text === ')' || token.text === ',';
  if (token.upper === '') return false;
  if (FROM_ITEM_FOLLOWERS.has(token.upper)) return true;
  const next = stream.at(index + 1);
  switch (token.upper) {
    case 'FOR':
      return stream.is(index + 1, 'UPDATE', 'SHARE', 'NO', 'KEY', 'XML', 'JSON', 'BROWSE', 'SYSTEM_TIME', 'READ');
    case 'WITH':
      return isPunct(next, '(');
    case 'START':
      return stream.is(index + 1, 'WITH');
    case 'CONNECT':
      return stream.is(index + 1, 'BY');
    case 'USE':
    case 'FORCE':
    case 'IGNORE':
      return stream.is(index + 1, 'INDEX', 'KEY');
    case 'LOCK':
      return stream.is(index + 1, 'IN');
    default:
      return false;
  }
}
