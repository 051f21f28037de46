// Django views as HandlerDecls, for the routes of urls modules to refer to: function views with
// their decorators (`login_required`, `@api_view`, `@permission_classes`, `@require_POST`) and
// class views with their mixins, `permission_classes`, `method_decorator`s and `http_method_names`.
// Opt-outs of auth defaults (`AllowAny`, empty `permission_classes` or `authentication_classes`)
// are public markers; what state-changing methods a view serves is read by django/writes.ts.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../../text';
import type { FileRoutes, GuardCandidate, HandlerDecl, PublicMarker } from '../../model';
import type { RouteSourceFile } from '../../reader';
import {
  calleeOf,
  classBases,
  decoratorExpression,
  decoratorsOf,
  dottedName,
  lastSegment,
  listItems,
  namedChildren,
  nodeRange,
  positionalArguments,
  simpleAssignment,
} from '../../../languages/python-syntax';
import { stringItems } from '../../../languages/python-string-literals';
import { pythonInlineAuthCheck, pythonVerifiesSignature } from '../auth-evidence';
import { classViewWrites, functionViewWrites } from './writes';
import { decoratorGuard, expressionGuard, publicDecorator } from '../guards';

const VIEW_BASE = /(View|ViewSet|APIView|Mixin)$/;
const DRF_BASE = /(APIView|ViewSet)$|^(generics|viewsets|rest_framework)\./;
/** DRF's `ListModelMixin`… add actions, not checks: not worth recording as guard candidates. */
const ACTION_MIXIN = /ModelMixin$/;
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const METHOD_DECORATORS: Record<string, string[]> = { require_GET: ['GET'], require_POST: ['POST'], require_safe: ['GET', 'HEAD'] };

export function readDjangoViews(file: RouteSourceFile, root: Node, into: FileRoutes): void {
  for (const statement of namedChildren(root)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' && isFunctionView(definition)) into.handlers.push(functionView(definition, file.lines));
    if (definition?.type === 'class_definition' && isClassView(definition)) into.handlers.push(classView(definition, file.lines));
  }
}

function isFunctionView(fn: Node): boolean {
  const first = namedChildren(fn.childForFieldName('parameters') ?? fn)[0];
  const name = first?.type === 'identifier' ? first.text : (first?.childForFieldName('name')?.text ?? (first ? namedChildren(first)[0]?.text : undefined));
  return name === 'request' || decoratorsOf(fn).some((decorator) => /^@\s*(\w+\.)?api_view\b/.test(decorator.text));
}

function baseNames(cls: Node): string[] {
  return classBases(cls).map((base) => dottedName(base) ?? '');
}

function isClassView(cls: Node): boolean {
  return baseNames(cls).some((base) => VIEW_BASE.test(base));
}

function functionView(fn: Node, lines: LineIndex): HandlerDecl {
  const handler = newHandler(fn, lines);
  for (const decorator of decoratorsOf(fn)) {
    const expression = decoratorExpression(decorator);
    const { name, call } = expression ? calleeOf(expression) : {};
    const tail = lastSegment(name ?? '');
    const marker = publicDecorator(decorator, lines);
    if (marker) handler.public = marker;
    else if (tail === 'api_view') {
      handler.restFramework = true;
      handler.methods = upper((call ? stringItems(positionalArguments(call)[0]) : undefined) ?? ['GET']);
    } else if (tail === 'permission_classes' && call) readPermissionClasses(positionalArguments(call)[0], decorator, handler, lines);
    else if (tail === 'authentication_classes' && call) readAuthenticationClasses(positionalArguments(call)[0], decorator, handler, lines);
    else if (METHOD_DECORATORS[tail]) handler.methods = METHOD_DECORATORS[tail];
    else if (tail === 'require_http_methods' && call) handler.methods = upper(stringItems(positionalArguments(call)[0]) ?? []);
    else {
      const guard = decoratorGuard(decorator, 'decorator', lines);
      if (guard) handler.guards.push(guard);
    }
  }
  const writes = functionViewWrites(fn);
  if (writes.length) handler.writes = writes;
  return handler;
}

