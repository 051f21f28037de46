// Tree-sitter helpers for Python shared by every Python reader (the query and command analysis,
// the route readers): node identity, call arguments, scopes, decorators, definitions, list items.
// Kept here so each reader reads as its own logic, not as tree walking.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../text';
import type { Range } from '../types';

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

export function nodeRange(node: Node, lines: LineIndex): Range {
  return lines.rangeOf(node.startIndex, node.endIndex);
}

/** The decorator nodes written on a `def`/`class`, top to bottom. */
export function decoratorsOf(definition: Node): Node[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return namedChildren(parent).filter((child) => child.type === 'decorator');
}

/** The expression after `@`. */
export function decoratorExpression(decorator: Node): Node | undefined {
  return namedChildren(decorator)[0];
}

/** `app.route('/x')` → { name: 'app.route', call }; `login_required` → { name: 'login_required' }. */
export function calleeOf(expression: Node): { name?: string; call?: Node } {
  const inner = unwrapParens(expression);
  if (inner.type === 'call') return { name: dottedName(inner.childForFieldName('function')), call: inner };
  return { name: dottedName(inner) };
}

/** Items of a list/tuple/set literal; undefined for anything else (a name, a comprehension). */
export function listItems(node: Node | undefined): Node[] | undefined {
  if (!node) return undefined;
  const inner = unwrapParens(node);
  if (inner.type !== 'list' && inner.type !== 'tuple' && inner.type !== 'set') return undefined;
  return namedChildren(inner);
}

/** Every `def` of the file, nested ones included (Flask apps are often built in `create_app()`). */
export function allFunctions(root: Node): Node[] {
  return root.descendantsOfType('function_definition').filter((node): node is Node => !!node);
}

export function allClasses(root: Node): Node[] {
  return root.descendantsOfType('class_definition').filter((node): node is Node => !!node);
}

/** The `def` named `name`, preferring the one at module level. */
export function findFunction(root: Node, name: string): Node | undefined {
  const matches = allFunctions(root).filter((node) => node.childForFieldName('name')?.text === name);
  return matches.find((node) => definitionParent(node)?.type === 'module') ?? matches[0];
}

/** The block or module holding a definition (skipping its decorated_definition wrapper). */
export function definitionParent(definition: Node): Node | null {
  const outer = definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
  return outer.parent;
}

export function isInsideFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'function_definition') return true;
  return false;
}

/** One `name = value` (or `name: T = value`) statement or assignment node; other targets are skipped. */
export function simpleAssignment(statement: Node): { target: string; value: Node; node: Node } | undefined {
  const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : statement;
  if (assignment?.type !== 'assignment') return undefined;
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (left?.type !== 'identifier' || !right) return undefined;
  return { target: left.text, value: right, node: assignment };
}

/** Every `name = value` assignment of the file (module level and inside functions such as `create_app`). */
export function allAssignments(root: Node): { target: string; value: Node; node: Node }[] {
  const found: { target: string; value: Node; node: Node }[] = [];
  for (const node of root.descendantsOfType('assignment')) {
    if (!node) continue;
    const read = simpleAssignment(node);
    if (read) found.push(read);
  }
  return found;
}

/** Calls inside `node` whose callee ends with one of `names` (`Depends`, `fastapi.Depends`). */
export function callsNamed(node: Node, names: ReadonlySet<string>): Node[] {
  const calls = node.type === 'call' ? [node] : [];
  for (const call of node.descendantsOfType('call')) if (call && call.startIndex !== node.startIndex) calls.push(call);
  return calls.filter((call) => names.has(lastSegment(dottedName(call.childForFieldName('function')) ?? '')));
}

export function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** The base-class expressions of a `class` (keyword arguments such as `metaclass=` left out). */
export function classBases(cls: Node): Node[] {
  const superclasses = cls.childForFieldName('superclasses');
  return superclasses ? namedChildren(superclasses).filter((base) => base.type !== 'keyword_argument') : [];
}
