// Walks the tokens once, keeping a stack of parenthesis frames and the clause each frame is in,
// so that the slot of any position can be read in constant time when the walk reaches it.
import type { Clause, Frame, SlotContext } from './clause-context';
import { RESERVED } from './keywords';
import { slotAt } from './slots';
import type { TokenStream } from './token-stream';
import { isPunct, type Token } from './tokens';

/** Keywords that name a clause's start, mapped to the clause. Context-dependent ones are in `onKeyword`. */
const CLAUSE_OF_KEYWORD = new Map<string, Clause>([
  ['SELECT', 'select-list'],
  ['FROM', 'from'],
  ['JOIN', 'from'],
  ['USING', 'from'],
  ['APPLY', 'from'],
  ['WHERE', 'predicate'],
  ['HAVING', 'predicate'],
  ['LIMIT', 'limit'],
  ['OFFSET', 'limit'],
  ['FETCH', 'limit'],
  ['INTO', 'insert-target'],
  ['INSERT', 'insert-target'],
  ['REPLACE', 'insert-target'],
  ['UPSERT', 'insert-target'],
  ['SET', 'set'],
  ['RETURNING', 'returning'],
  ['OUTPUT', 'returning'],
  ['CREATE', 'ddl'],
  ['ALTER', 'ddl'],
  ['DROP', 'ddl'],
  ['TRUNCATE', 'ddl'],
  ['EXEC', 'exec'],
  ['EXECUTE', 'exec'],
  ['CALL', 'exec'],
  ['UNION', 'none'],
  ['INTERSECT', 'none'],
  ['EXCEPT', 'none'],
  ['MINUS', 'none'],
]);
/** Keywords that are also functions; followed by `(` they call, not start a clause: `LEFT(s, 2)`. */
const FUNCTION_KEYWORDS = new Set(['LEFT', 'RIGHT', 'REPLACE', 'INSERT', 'IF', 'TRUNCATE', 'ANY', 'SOME', 'ALL']);
/** Non-reserved keywords whose `(` is syntax, not a call: `OVER (…)`, `TOP (10)`, `PRIMARY KEY (id)`. */
const NOT_CALLEES = new Set(['OVER', 'FILTER', 'WITHIN', 'TOP', 'KEY', 'INDEX', 'PARTITION']);
/** Clauses where a `(` after a name opens the name's column list. */
const COLUMN_LIST_CLAUSES = new Set<Clause>(['insert-target', 'ddl']);
/** Frames whose content is a list of values or names, where clause keywords do not occur. */
const LIST_FRAMES = new Set(['call', 'in-list', 'values-row', 'column-list']);

export class ClauseTracker {
  private readonly frames: Frame[] = [newStatementFrame()];
  private readonly betweenAnds = new Set<number>();

  constructor(private readonly stream: TokenStream) {}

  /** The state before the token the walk is at. */
  context(): SlotContext {
    return { stream: this.stream, frame: this.frame, betweenAnds: this.betweenAnds };
  }

