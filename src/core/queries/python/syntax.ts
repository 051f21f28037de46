// Small tree-sitter helpers shared by the Python query/command analysis: node identity, call
// arguments, scopes. Kept here so the analysis files read as logic, not as tree walking.
import type { Node } from '@vscode/tree-sitter-wasm';

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}

/** `((x))` → `x`: parentheses never change what a value is. */
export function unwrapParens(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = namedChildren(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

export function callArguments(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list?.type === 'argument_list' ? namedChildren(list) : [];
}

/** Positional arguments before any `*args`/keyword; a splat makes later positions unknown. */
export function positionalArguments(call: Node): Node[] {
  const positional: Node[] = [];
  for (const argument of callArguments(call)) {
    if (argument.type === 'keyword_argument' || argument.type === 'list_splat' || argument.type === 'dictionary_splat') break;
    positional.push(argument);
  }
  return positional;
}

export function keywordArgument(call: Node, name: string): Node | undefined {
  return callArguments(call).find((candidate) => candidate.type === 'keyword_argument' && candidate.childForFieldName('name')?.text === name);
}

export function keywordValue(call: Node, name: string): Node | undefined {
  return keywordArgument(call, name)?.childForFieldName('value') ?? undefined;
}

export function hasSplatArguments(call: Node): boolean {
  return callArguments(call).some((argument) => argument.type === 'list_splat' || argument.type === 'dictionary_splat');
}

/** `a.b.c` as text when the callee is a plain dotted name, else undefined (e.g. `f()()`). */
export function dottedName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  const base = object?.type === 'call' ? `${dottedName(object.childForFieldName('function')) ?? '?'}()` : dottedName(object);
  return base && attribute ? `${base}.${attribute.text}` : undefined;
}

/** The method name of `x.method(...)`, or the function name of `name(...)`. */
export function calleeTail(call: Node): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}

/** The innermost function (or the module) whose local names a node sees. */
export function enclosingScope(node: Node): Node {
  let current = node.parent;
  while (current && current.type !== 'function_definition' && current.type !== 'module') current = current.parent;
  return current ?? node.tree.rootNode;
}

/** The statement holding a node: the child of a block or of the module. */
export function enclosingStatement(node: Node): Node | undefined {
  let current: Node | null = node;
  while (current?.parent && current.parent.type !== 'block' && current.parent.type !== 'module') current = current.parent;
  return current?.parent ? current : undefined;
}

/** Depth-first walk; return false from `visit` to skip a node's children. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  if (visit(node) === false) return;
  for (const child of node.children) if (child) walk(child, visit);
}

/** An identifier that reads a variable (not `x.name` nor the `name=` of a keyword argument). */
export function isIdentifierReference(node: Node): boolean {
  if (node.type !== 'identifier') return false;
  const parent = node.parent;
  if (!parent) return true;
  if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), node)) return false;
  if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), node)) return false;
  return true;
}
