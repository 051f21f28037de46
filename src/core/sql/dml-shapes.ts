// Structure checks for the statements that change rows: INSERT / REPLACE / UPSERT, UPDATE,
// DELETE and MERGE. Each wants its keywords in order with a name where the table goes:
// `INSERT INTO <name> … VALUES`, `UPDATE <name> … SET <column> =`, `DELETE FROM <name>`.
import { isTableReferenceAt } from './query-shapes';
import { atStatementEnd, skipAlias, skipKeywords, skipOrConflict, skipParens, skipTop } from './shape-helpers';
import { isNamePart, type TokenStream } from './token-stream';
import { isOperator, isPunct } from './tokens';

const INSERT_MODIFIERS = new Set(['IGNORE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY']);
const UPDATE_MODIFIERS = new Set(['LOW_PRIORITY', 'IGNORE', 'ONLY']);
const DELETE_MODIFIERS = new Set(['LOW_PRIORITY', 'QUICK', 'IGNORE']);
/** Between `UPDATE t` and `SET`: joins (MySQL, T-SQL) and table hints. */
const UPDATE_JOIN_STARTS = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'STRAIGHT_JOIN', 'WITH']);
/** Where `SET` is searched for after `UPDATE t JOIN …`: past these the statement has no SET. */
const UPDATE_SET_STOPS = new Set(['WHERE', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'VALUES', 'FROM']);
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/**
 * `INSERT [modifiers] INTO <name> [(columns)] <source>` where the source is VALUES, a query,
 * DEFAULT VALUES, MySQL's `SET col = …`, or (after a column list) a hole. `INTO` may only be left
 * out (MSSQL) when a column list or VALUES makes the shape unmistakable. REPLACE and UPSERT
 * always need `INTO`: both are also common English words.
 */
export function isInsertShaped(stream: TokenStream, leader: number, intoRequired: boolean): boolean {
  let at = skipKeywords(stream, leader + 1, INSERT_MODIFIERS);
  at = skipTop(stream, skipOrConflict(stream, at));
  const hasInto = stream.is(at, 'INTO');
  if (hasInto) at++;
  else if (intoRequired) return false;
  const tableEnd = stream.nameEnd(at);
  if (tableEnd === at) return false;
  at = tableEnd;
  if (stream.is(at, 'AS') && isNamePart(stream.at(at + 1))) at += 2;
  let hasColumns = false;
  if (isPunct(stream.at(at), '(') && !QUERY_STARTS.has(stream.at(at + 1)?.upper ?? '')) {
    if (!isNameList(stream, at + 1, stream.closerOf(at))) return false;
    at = stream.closerOf(at) + 1;
    hasColumns = true;
  }
  at = skipOutputClause(stream, at);
  if (stream.is(at, 'OVERRIDING')) at += 3;
  return startsInsertSource(stream, at, hasColumns, hasInto);
}

/** `UPDATE [modifiers] <name> [[AS] alias] [joins] SET <column> = …` (or `SET {assignments}`). */
export function isUpdateShaped(stream: TokenStream, leader: number): boolean {
  let at = skipKeywords(stream, leader + 1, UPDATE_MODIFIERS);
  at = skipTop(stream, skipOrConflict(stream, at));
  const tableEnd = stream.nameEnd(at);
  if (tableEnd === at) return false;
  at = skipAlias(stream, tableEnd);
  if (!stream.is(at, 'SET')) {
    const joined = stream.is(at, ...UPDATE_JOIN_STARTS) || isPunct(stream.at(at), ',');
    if (!joined) return false;
    at = findSetAtSameDepth(stream, at);
    if (at < 0) return false;
  }
  return startsAssignment(stream, at + 1);
}

/**
 * `DELETE [modifiers] FROM <table> …`; MySQL's `DELETE t1[, t2] FROM …`; and the FROM-less
 * `DELETE <name> WHERE …` of Oracle and MSSQL, accepted only with its WHERE.
 */
