// Flask: apps (`Flask(__name__)`), blueprints (`Blueprint(..., url_prefix=)`), routes written as
// decorators (`@app.route`, `@bp.post`) or `add_url_rule`, `before_request` hooks (they run before
// every route of their app/blueprint) and `register_blueprint` mounts.
//
// Decorator order matters in Flask: `@app.route` registers the function as decorated by what is
// BELOW it, so only those decorators guard the route; a `@login_required` above `@app.route`
// protects nothing and is not recorded.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileRoutes, GuardCandidate, PublicMarker, RouteDecl } from '../../model';
import type { RouteSourceFile } from '../../reader';
import {
  allFunctions,
  calleeOf,
  decoratorExpression,
  decoratorsOf,
  definitionParent,
  dottedName,
  keywordValue,
  namedChildren,
  nodeRange,
  positionalArguments,
} from '../../../languages/python-syntax';
import { stringItems, stringValue } from '../../../languages/python-string-literals';
import { containerMethod, PythonFrameworkFile, pythonFrameworkReader, type ContainerCreators } from '../framework-file';
import { addFlaskGuard } from './fix';
import { decoratorGuard, publicDecorator } from '../guards';
import { functionHandler, referenceTo } from '../handler';

const FLASK_CONTAINERS: ContainerCreators = { framework: 'flask', app: 'Flask', router: 'Blueprint', prefixKeyword: 'url_prefix' };
const VERB_DECORATORS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete']);
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export const flaskReader = pythonFrameworkReader(
  {
    framework: 'flask',
    mayApply: (text) => /flask|Blueprint|\.route\(|add_url_rule|before_request|register_blueprint/i.test(text),
    addGuard: addFlaskGuard,
  },
  (file, root, into) => new FlaskFile(file, root, into),
);

class FlaskFile extends PythonFrameworkFile {
  protected readonly creators = FLASK_CONTAINERS;
  /** Verb decorators on an imported object are Flask's only when the file is a Flask module (FastAPI routers look the same). */
  private readonly flaskModule: boolean;

  constructor(file: RouteSourceFile, root: Node, into: FileRoutes) {
    super(file, root, into);
    const modules = into.imports.map((binding) => binding.module);
    this.flaskModule = modules.some((module) => /^flask(\.|_|$)/.test(module)) && !modules.some((module) => /^(fastapi|starlette)(\.|$)/.test(module));
  }

  /** A local app/blueprint, or an imported one (`from . import bp`) used the Flask way. */
  private isContainer(name: string, method: string): boolean {
    if (this.containers.has(name)) return true;
    return this.imported.has(name) && (method === 'route' || this.flaskModule);
  }

  protected isRouteDecorator(container: string, method: string): boolean {
    return (method === 'route' || VERB_DECORATORS.has(method)) && this.isContainer(container, method);
  }

  protected readDecoratedFunction(fn: Node): void {
    const decorators = decoratorsOf(fn);
    const lines = this.file.lines;
    for (const decorator of decorators) {
      const expression = decoratorExpression(decorator);
      const hook = expression?.type === 'attribute' ? dottedName(expression) : undefined;
      if (hook?.endsWith('.before_request')) this.addBeforeRequest(hook.slice(0, -'.before_request'.length), fn.childForFieldName('name') ?? fn);
    }
    for (const { decorator, route, path, below } of this.decoratedRoutes(decorators, 'rule')) {
      const declared: RouteDecl = {
        framework: 'flask',
        container: route.container,
        methods: route.method === 'route' ? (methodsOf(route.call) ?? ['GET']) : [route.method.toUpperCase()],
        path,
        range: nodeRange(decorator, lines),
        order: decorator.startIndex,
        guards: this.guardsOf(below),
        handler: functionHandler(fn, lines),
      };
      const marker = this.publicMarker(decorators);
      if (marker) declared.public = marker;
      this.into.routes.push(declared);
    }
  }

  private guardsOf(decorators: readonly Node[]): GuardCandidate[] {
    const guards: GuardCandidate[] = [];
    for (const decorator of decorators) {
      if (publicDecorator(decorator, this.file.lines)) continue;
      const guard = decoratorGuard(decorator, 'decorator', this.file.lines);
      if (guard) guards.push(guard);
    }
    return guards;
  }

  private publicMarker(decorators: readonly Node[]): PublicMarker | undefined {
    for (const decorator of decorators) {
      const marker = publicDecorator(decorator, this.file.lines);
      if (marker) return marker;
    }
    return undefined;
  }

  private addBeforeRequest(containerName: string, target: Node): void {
    const container = this.containers.get(containerName);
    if (!container) return;
    container.guards.push({ name: target.text, text: target.text, range: nodeRange(target, this.file.lines), kind: 'middleware', order: -1 });
  }

  protected readCall(call: Node): void {
    const called = containerMethod(dottedName(call.childForFieldName('function')));
    if (!called || !this.isContainer(called.object, 'route')) return;
    const { object, method } = called;
    if (method === 'before_request') {
      const hook = positionalArguments(call)[0];
      if (hook && call.parent?.type !== 'decorator') this.addBeforeRequest(object, hook);
    } else if (method === 'register_blueprint') {
      this.readMount(object, call);
    } else if (method === 'add_url_rule') {
      this.readUrlRule(object, call);
    }
  }

  private readMount(parent: string, call: Node): void {
    const childNode = positionalArguments(call)[0];
    const child = childNode ? referenceTo(childNode) : undefined;
    if (!child) return;
    const prefix = stringValue(keywordValue(call, 'url_prefix')) ?? '';
    this.into.mounts.push({ parent, child, prefix, order: call.startIndex, range: nodeRange(call, this.file.lines), guards: [] });
  }

  private readUrlRule(container: string, call: Node): void {
    const positional = positionalArguments(call);
    const path = stringValue(positional[0] ?? keywordValue(call, 'rule'));
    const view = keywordValue(call, 'view_func') ?? positional[2];
    if (path === undefined || !view) return;
    const lines = this.file.lines;
    const declared: RouteDecl = {
      framework: 'flask',
      container,
      methods: methodsOf(call) ?? ['GET'],
      path,
      range: nodeRange(call, lines),
      order: call.startIndex,
      guards: [],
    };
    const target = this.unwrapView(view, declared);
    const viewName = target ? dottedName(target) : undefined;
    const asView = target?.type === 'call' && dottedName(target.childForFieldName('function'))?.endsWith('.as_view');
    const local = viewName ? this.moduleFunction(viewName) : undefined;
    if (local) {
      declared.handler = functionHandler(local, lines);
      declared.guards.push(...this.guardsOf(decoratorsOf(local)));
      const marker = this.publicMarker(decoratorsOf(local));
      if (marker) declared.public = marker;
    } else if (asView && target) {
      const className = dottedName(target.childForFieldName('function'))?.replace(/\.as_view$/, '') ?? '';
      declared.handlerRef = referenceTo(target.childForFieldName('function')?.childForFieldName('object') ?? target) ?? { local: className };
      this.readMethodView(className, declared, !keywordValue(call, 'methods'));
    } else if (target) {
      const reference = referenceTo(target);
      if (reference) declared.handlerRef = reference;
    }
    this.into.routes.push(declared);
  }

  /** `login_required(view)` as the view: the wrapper is a guard of the route. */
  private unwrapView(view: Node, declared: RouteDecl): Node | undefined {
    let current: Node | undefined = view;
    while (current?.type === 'call' && !dottedName(current.childForFieldName('function'))?.endsWith('.as_view')) {
      const inner: Node | undefined = positionalArguments(current)[0];
      const wrapper = dottedName(current.childForFieldName('function'));
      if (!inner || !wrapper) return undefined;
      declared.guards.push({
        name: wrapper,
        text: wrapper,
        range: nodeRange(current.childForFieldName('function') ?? current, this.file.lines),
        kind: 'decorator',
      });
      current = inner;
    }
    return current;
  }

  /** A `MethodView` of this file: its `decorators = [...]` wrap the view; its methods are the route's. */
  private readMethodView(className: string, declared: RouteDecl, methodsFromClass: boolean): void {
    const cls = this.root.descendantsOfType('class_definition').find((node) => node?.childForFieldName('name')?.text === className);
    const body = cls?.childForFieldName('body');
    if (!body) return;
    const methods: string[] = [];
    for (const statement of namedChildren(body)) {
      const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const methodName = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (methodName && HTTP_METHODS.includes(methodName)) methods.push(methodName.toUpperCase());
      const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
      if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== 'decorators') continue;
      const list = assignment.childForFieldName('right');
      for (const item of list ? namedChildren(list) : []) {
        const name = calleeOf(item).name;
        if (name) declared.guards.push({ name, text: item.text, range: nodeRange(item, this.file.lines), kind: 'decorator' });
      }
    }
    if (methodsFromClass && methods.length > 0) declared.methods = methods;
  }

  private moduleFunction(name: string): Node | undefined {
    return allFunctions(this.root).find((fn) => fn.childForFieldName('name')?.text === name && definitionParent(fn)?.parent?.type !== 'class_definition');
  }
}

/** `methods=['GET', 'POST']` → ['GET', 'POST']; undefined when absent or not literal. */
function methodsOf(call: Node): string[] | undefined {
  const methods = stringItems(keywordValue(call, 'methods'));
  return methods && methods.length > 0 ? methods.map((method) => method.toUpperCase()) : undefined;
}
