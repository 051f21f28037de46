// The walk both analyses of the command rule share to tell where a whole command line comes from
// (outside-values.ts names the sources): an expression is either a value read where it enters the
// program, or something whose value comes from elsewhere (its parts, the assignments of its
// variable, the calls that pass its parameter), followed to a bounded depth. Each language supplies
// its syntax: what a source read looks like and how to follow the rest.

export abstract class OutsideValueSearch<N, V, Visit> {
  constructor(
    private readonly maxDepth: number,
    /** The expression without what does not change its value (parentheses, type assertions). */
    private readonly unwrap: (expression: N) => N,
  ) {}

  /** Every outside source the expression may hold as a whole (several when helpers are called with several). */
  of(expression: N): V[] {
    return this.visit(expression, new Set(), 0);
  }

  protected visit(expression: N, visiting: Set<Visit>, depth: number): V[] {
    if (depth > this.maxDepth) return [];
    const node = this.unwrap(expression);
    const read = this.sourceRead(node);
    return read ? [read] : this.follow(node, visiting, depth);
  }

  /** A value read where it enters: a request value, the command line, the environment, the terminal. */
  protected abstract sourceRead(node: N): V | undefined;

  /** The sources of any other expression; `visiting` holds the variables being followed (cycles end). */
  protected abstract follow(node: N, visiting: Set<Visit>, depth: number): V[];
}