export function isDeleteShaped(stream: TokenStream, leader: number): boolean {
  const at = skipTop(stream, skipKeywords(stream, leader + 1, DELETE_MODIFIERS));
  if (stream.is(at, 'FROM')) return isTableReferenceAt(stream, at + 1);
  let end = stream.nameEnd(at);
  if (end === at) return false;
  if (stream.is(end, 'WHERE', 'OUTPUT')) return true;
  while (isPunct(stream.at(end), ',')) {
    const next = stream.nameEnd(end + 1);
    if (next === end + 1) return false;
    end = next;
  }
  return stream.is(end, 'FROM') && isTableReferenceAt(stream, end + 1);
}

/** `MERGE [TOP (n)] [INTO] <name> [[AS] alias] USING …` */
export function isMergeShaped(stream: TokenStream, leader: number): boolean {
  let at = skipTop(stream, leader + 1);
  if (stream.is(at, 'INTO')) at++;
  const tableEnd = stream.nameEnd(at);
  if (tableEnd === at) return false;
  return stream.is(skipAlias(stream, tableEnd), 'USING');
}

function startsInsertSource(stream: TokenStream, index: number, hasColumns: boolean, hasInto: boolean): boolean {
  const token = stream.at(index);
  if (token === undefined) return false;
  if (token.kind === 'hole') return hasColumns;
  if (stream.is(index, 'VALUES', 'VALUE')) {
    const row = stream.at(index + 1);
    return row !== undefined && (isPunct(row, '(') || row.kind === 'hole' || row.kind === 'placeholder');
  }
  if (stream.is(index, 'DEFAULT')) return stream.is(index + 1, 'VALUES');
  if (isPunct(token, '(')) return QUERY_STARTS.has(stream.at(index + 1)?.upper ?? '');
  if (!hasInto && !hasColumns) return false;
  if (stream.is(index, 'SET')) return startsAssignment(stream, index + 1);
  return stream.is(index, 'SELECT', 'WITH', 'TABLE', 'EXEC', 'EXECUTE');
}

/** `col = …`, `t.col = …`, `(a, b) = …`, `@var = …`, or a hole standing for the assignments. */
function startsAssignment(stream: TokenStream, index: number): boolean {
  const token = stream.at(index);
  if (token === undefined) return false;
  if (token.kind === 'hole') return true;
  const targetEnd = isPunct(token, '(') ? skipParens(stream, index) : stream.nameEnd(index);
  return targetEnd > index && isOperator(stream.at(targetEnd), '=');
}

/** MSSQL `OUTPUT inserted.id [INTO …]` before the source of an INSERT. */
function skipOutputClause(stream: TokenStream, index: number): number {
  if (!stream.is(index, 'OUTPUT')) return index;
  for (let at = index + 1; at < stream.length; at++) {
    if (stream.is(at, 'VALUES', 'SELECT', 'DEFAULT', 'EXEC', 'EXECUTE')) return at;
    if (atStatementEnd(stream, at)) return at;
  }
  return stream.length;
}

/** Comma-separated names (or holes) filling `from`…`to` exactly. */
function isNameList(stream: TokenStream, from: number, to: number): boolean {
  if (to <= from) return false;
  let at = from;
  for (;;) {
    const end = stream.nameEnd(at);
    if (end === at) return false;
    if (end === to) return true;
    if (!isPunct(stream.at(end), ',')) return false;
    at = end + 1;
  }
}

/** The `SET` of `UPDATE a JOIN b ON … SET`, at the nesting depth of UPDATE; -1 when absent. */
function findSetAtSameDepth(stream: TokenStream, index: number): number {
  for (let at = index; at < stream.length; at++) {
    if (isPunct(stream.at(at), '(')) {
      const closer = stream.closerOf(at);
      if (closer < 0) return -1;
      at = closer;
      continue;
    }
    if (stream.is(at, 'SET')) return at;
    if (stream.is(at, ...UPDATE_SET_STOPS) || atStatementEnd(stream, at) || isPunct(stream.at(at), ')')) return -1;
  }
  return -1;
}
