// The value tree a reader can build besides its entries: maps, lists and scalars with exact spans,
// for callers that need what entries flatten away (which list item a key sits in, the elements of
// a flow collection). The caller owns the node type; the reader only says what it found, through
// a ValueTreeBuilder, and a Slot decides where each value goes.
import type { Span } from './model';

export type ScalarStyle = 'plain' | 'quoted' | 'block';

/**
 * Values nested deeper are left out of the tree: no config nests this far, and callers walk the
 * tree recursively, so a file of thousands of `- - - ` must not give them a tree that deep.
 */
export const MAX_TREE_DEPTH = 64;

export interface ValueTreeBuilder<N> {
  /** The node for a scalar; undefined leaves the scalar out of the tree. */
  scalar(value: string, span: Span, style: ScalarStyle): N | undefined;
  map(): N;
  list(): N;
  addEntry(map: N, key: string, keySpan: Span, value: N): void;
  addItem(list: N, item: N): void;
}

/**
 * Where one value goes: the root, a key's value or a list item. Its first value wins; a key or an
 * item under it makes it a map or a list, whose keys or dashes then all sit at the first one's
 * column. A child of the other kind, at another column or under a scalar is left out, as is
 * anything under a value that never made it into the tree: a broken file loses those lines
 * rather than have them land in the wrong map. So are values nested past MAX_TREE_DEPTH.
 */
export class Slot<N> {
  private node: N | undefined;
  private kind: 'empty' | 'map' | 'list' | 'taken' = 'empty';
  private childIndent = -1;

  constructor(
    private readonly builder: ValueTreeBuilder<N>,
    private readonly attach: ((node: N) => void) | undefined,
    private readonly depth = 0,
  ) {}

  set(node: N | undefined): void {
    if (this.kind !== 'empty' || node === undefined) return;
    this.kind = 'taken';
    this.attach?.(node);
  }

  /** The slot for the value of `key`, a key at column `indent` of this slot's map. */
  entry(key: string, keySpan: Span, indent: number): Slot<N> {
    const map = this.container('map', indent);
    return new Slot(this.builder, map === undefined ? undefined : (value) => this.builder.addEntry(map, key, keySpan, value), this.depth + 1);
  }

  /** The slot for one more item of this slot's list, its dash at column `indent`. */
  item(indent: number): Slot<N> {
    const list = this.container('list', indent);
    return new Slot(this.builder, list === undefined ? undefined : (item) => this.builder.addItem(list, item), this.depth + 1);
  }

  private container(kind: 'map' | 'list', indent: number): N | undefined {
    if (this.kind === 'empty' && this.attach && this.depth < MAX_TREE_DEPTH) {
      this.node = kind === 'map' ? this.builder.map() : this.builder.list();
      this.kind = kind;
      this.childIndent = indent;
      this.attach(this.node);
    }
    return this.kind === kind && this.childIndent === indent ? this.node : undefined;
  }
}