  /** Take token `index` into account; call after reading the slots of the holes inside it. */
  advance(index: number): void {
    const token = this.stream.at(index);
    if (token === undefined) return;
    if (token.kind === 'punct') {
      if (token.text === '(') this.frames.push(this.openFrame(index));
      else if (token.text === ')' && this.frames.length > 1) this.frames.pop();
      else if (token.text === ';') this.frames.splice(0, this.frames.length, newStatementFrame());
    } else if (token.kind === 'word' && token.upper !== '') {
      this.onKeyword(index, token.upper);
    }
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private onKeyword(index: number, upper: string): void {
    const frame = this.frame;
    const stream = this.stream;
    if (LIST_FRAMES.has(frame.kind)) return;
    if (FUNCTION_KEYWORDS.has(upper) && isPunct(stream.at(index + 1), '(') && !this.isMergeInsert(index)) return;
    // `CREATE OR REPLACE`, `INSERT OR REPLACE`: a modifier, not a REPLACE statement.
    if (upper === 'REPLACE' && stream.is(index - 1, 'OR')) return;
    const clause = CLAUSE_OF_KEYWORD.get(upper);
    if (clause !== undefined) {
      frame.clause = clause;
      return;
    }
    switch (upper) {
      case 'ON':
        if (frame.clause !== 'ddl') frame.clause = stream.is(index + 1, 'CONFLICT', 'DUPLICATE') ? 'none' : 'predicate';
        break;
      case 'BY':
        frame.clause = stream.is(index - 1, 'ORDER', 'GROUP', 'PARTITION', 'CLUSTER', 'DISTRIBUTE', 'SORT') ? 'sort-keys' : 'predicate';
        break;
      case 'VALUES':
      case 'VALUE':
        // MySQL's `ON DUPLICATE KEY UPDATE a = VALUES(a)` is a function inside the SET list.
        if (frame.clause !== 'set') frame.clause = 'values';
        break;
      case 'UPDATE':
        if (stream.is(index - 1, 'KEY')) frame.clause = 'set';
        else frame.clause = stream.is(index - 1, 'FOR', 'DO', 'THEN') ? 'none' : 'update-target';
        break;
      case 'WITH':
        if (frame.clause === 'none') frame.clause = 'with';
        break;
      case 'BETWEEN':
        frame.betweenPending = true;
        break;
      case 'AND':
        if (frame.betweenPending) {
          this.betweenAnds.add(index);
          frame.betweenPending = false;
        }
        break;
      default:
        break;
    }
  }

  private openFrame(index: number): Frame {
    const stream = this.stream;
    const parent = this.frame;
    const previous = stream.at(index - 1);
    const inside = (kind: Frame['kind']): Frame => ({ kind, clause: parent.clause, slot: 'value', betweenPending: false });
    if (stream.is(index + 1, 'SELECT', 'WITH', 'VALUES')) {
      return { kind: 'subquery', clause: 'none', slot: 'unknown', betweenPending: false };
    }
    if (stream.is(index - 1, 'IN')) return inside('in-list');
    if (stream.is(index - 1, 'VALUES', 'VALUE')) {
      return parent.clause === 'set' ? this.callFrame(index) : inside('values-row');
    }
    if (isPunct(previous, ',') && parent.clause === 'values' && !LIST_FRAMES.has(parent.kind)) return inside('values-row');
    const startsColumnList =
      stream.is(index - 1, 'USING', 'CONFLICT') || this.isMergeInsert(index - 1) || (COLUMN_LIST_CLAUSES.has(parent.clause) && isNameToken(previous));
    if (startsColumnList) return { ...inside('column-list'), slot: 'table' };
    if (isCallee(previous)) return this.callFrame(index);
    const closer = stream.closerOf(index);
    const slot = slotAt(this.context(), index, closer < 0 ? index + 1 : closer + 1);
    return { kind: 'group', clause: parent.clause, slot, betweenPending: false };
  }

  /** Arguments take the slot of the call itself; procedure arguments are always values. */
  private callFrame(open: number): Frame {
    const stream = this.stream;
    const nameStart = stream.nameStart(open - 1);
    const closer = stream.closerOf(open);
    const slot = stream.is(nameStart - 1, 'CALL', 'EXEC', 'EXECUTE') ? 'value' : slotAt(this.context(), nameStart, closer < 0 ? open : closer + 1);
    return { kind: 'call', clause: 'none', slot, betweenPending: false };
  }

  /** `WHEN NOT MATCHED THEN INSERT (a, b) VALUES …`: MERGE's INSERT takes a column list. */
  private isMergeInsert(index: number): boolean {
    return this.stream.is(index, 'INSERT') && this.stream.is(index - 1, 'THEN');
  }
}

function newStatementFrame(): Frame {
  return { kind: 'statement', clause: 'none', slot: 'unknown', betweenPending: false };
}

function isNameToken(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token.kind === 'quoted' || token.kind === 'hole') return true;
  return token.kind === 'word' && (token.upper === '' || !RESERVED.has(token.upper));
}

/** A token a `(` after it calls: a function name (or keyword-function), a quoted name, a hole. */
function isCallee(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token.kind === 'quoted' || token.kind === 'hole') return true;
  if (token.kind !== 'word') return false;
  if (NOT_CALLEES.has(token.upper)) return false;
  return token.upper === '' || !RESERVED.has(token.upper) || FUNCTION_KEYWORDS.has(token.upper);
}
