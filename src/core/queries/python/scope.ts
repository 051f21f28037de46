// Where each name of a scope (a function, or the module) is bound, in source order. Python has no
// block scope, so a function's locals are every binding in its body outside nested functions,
// classes, lambdas and comprehensions; the resolver and the taint tracker read this index.
import type { Node } from '@vscode/tree-sitter-wasm';
import { readPythonImport } from '../../languages/python-imports';
import { enclosingStatement, namedChildren, walk } from '../../languages/python-syntax';

export type BindingKind =
  | 'parameter'
  | 'assign' // name = value (the only kind whose value the resolver rebuilds)
  | 'append' // name += value
  | 'global' // global/nonlocal: the value lives elsewhere
  | 'other'; // loop/with/except targets, unpacking, imports, del, other operators

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The binding statement (`expression_statement`, `for_statement`, …) or the parameter node. */
  node: Node;
  /** The bound value, when there is one: right-hand side, loop iterable, `with` value. */
  value?: Node;
  /** Offset from which a use sees this binding. */
  visibleFrom: number;
}

export interface ScopeIndex {
  scope: Node;
  bindings: ReadonlyMap<string, readonly Binding[]>;
  /** Set when the function is a web route handler (`@app.get(…)`, `@router.post(…)`, `@bp.route(…)`). */
  isRouteHandler: boolean;
}

const NESTED_SCOPES = new Set([
  'function_definition',
  'class_definition',
  'lambda',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

export function indexScope(scope: Node): ScopeIndex {
  const bindings = new Map<string, Binding[]>();
  const add = (binding: Binding) => {
    const list = bindings.get(binding.name) ?? [];
    list.push(binding);
    bindings.set(binding.name, list);
  };
  if (scope.type === 'function_definition') {
    for (const parameter of parameterNames(scope)) add({ name: parameter.name, kind: 'parameter', node: parameter.node, visibleFrom: scope.startIndex });
  }
  const body = scope.type === 'function_definition' ? scope.childForFieldName('body') : scope;
  if (body) {
    walk(body, (node) => {
      if (node !== body && NESTED_SCOPES.has(node.type)) {
        const name = node.type === 'function_definition' || node.type === 'class_definition' ? node.childForFieldName('name') : null;
        if (name) add({ name: name.text, kind: 'other', node, visibleFrom: node.endIndex });
        return false;
      }
      collectBindings(node, add);
      return true;
    });
  }
  for (const list of bindings.values()) list.sort((a, b) => a.visibleFrom - b.visibleFrom);
  return { scope, bindings, isRouteHandler: isRouteHandler(scope) };
}

function collectBindings(node: Node, add: (binding: Binding) => void): void {
  switch (node.type) {
    case 'assignment': {
      const statement = enclosingStatement(node) ?? node;
      let value = node.childForFieldName('right');
      while (value?.type === 'assignment') value = value.childForFieldName('right'); // a = b = value
      const left = node.childForFieldName('left');
      if (!value || !left) return; // `x: int` declares, binds nothing
      if (left.type === 'identifier') add({ name: left.text, kind: 'assign', node: statement, value, visibleFrom: statement.endIndex });
      else for (const name of targetNames(left)) add({ name, kind: 'other', node: statement, value, visibleFrom: statement.endIndex });
      return;
    }
    case 'augmented_assignment': {
      const statement = enclosingStatement(node) ?? node;
      const left = node.childForFieldName('left');
      const value = node.childForFieldName('right') ?? undefined;
      const kind = node.childForFieldName('operator')?.text === '+=' ? 'append' : 'other';
      if (left?.type === 'identifier') add({ name: left.text, kind, node: statement, value, visibleFrom: statement.endIndex });
      return;
    }
    case 'named_expression': {
      const name = node.childForFieldName('name');
      const value = node.childForFieldName('value') ?? undefined;
      if (name) add({ name: name.text, kind: 'assign', node, value, visibleFrom: node.endIndex });
      return;
    }
    case 'for_statement': {
      const left = node.childForFieldName('left');
      const value = node.childForFieldName('right') ?? undefined;
      if (left) for (const name of targetNames(left)) add({ name, kind: 'other', node, value, visibleFrom: left.endIndex });
      return;
    }
    case 'as_pattern': {
      const alias = node.childForFieldName('alias');
      const value = namedChildren(node)[0];
      if (alias) for (const name of targetNames(alias)) add({ name, kind: 'other', node, value, visibleFrom: alias.endIndex });
      return;
    }
    case 'import_statement':
    case 'import_from_statement':
      for (const { local: name } of readPythonImport(node)?.names ?? []) add({ name, kind: 'other', node, visibleFrom: node.endIndex });
      return;
    case 'global_statement':
    case 'nonlocal_statement':
      for (const name of namedChildren(node)) if (name.type === 'identifier') add({ name: name.text, kind: 'global', node, visibleFrom: 0 });
      return;
    case 'delete_statement':
      for (const name of namedChildren(node).flatMap(targetNames)) add({ name, kind: 'other', node, visibleFrom: node.endIndex });
      return;
    default:
      return;
  }
}

function targetNames(node: Node): string[] {
  if (node.type === 'identifier') return [node.text];
  if (
    [
      'pattern_list',
      'tuple_pattern',
      'list_pattern',
      'tuple',
      'list',
      'expression_list',
      'as_pattern_target',
      'list_splat_pattern',
      'parenthesized_expression',
    ].includes(node.type)
  ) {
    return namedChildren(node).flatMap(targetNames);
  }
  return []; // attributes and subscripts bind no local name
}

export interface Parameter {
  name: string;
  node: Node;
}

export function parameterNames(fn: Node): Parameter[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const parameters: Parameter[] = [];
  for (const parameter of namedChildren(list)) {
    const name = parameterName(parameter);
    if (name) parameters.push({ name: name.text, node: parameter });
  }
  return parameters;
}

function parameterName(parameter: Node): Node | undefined {
  switch (parameter.type) {
    case 'identifier':
      return parameter;
    case 'default_parameter':
    case 'typed_default_parameter':
      return parameter.childForFieldName('name') ?? undefined;
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return namedChildren(parameter).find((child) => child.type === 'identifier');
    default:
      return undefined;
  }
}

const ROUTE_DECORATOR = /^@\s*[\w.]+\.(?:get|post|put|patch|delete|head|options|route|api_route|websocket)\s*\(/;

function isRouteHandler(scope: Node): boolean {
  const decorated = scope.parent;
  if (scope.type !== 'function_definition' || decorated?.type !== 'decorated_definition') return false;
  return namedChildren(decorated).some((child) => child.type === 'decorator' && ROUTE_DECORATOR.test(child.text));
}

/** Bindings of `name` made before `offset` (in source order). Loops' back edges are not modelled. */
export function bindingsBefore(index: ScopeIndex, name: string, offset: number): Binding[] {
  return (index.bindings.get(name) ?? []).filter((binding) => binding.visibleFrom <= offset);
}