function classView(cls: Node, lines: LineIndex): HandlerDecl {
  const handler = newHandler(cls, lines);
  const bases = baseNames(cls);
  if (bases.some((base) => DRF_BASE.test(base))) handler.restFramework = true;
  for (const base of classBases(cls)) {
    const name = dottedName(base);
    if (name?.endsWith('Mixin') && !ACTION_MIXIN.test(name)) handler.guards.push({ name, text: base.text, range: nodeRange(base, lines), kind: 'mixin' });
  }
  for (const decorator of decoratorsOf(cls)) readMethodDecorator(decorator, handler, lines);
  const methods = new Map<string, Node>();
  for (const statement of namedChildren(cls.childForFieldName('body') ?? cls)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const methodName = definition?.type === 'function_definition' ? definition.childForFieldName('name')?.text : undefined;
    if (definition && methodName) methods.set(methodName, definition);
    if (definition && methodName === 'dispatch') for (const decorator of decoratorsOf(definition)) readMethodDecorator(decorator, handler, lines);
    const assignment = simpleAssignment(statement);
    if (assignment?.target === 'permission_classes') readPermissionClasses(assignment.value, statement, handler, lines);
    if (assignment?.target === 'authentication_classes') readAuthenticationClasses(assignment.value, statement, handler, lines);
    if (assignment?.target === 'http_method_names') handler.methods = upper(stringItems(assignment.value) ?? []);
  }
  const verbs = HTTP_METHODS.map((verb) => methods.get(verb)).filter((method): method is Node => !!method);
  const dispatch = methods.get('dispatch');
  const checks = dispatch ? [pythonInlineAuthCheck(dispatch, lines)] : verbs.map((method) => pythonInlineAuthCheck(method, lines));
  if (checks.length > 0 && checks.every((check) => !!check) && checks[0]) handler.inlineCheck = checks[0];
  if ([...methods.values()].some((method) => pythonVerifiesSignature(method))) handler.verifiesSignature = true;
  const writes = classViewWrites(bases, methods);
  if (writes.length) handler.writes = writes;
  return handler;
}

function newHandler(definition: Node, lines: LineIndex): HandlerDecl {
  const name = definition.childForFieldName('name');
  const handler: HandlerDecl = { name: name?.text ?? '', range: nodeRange(name ?? definition, lines), guards: [] };
  if (definition.type === 'function_definition') {
    const inlineCheck = pythonInlineAuthCheck(definition, lines);
    if (inlineCheck) handler.inlineCheck = inlineCheck;
    if (pythonVerifiesSignature(definition)) handler.verifiesSignature = true;
  }
  return handler;
}

/** `@method_decorator(login_required, name='dispatch')`, `@method_decorator([a, b], name=…)`. */
function readMethodDecorator(decorator: Node, handler: HandlerDecl, lines: LineIndex): void {
  const expression = decoratorExpression(decorator);
  const { name, call } = expression ? calleeOf(expression) : {};
  if (lastSegment(name ?? '') !== 'method_decorator' || !call) {
    const marker = publicDecorator(decorator, lines);
    if (marker) handler.public = marker;
    return;
  }
  const argument = positionalArguments(call)[0];
  for (const item of listItems(argument) ?? (argument ? [argument] : [])) {
    const itemName = calleeOf(item).name;
    if (itemName && PUBLIC_NAMES.has(lastSegment(itemName))) handler.public = { text: decorator.text, range: nodeRange(decorator, lines) };
    else {
      const guard = expressionGuard(item, 'decorator', lines);
      if (guard) handler.guards.push(guard);
    }
  }
}

const PUBLIC_NAMES: ReadonlySet<string> = new Set(['login_not_required']);

/** `[IsAuthenticated, IsAdminUser]` → permission-class guards; `[AllowAny]` or `[]` → public on purpose. */
function readPermissionClasses(value: Node | undefined, statement: Node, handler: HandlerDecl, lines: LineIndex): void {
  const items = listItems(value);
  if (!value || !items) return;
  const marker: PublicMarker = { text: statement.text, range: nodeRange(statement, lines) };
  if (items.length === 0) handler.public = marker;
  for (const item of items.flatMap(bothRequired)) {
    // `A | B` passes when either does: kept whole, so the vocabulary does not take it for A.
    const guard: GuardCandidate | undefined =
      item.type === 'binary_operator'
        ? { name: item.text, text: item.text, range: nodeRange(item, lines), kind: 'permission-class' }
        : expressionGuard(item, 'permission-class', lines);
    if (guard && lastSegment(guard.name) === 'AllowAny') handler.public = marker;
    else if (guard) handler.guards.push(guard);
  }
}

/** `authentication_classes = []`: nobody is authenticated, so the view is open whatever the defaults say. */
function readAuthenticationClasses(value: Node | undefined, statement: Node, handler: HandlerDecl, lines: LineIndex): void {
  if (listItems(value)?.length === 0) handler.public ??= { text: statement.text, range: nodeRange(statement, lines) };
}

/** `A & B` requires both: each is a guard of its own. */
function bothRequired(item: Node): Node[] {
  if (item.type !== 'binary_operator' || item.childForFieldName('operator')?.text !== '&') return [item];
  return [item.childForFieldName('left'), item.childForFieldName('right')].filter((side): side is Node => !!side).flatMap(bothRequired);
}

function upper(methods: readonly string[]): string[] {
  return methods.map((method) => method.toUpperCase());
}
