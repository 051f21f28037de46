// A step budget for TypeScript's parser. Its error recovery speculates: on some broken inputs (an
// object literal whose members open `async function` bodies that never close, nested) each level
// parses the rest of the file twice, so 4 KB took minutes. The parser has no cancellation, so we
// count the nodes it creates — what it does per step, speculation included — through its object
// allocator, and stop it past a budget that is many times what real code needs (0.1–0.5 nodes per
// character). The count is deterministic: the same file stops at the same point on any machine.
import type * as Typescript from 'typescript';
import { loadTypescript } from './typescript-module';

/** Nodes allowed per character of text, on top of BASE_NODES. */
const NODES_PER_CHARACTER = 8;
const BASE_NODES = 200_000;

/** The parser went past its budget: the file's code is one Lastline could not look at. */
export class ParserBudgetExceeded extends Error {
  constructor(readonly nodeLimit: number) {
    super(`the parser gave up after ${nodeLimit.toLocaleString('en-US')} steps (its error recovery on this code grows exponentially)`);
    this.name = 'ParserBudgetExceeded';
  }
}

/** TypeScript's allocator as its (internal, but exported) `objectAllocator`/`setObjectAllocator` expose it. */
interface ObjectAllocatorApi {
  objectAllocator?: Record<string, () => unknown>;
  setObjectAllocator?: (allocator: Record<string, () => unknown>) => void;
}

type NodeConstructor = new (kind: number, pos: number, end: number) => object;

let remaining = Infinity;
let limit = Infinity;
let installed: boolean | undefined;

/** The node count of the budgeted parse running now (Infinity when none runs) goes down per node. */
function counting(original: NodeConstructor): NodeConstructor {
  // A plain function returning the original's instance: nodes keep TypeScript's own shape and
  // prototype, and `new` on this returns that object.
  return function countedNode(kind: number, pos: number, end: number) {
    if (--remaining < 0) throw new ParserBudgetExceeded(limit);
    return new original(kind, pos, end);
  } as unknown as NodeConstructor;
}

/** Wraps the parser's node constructors once; false when this TypeScript lacks the allocator API. */
function install(ts: typeof Typescript): boolean {
  const api = ts as unknown as ObjectAllocatorApi;
  const allocator = api.objectAllocator;
  if (!allocator || typeof api.setObjectAllocator !== 'function') return false;
  const wrapped: Record<string, () => unknown> = {};
  for (const getter of ['getNodeConstructor', 'getTokenConstructor', 'getIdentifierConstructor', 'getPrivateIdentifierConstructor']) {
    const original = allocator[getter]?.() as NodeConstructor | undefined;
    if (typeof original !== 'function') return false;
    const counted = counting(original);
    wrapped[getter] = () => counted;
  }
  api.setObjectAllocator(wrapped);
  return true;
}

/** Whether parses are budgeted in this process (TypeScript exposes its allocator). */
export function parseBudgetAvailable(): boolean {
  return (installed ??= install(loadTypescript()));
}

/** The node budget for a text of this length. */
export function nodeBudgetFor(textLength: number): number {
  return BASE_NODES + NODES_PER_CHARACTER * textLength;
}

/**
 * Runs `parse` (one TypeScript parse of `text`) under the budget; throws ParserBudgetExceeded past
 * it. Inside another budgeted call, the tighter of the two budgets holds, and the nodes counted
 * here count for the outer one too.
 */
export function withParseBudget<T>(text: string, parse: () => T, nodeLimit = nodeBudgetFor(text.length)): T {
  if (!parseBudgetAvailable()) return parse();
  const outer = { remaining, limit };
  const allowed = Math.min(nodeLimit, outer.remaining);
  limit = allowed === nodeLimit ? nodeLimit : outer.limit;
  remaining = allowed;
  try {
    return parse();
  } finally {
    const used = allowed - Math.max(remaining, 0);
    remaining = outer.remaining - used;
    limit = outer.limit;
  }
}
