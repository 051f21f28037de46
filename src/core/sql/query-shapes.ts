// Structure checks for queries: SELECT (with or without FROM), WITH … AS ( … ), and the table
// reference after FROM that SELECT and DELETE share. A check only looks at the skeleton —
// clause keywords in a plausible order, names where names go — not at every expression.
import { atStatementEnd, followsTable, skipAlias, skipKeywords, skipParens, skipTop } from './shape-helpers';
import { KEYWORDS } from './keywords';
import type { TokenStream } from './token-stream';
import { isPunct, type Token } from './tokens';

const SELECT_MODIFIERS = new Set([
  'DISTINCT',
  'ALL',
  'DISTINCTROW',
  'SQL_CALC_FOUND_ROWS',
  'SQL_NO_CACHE',
  'SQL_CACHE',
  'STRAIGHT_JOIN',
  'HIGH_PRIORITY',
  'SQL_SMALL_RESULT',
  'SQL_BIG_RESULT',
  'SQL_BUFFER_RESULT',
]);
/** Keywords that end a select list. */
const SELECT_LIST_ENDERS = new Set([
  'FROM',
  'INTO',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'MINUS',
  'WINDOW',
  'FOR',
]);
/** Keywords that are values by themselves, making `SELECT <them>` a typical FROM-less query. */
const VALUE_KEYWORDS = new Set([
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'CURRENT_USER',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'SESSION_USER',
  'SYSDATE',
  'SYSTIMESTAMP',
  'NULL',
  'TRUE',
  'FALSE',
  'CASE',
  'CAST',
  'EXISTS',
  'NOT',
]);
const FROM_ITEM_PREFIXES = new Set(['ONLY', 'LATERAL']);
const QUERY_BODY_STARTS = new Set(['SELECT', 'VALUES', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'TABLE']);
const WITH_MAIN_STATEMENTS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/**
 * `SELECT <list> FROM <table> …`, or a FROM-less `SELECT` whose every item is a typical
 * self-contained value (`SELECT 1`, `SELECT NOW()`, `SELECT @@version`, `SELECT $1`).
 */
export function isSelectShaped(stream: TokenStream, leader: number): boolean {
  let at = skipKeywords(stream, leader + 1, SELECT_MODIFIERS);
  if (stream.is(at, 'ON') && stream.is(at - 1, 'DISTINCT')) at = skipParens(stream, at + 1);
  if (at < 0) return false;
  at = skipTop(stream, at);
  const listStart = at;
  const listEnd = endOfSelectList(stream, listStart);
  if (listEnd <= listStart) return false;
  let next = listEnd;
  if (stream.is(next, 'INTO')) next = skipIntoTargets(stream, next + 1);
  if (stream.is(next, 'FROM')) return isTableReferenceAt(stream, next + 1);
  const after = stream.at(next);
  const endsCleanly = atStatementEnd(stream, next) || isPunct(after, ')') || (after !== undefined && SELECT_LIST_ENDERS.has(after.upper));
  return endsCleanly && isSelfContainedList(stream, listStart, listEnd);
}

/**
 * A table reference after FROM (or DELETE FROM): a name, a parenthesised subquery or a table
 * function, then an optional alias, then something that may follow a table.
 */
export function isTableReferenceAt(stream: TokenStream, index: number): boolean {
  let at = skipKeywords(stream, index, FROM_ITEM_PREFIXES);
  if (isPunct(stream.at(at), '(')) {
    at = skipParens(stream, at);
  } else {
    const end = stream.nameEnd(at);
    if (end === at) return false;
    // A table function's arguments touch its name: `generate_series(1, 10)`, not "cart (3 items)".
    at = stream.at(end)?.spaceBefore === false ? skipParens(stream, end) : end;
  }
  if (at < 0) return false;
  const afterAlias = skipAlias(stream, at);
  // A column-alias list only follows an alias: `AS t(a, b)`.
  const afterColumns = afterAlias > at ? skipParens(stream, afterAlias) : afterAlias;
  return afterColumns >= 0 && followsTable(stream, afterColumns);
}

