// The parsed file with what typescript-estree leaves out: parent links. Every pass of the JS/TS
// query analysis (bindings, string resolution, taint, fixes) asks "what encloses this node?".
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { walkEstree } from '../../languages/estree-walk';
import { unwrapExpression } from '../../languages/js-unwrap';

export type Node = TSESTree.Node;

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export class SyntaxTree {
  private readonly parents = new Map<Node, Node>();
  /** Every node in source order of its start (walkEstree visits parents before children, left to right). */
  readonly nodes: Node[] = [];
  /** Identifier nodes by name, in source order: reference lookups stay linear in the file. */
  private readonly identifiers = new Map<string, TSESTree.Identifier[]>();

  constructor(
    readonly program: TSESTree.Program,
    readonly text: string,
  ) {
    walkEstree(program, (node, parent) => {
      this.nodes.push(node);
      if (parent) this.parents.set(node, parent);
      if (node.type === 'Identifier') {
        const named = this.identifiers.get(node.name);
        if (named) named.push(node);
        else this.identifiers.set(node.name, [node]);
      }
    });
  }

  identifiersNamed(name: string): readonly TSESTree.Identifier[] {
    return this.identifiers.get(name) ?? [];
  }

  parent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** Parents of `node`, nearest first. */
  *ancestors(node: Node): Generator<Node> {
    for (let current = this.parents.get(node); current; current = this.parents.get(current)) yield current;
  }

  /** The innermost function whose body holds `node` (undefined at module level). */
  enclosingFunction(node: Node): FunctionNode | undefined {
    for (const ancestor of this.ancestors(node)) if (isFunction(ancestor)) return ancestor;
    return undefined;
  }

  textOf(node: Node | TSESTree.Token): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

  /** Whether `inner` lies within `outer` (or is it). */
  contains(outer: Node, inner: Node): boolean {
    return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  }
}

export function isFunction(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

// The JS query modules import these from here with the rest of their tree helpers.
export { unwrapExpression } from '../../languages/js-unwrap';
export { constantString } from '../../languages/js-constant-string';

/** The name of a non-computed member (`a.b`, `a['b']`) or of an identifier. */
export function calleeName(node: Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type === 'MemberExpression') {
    if (!inner.computed && inner.property.type === 'Identifier') return inner.property.name;
    if (inner.property.type === 'Literal' && typeof inner.property.value === 'string') return inner.property.value;
  }
  return undefined;
}

/**
 * A short name for a callee, for messages: `pool.query`, `this.repo.query`, `db(…).whereRaw`,
 * `request().query` — a chained receiver is cut to its last call.
 */
export function calleeLabel(callee: Node): string {
  const node = unwrapExpression(callee);
  if (node.type !== 'MemberExpression') return node.type === 'Identifier' ? node.name : '…';
  const method = calleeName(node) ?? '[…]';
  const object = unwrapExpression(node.object);
  if (object.type === 'CallExpression') return `${calleeName(object.callee) ?? '…'}(${object.arguments.length ? '…' : ''}).${method}`;
  return `${chainName(object) ?? '…'}.${method}`;
}

function chainName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') {
    const object = chainName(unwrapExpression(node.object));
    const property = calleeName(node);
    return object && property ? `${object}.${property}` : undefined;
  }
  return undefined;
}
