// The slot an expression position is in, read from the tokens on either side and the clause:
// `= ▢` holds a value, `FROM ▢` a table, `WHERE ▢ =` a column, `WHERE ▢` (alone) a whole
// condition. Anything not covered by a rule is `unknown`: a wrong guess would mislead a fix.
import type { SlotContext, Frame, Slot } from './clause-context';
import { CLAUSE_BOUNDARIES, KEYWORDS, RESERVED } from './keywords';
import { endsOperand, isPunct, type Token } from './tokens';

/** Keywords right after which a value goes. */
const VALUE_AFTER = new Set([
  'IN',
  'LIKE',
  'ILIKE',
  'RLIKE',
  'REGEXP',
  'GLOB',
  'BETWEEN',
  'THEN',
  'ELSE',
  'LIMIT',
  'OFFSET',
  'TOP',
  'ESCAPE',
  'DEFAULT',
  'INTERVAL',
  'AGAINST',
]);
/** Keywords right after which a table (or other object) name goes. */
const TABLE_AFTER = new Set([
  'FROM',
  'JOIN',
  'INTO',
  'TABLE',
  'USING',
  'TRUNCATE',
  'VIEW',
  'INDEX',
  'ONLY',
  'AS',
  'COLUMN',
  'SEQUENCE',
  'SCHEMA',
  'DATABASE',
  'TRIGGER',
  'APPLY',
  'LATERAL',
  'EXEC',
  'EXECUTE',
  'CALL',
]);
/** Keywords that start a condition. */
const CONDITION_STARTS = new Set(['OR', 'NOT', 'WHERE', 'HAVING', 'WHEN']);
/** Keywords that, after an operand, make it the left side of a comparison. */
const COMPARISON_WORDS = new Set(['IS', 'IN', 'NOT', 'LIKE', 'ILIKE', 'BETWEEN', 'REGEXP', 'RLIKE', 'SIMILAR', 'GLOB', 'MATCH', 'ISNULL', 'NOTNULL']);
/** Reserved words that are complete operands by themselves or end one. */
const OPERAND_KEYWORDS = new Set(['ASC', 'DESC', 'NULL', 'TRUE', 'FALSE', 'END', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP']);
/** What may follow a sort key. */
const SORT_KEY_FOLLOWERS = new Set([
  'ASC',
  'DESC',
  'NULLS',
  'COLLATE',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'HAVING',
  'WINDOW',
  'FOR',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'ROWS',
  'RANGE',
]);
/** What may follow a select item. */
const SELECT_ITEM_FOLLOWERS = new Set(['FROM', 'INTO', 'AS']);
/** What may follow a whole assignment list (`SET {assignments} …`). */
const ASSIGNMENT_LIST_FOLLOWERS = new Set(['WHERE', 'FROM', 'RETURNING', 'OUTPUT']);
/** Inside a call, these before a position make it syntax: `CAST(x AS ▢)`, `CONVERT(x USING ▢)`. */
const CALL_SYNTAX_BEFORE = new Set(['AS', 'FROM', 'FOR', 'USING']);
/** …and these after it: `EXTRACT(▢ FROM ts)`. (`CAST(▢ AS int)` is a value.) */
const CALL_SYNTAX_AFTER = new Set(['FROM', 'FOR', 'USING']);

/** The slot of the expression occupying tokens `start` … `end - 1`. */
export function slotAt(context: SlotContext, start: number, end: number): Slot {
  const { stream, frame } = context;
  const previous = stream.at(start - 1);
  const next = stream.at(end);
  switch (frame.kind) {
    case 'in-list':
    case 'values-row':
      return 'value';
    case 'column-list':
      return isPunct(previous, '(') || isPunct(previous, ',') ? 'table' : 'unknown';
    case 'call':
      return callArgumentSlot(frame, previous, next);
    default:
      break;
  }
  if (previous === undefined) return 'unknown';
  switch (previous.kind) {
    case 'operator':
      return afterOperator(context, start - 1, next);
    case 'punct':
      return afterPunctuation(frame, previous.text, next);
    case 'word':
      return afterWord(context, start - 1, next);
    default:
      return afterOperand(frame, next);
  }
}

function callArgumentSlot(frame: Frame, previous: Token | undefined, next: Token | undefined): Slot {
  if (CALL_SYNTAX_BEFORE.has(previous?.upper ?? '') || CALL_SYNTAX_AFTER.has(next?.upper ?? '')) return 'unknown';
  return frame.slot === 'value' ? 'value' : 'unknown';
}

function afterOperator(context: SlotContext, index: number, next: Token | undefined): Slot {
  const operator = context.stream.at(index)?.text;
  // `::` casts to a type; `:`, `@`, `#` glue onto names rather than combining values.
  if (operator === '::' || operator === ':' || operator === '@' || operator === '#') return 'unknown';
  // `SELECT *` and `t.*` are a column list, not a multiplication.
  if (operator === '*' && !endsOperand(context.stream.at(index - 1))) return afterOperand(context.frame, next);
  return 'value';
}

function afterPunctuation(frame: Frame, punctuation: string, next: Token | undefined): Slot {
  switch (punctuation) {
    case ',':
      return afterComma(frame, next);
    case ')':
    case ']':
      return afterOperand(frame, next);
    case '(':
      if (frame.kind !== 'group') return 'unknown';
      if (frame.slot === 'value') return 'value';
      return frame.clause === 'predicate' ? conditionSlot(next) : frame.slot;
    case ';':
      return 'fragment';
    default:
      return 'unknown';
  }
}

function afterComma(frame: Frame, next: Token | undefined): Slot {
  switch (frame.clause) {
    case 'select-list':
      return selectItemSlot(next);
    case 'from':
    case 'ddl':
      return 'table';
    case 'sort-keys':
      return sortKeySlot(next);
    case 'set':
      return assignmentSlot(next);
    case 'returning':
      return 'column';
    case 'limit':
    case 'exec':
      return 'value';
    case 'values':
      return 'fragment';
    default:
      return 'unknown';
  }
}

function afterWord(context: SlotContext, index: number, next: Token | undefined): Slot {
  const { stream, frame } = context;
  const upper = stream.at(index)?.upper ?? '';
  if (upper === '' || !KEYWORDS.has(upper)) return afterOperand(frame, next);
  if (VALUE_AFTER.has(upper)) return 'value';
  if (CONDITION_STARTS.has(upper)) return conditionSlot(next);
  switch (upper) {
    case 'TO':
      return stream.is(index - 1, 'SIMILAR') ? 'value' : 'table';
    case 'AND':
      return context.betweenAnds.has(index) ? 'value' : conditionSlot(next);
    case 'ON':
      return frame.clause === 'ddl' ? 'table' : conditionSlot(next);
    case 'BY':
      return frame.clause === 'sort-keys' ? sortKeySlot(next) : conditionSlot(next);
    case 'SELECT':
    case 'DISTINCT':
    case 'ALL':
      return frame.clause === 'select-list' ? selectItemSlot(next) : 'unknown';
    case 'SET':
      return assignmentSlot(next);
    case 'UPDATE':
      // `ON DUPLICATE KEY UPDATE ▢` starts assignments; `UPDATE ▢` names the table.
      return frame.clause === 'set' ? assignmentSlot(next) : 'table';
    case 'EXISTS':
      return frame.clause === 'ddl' ? 'table' : 'fragment';
    case 'WITH':
    case 'RECURSIVE':
      return frame.clause === 'with' ? 'table' : 'unknown';
    case 'VALUES':
    case 'VALUE':
    case 'IMMEDIATE':
      return 'fragment';
    case 'RETURNING':
    case 'OUTPUT':
      return 'column';
    case 'FIRST':
    case 'NEXT':
      return frame.clause === 'limit' ? 'value' : 'unknown';
    default:
      break;
  }
  if (TABLE_AFTER.has(upper)) return 'table';
  // Non-reserved keywords are names here (`FROM data ▢`); reserved ones end an operand or are unknown.
  return !RESERVED.has(upper) || OPERAND_KEYWORDS.has(upper) ? afterOperand(frame, next) : 'unknown';
}

/**
 * After a complete operand. A hole here either continues the statement with a clause of its
 * own (`FROM t ▢`, `ORDER BY name ▢`) — when what follows could follow a clause — or is an
 * argument of a procedure call (`EXEC proc ▢`).
 */
function afterOperand(frame: Frame, next: Token | undefined): Slot {
  if (frame.clause === 'exec') return 'value';
  return isBoundary(next) ? 'fragment' : 'unknown';
}

/** At the start of a condition: the left side of a comparison, or the whole condition. */
function conditionSlot(next: Token | undefined): Slot {
  if (next === undefined) return 'fragment';
  if (next.kind === 'operator') return 'column';
  if (COMPARISON_WORDS.has(next.upper)) return 'column';
  return isBoundary(next) ? 'fragment' : 'unknown';
}

function selectItemSlot(next: Token | undefined): Slot {
  if (next === undefined || isPunct(next, ',') || isPunct(next, ';') || isPunct(next, ')')) return 'column';
  if (SELECT_ITEM_FOLLOWERS.has(next.upper)) return 'column';
  // An alias: `SELECT ▢ total FROM …`.
  return next.kind === 'word' && next.upper !== '' && !KEYWORDS.has(next.upper) ? 'column' : 'unknown';
}

function sortKeySlot(next: Token | undefined): Slot {
  if (next === undefined || next.kind === 'hole') return 'column';
  if (isPunct(next, ',') || isPunct(next, ';') || isPunct(next, ')')) return 'column';
  return SORT_KEY_FOLLOWERS.has(next.upper) ? 'column' : 'unknown';
}

function assignmentSlot(next: Token | undefined): Slot {
  if (next?.kind === 'operator' && next.text === '=') return 'column';
  if (next === undefined || isPunct(next, ';') || isPunct(next, ')')) return 'fragment';
  return ASSIGNMENT_LIST_FOLLOWERS.has(next.upper) ? 'fragment' : 'unknown';
}

/** The end of the statement, a closing bracket, or a keyword that starts the next clause. */
function isBoundary(token: Token | undefined): boolean {
  if (token === undefined) return true;
  if (isPunct(token, ';') || isPunct(token, ')')) return true;
  return CLAUSE_BOUNDARIES.has(token.upper);
}
