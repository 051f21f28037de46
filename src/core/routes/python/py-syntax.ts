// Tree-sitter shapes the Python route readers share: decorators of a definition, the callee of a
// decorator or call, list items, definitions by name. Kept apart so each reader reads as the
// framework's rules rather than as tree walking.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { Range } from '../../types';
import { dottedName, namedChildren, unwrapParens } from '../../queries/python/syntax';
import { constantString } from '../../queries/python/string-literals';

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

/** The constant strings of a list literal (`['GET', 'POST']`); undefined when any item is not one. */
export function stringItems(node: Node | undefined): string[] | undefined {
  const items = listItems(node);
  if (!items) return undefined;
  const values = items.map((item) => constantString(item));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node ? constantString(unwrapParens(node)) : undefined;
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
