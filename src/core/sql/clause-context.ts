// The state a hole's role is read from: which clause the walk is in, at each parenthesis depth.
import type { TokenStream } from './token-stream';

/**
 * What an expression position holds. `column` is a position where SQL expects a column but a
 * literal value is legal too (left of a comparison, a select item, a sort key); `table` takes
 * only a name.
 */
export type Slot = 'value' | 'column' | 'table' | 'fragment' | 'unknown';

export type Clause =
  | 'none'
  | 'select-list'
  | 'from'
  | 'predicate'
  | 'sort-keys'
  | 'limit'
  | 'insert-target'
  | 'values'
  | 'set'
  | 'returning'
  | 'update-target'
  | 'ddl'
  | 'exec'
  | 'with';

/** What a pair of parentheses encloses. */
export type FrameKind =
  | 'statement'
  | 'subquery'
  /** Parenthesised expression or condition: inherits the clause around it. */
  | 'group'
  /** Function arguments. */
  | 'call'
  | 'in-list'
  | 'values-row'
  /** `INSERT INTO t (a, b)`, `USING (id)`, `CREATE TABLE t (…)`. */
  | 'column-list';

export interface Frame {
  kind: FrameKind;
  clause: Clause;
  /** For calls and groups: the slot the whole parenthesised expression sits in. */
  slot: Slot;
  /** A BETWEEN is waiting for its AND. */
  betweenPending: boolean;
}

export interface SlotContext {
  stream: TokenStream;
  frame: Frame;
  /** Indexes of the AND tokens that belong to a BETWEEN. */
  betweenAnds: ReadonlySet<number>;
}
