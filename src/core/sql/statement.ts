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

type ShapeCheck = (stream: TokenStream, leader: number) => boolean;

/** Each leading keyword: the structure its statement must have, and the kind the statement then is. */
const SHAPES = new Map<string, readonly [ShapeCheck, SqlStatementKind]>([
  ['SELECT', [isSelectShaped, 'SELECT']],
  ['INSERT', [(stream, leader) => isInsertShaped(stream, leader, false), 'INSERT']],
  ['REPLACE', [(stream, leader) => isInsertShaped(stream, leader, true), 'REPLACE']],
  ['UPSERT', [(stream, leader) => isInsertShaped(stream, leader, true), 'UPSERT']],
  ['UPDATE', [isUpdateShaped, 'UPDATE']],
  ['DELETE', [isDeleteShaped, 'DELETE']],
  ['WITH', [isWithShaped, 'WITH']],
  ['MERGE', [isMergeShaped, 'MERGE']],
  ['CALL', [isCallShaped, 'CALL']],
  ['EXEC', [isExecShaped, 'EXEC']],
  ['EXECUTE', [isExecShaped, 'EXEC']],
  ['CREATE', [isCreateShaped, 'DDL']],
  ['ALTER', [isAlterShaped, 'DDL']],
  ['DROP', [isDropShaped, 'DDL']],
  ['TRUNCATE', [isTruncateShaped, 'DDL']],
]);

function shapeAt(stream: TokenStream, leader: number): SqlStatementKind | undefined {
  const upper = stream.at(leader)?.upper;
  const shape = upper === undefined ? undefined : SHAPES.get(upper);
  return shape && shape[0](stream, leader) ? shape[1] : undefined;
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
