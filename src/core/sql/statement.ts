// Which statement the tokens start with, judged by its structure: the leading keyword picks a
// shape check, and only a text that passes it is a statement of that kind.
import { isDeleteShaped, isInsertShaped, isMergeShaped, isUpdateShaped } from './dml-shapes';
import { isAlterShaped, isCreateShaped, isDropShaped, isTruncateShaped } from './ddl-shapes';
import { isSelectShaped, isWithShaped } from './query-shapes';
import { isCallShaped, isExecShaped } from './routine-shapes';
import { skipKeywords, skipParens } from './shape-helpers';
import type { TokenStream } from './token-stream';
import { isOperator, isPunct } from './tokens';
import type { SqlStatementKind } from './types';

export interface RecognisedStatement {
  kind: SqlStatementKind;
  /** Index of the statement's leading keyword (past `(`, `;` and EXPLAIN options). */
  leader: number;
}

const EXPLAIN_OPTIONS = new Set([
  'ANALYZE',
  'ANALYSE',
  'VERBOSE',
  'QUERY',
  'PLAN',
  'EXTENDED',
  'PARTITIONS',
  'FORMAT',
  'JSON',
  'TREE',
  'TRADITIONAL',
  'COSTS',
  'BUFFERS',
  'FOR',
]);

export function recogniseStatement(stream: TokenStream): RecognisedStatement | undefined {
  let leader = 0;
  // `;WITH …` (a T-SQL habit) and `(SELECT …) UNION (SELECT …)`.
  while (isPunct(stream.at(leader), ';') || isPunct(stream.at(leader), '(')) leader++;
  if (stream.is(leader, 'EXPLAIN')) leader = skipExplainOptions(stream, leader + 1);
  const kind = leader >= 0 ? shapeAt(stream, leader) : undefined;
  return kind === undefined ? undefined : { kind, leader };
}

function shapeAt(stream: TokenStream, leader: number): SqlStatementKind | undefined {
  switch (stream.at(leader)?.upper) {
    case 'SELECT':
      return isSelectShaped(stream, leader) ? 'SELECT' : undefined;
    case 'INSERT':
      return isInsertShaped(stream, leader, false) ? 'INSERT' : undefined;
    case 'REPLACE':
      return isInsertShaped(stream, leader, true) ? 'REPLACE' : undefined;
    case 'UPSERT':
      return isInsertShaped(stream, leader, true) ? 'UPSERT' : undefined;
    case 'UPDATE':
      return isUpdateShaped(stream, leader) ? 'UPDATE' : undefined;
    case 'DELETE':
      return isDeleteShaped(stream, leader) ? 'DELETE' : undefined;
    case 'WITH':
      return isWithShaped(stream, leader) ? 'WITH' : undefined;
    case 'MERGE':
      return isMergeShaped(stream, leader) ? 'MERGE' : undefined;
    case 'CALL':
      return isCallShaped(stream, leader) ? 'CALL' : undefined;
    case 'EXEC':
    case 'EXECUTE':
      return isExecShaped(stream, leader) ? 'EXEC' : undefined;
    case 'CREATE':
      return isCreateShaped(stream, leader) ? 'DDL' : undefined;
    case 'ALTER':
      return isAlterShaped(stream, leader) ? 'DDL' : undefined;
    case 'DROP':
      return isDropShaped(stream, leader) ? 'DDL' : undefined;
    case 'TRUNCATE':
      return isTruncateShaped(stream, leader) ? 'DDL' : undefined;
    default:
      return undefined;
  }
}

/** `EXPLAIN [ANALYZE] [VERBOSE] [(options)] [FORMAT=JSON]`, `EXPLAIN QUERY PLAN` (SQLite). */
function skipExplainOptions(stream: TokenStream, index: number): number {
  let at = index;
  for (;;) {
    const next = isPunct(stream.at(at), '(') ? skipParens(stream, at) : skipKeywords(stream, at, EXPLAIN_OPTIONS);
    if (next < 0) return -1;
    if (isOperator(stream.at(next), '=')) {
      at = next + 2;
      continue;
    }
    if (next === at) return at;
    at = next;
  }
}