/** `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] ( query ) [, …] <statement>` */
export function isWithShaped(stream: TokenStream, leader: number): boolean {
  let at = stream.is(leader + 1, 'RECURSIVE') ? leader + 2 : leader + 1;
  for (;;) {
    const nameEnd = stream.nameEnd(at);
    if (nameEnd === at) return false;
    at = skipParens(stream, nameEnd);
    if (at < 0 || !stream.is(at, 'AS')) return false;
    at = skipKeywords(stream, at + 1, NOT_MATERIALIZED);
    if (!isPunct(stream.at(at), '(') || !startsQueryBody(stream.at(at + 1))) return false;
    at = skipParens(stream, at);
    if (at < 0) return false;
    if (!isPunct(stream.at(at), ',')) break;
    at++;
  }
  const main = stream.at(at);
  return isPunct(main, '(') || (main !== undefined && WITH_MAIN_STATEMENTS.has(main.upper));
}

const NOT_MATERIALIZED = new Set(['NOT', 'MATERIALIZED']);

function startsQueryBody(token: Token | undefined): boolean {
  if (token === undefined) return false;
  return token.kind === 'hole' || isPunct(token, '(') || QUERY_BODY_STARTS.has(token.upper);
}

/** Index of the keyword or bracket ending the select list; -1 on an unbalanced `(`. */
function endOfSelectList(stream: TokenStream, start: number): number {
  for (let at = start; at < stream.length; at++) {
    const token = stream.at(at);
    if (token === undefined) break;
    if (isPunct(token, '(')) {
      const closer = stream.closerOf(at);
      if (closer < 0) return -1;
      at = closer;
    } else if (isPunct(token, ')') || isPunct(token, ';') || SELECT_LIST_ENDERS.has(token.upper)) {
      return at;
    }
  }
  return stream.length;
}

/** `INTO #tmp`, `INTO @a, @b`, `INTO OUTFILE '…'` before FROM. */
function skipIntoTargets(stream: TokenStream, index: number): number {
  if (stream.is(index, 'OUTFILE', 'DUMPFILE') && stream.at(index + 1)?.kind === 'string') return index + 2;
  let at = index;
  for (;;) {
    const end = stream.nameEnd(at);
    const target = stream.at(at);
    if (end > at) at = end;
    else if (target?.kind === 'placeholder') at++;
    else return at;
    if (!isPunct(stream.at(at), ',')) return at;
    at++;
  }
}

/** Every comma-separated item is a value that needs no table: a literal, a call, … */
function isSelfContainedList(stream: TokenStream, start: number, end: number): boolean {
  let itemStart = start;
  for (let at = start; at <= end; at++) {
    if (at < end && isPunct(stream.at(at), '(')) {
      at = stream.closerOf(at);
      continue;
    }
    if (at < end && !isPunct(stream.at(at), ',')) continue;
    if (!isSelfContainedItem(stream, itemStart, at)) return false;
    itemStart = at + 1;
  }
  return true;
}

/**
 * The item starts like a self-contained value, and the only plain word in it outside
 * parentheses is a final alias (`SELECT 1 AS one`, `SELECT NOW() now`): nothing but the alias
 * could name a column without a FROM. No braces or brackets either.
 */
function isSelfContainedItem(stream: TokenStream, start: number, end: number): boolean {
  if (start >= end || !startsSelfContainedValue(stream, start)) return false;
  for (let at = start; at < end; at++) {
    const token = stream.at(at);
    if (token === undefined) return false;
    if (isPunct(token, '(')) {
      at = stream.closerOf(at);
    } else if (token.kind === 'punct') {
      if (token.text !== '.') return false;
    } else if (token.kind === 'word' && !KEYWORDS.has(token.upper) && at !== end - 1) {
      const next = stream.at(at + 1);
      const partOfName = isPunct(next, '(') || isPunct(next, '.') || isPunct(stream.at(at - 1), '.');
      if (!partOfName) return false;
    }
  }
  return true;
}

function startsSelfContainedValue(stream: TokenStream, index: number): boolean {
  let at = index;
  const sign = stream.at(at);
  if (sign?.kind === 'operator' && (sign.text === '-' || sign.text === '+')) at++;
  const token = stream.at(at);
  if (token === undefined) return false;
  switch (token.kind) {
    case 'number':
    case 'string':
    case 'variable':
    case 'placeholder':
      return true;
    case 'word':
      // A function call (`NOW()`, `pg_catalog.version()`, `LEFT('ab', 1)`).
      return VALUE_KEYWORDS.has(token.upper) || isPunct(stream.at(Math.max(stream.nameEnd(at), at + 1)), '(');
    case 'punct':
      return token.text === '(';
    default:
      return false;
  }
}
