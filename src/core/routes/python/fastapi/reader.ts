// FastAPI: apps and routers (`FastAPI(dependencies=…)`, `APIRouter(prefix=…, dependencies=…)`),
// routes as decorators (`@router.get`, `@app.api_route`) or `add_api_route`, their dependencies
// (decorator `dependencies=[…]` and handler parameters), HTTP middleware, and `include_router`.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ContainerGuard, FileRoutes, GuardCandidate, RouteDecl } from '../../model';
import type { RouteSourceFile } from '../../reader';
import {
  calleeOf,
  decoratorExpression,
  decoratorsOf,
  dottedName,
  findFunction,
  keywordValue,
  nodeRange,
  positionalArguments,
} from '../../../languages/python-syntax';
import { stringItems, stringValue } from '../../../languages/python-string-literals';
import { containerMethod, PythonFrameworkFile, pythonFrameworkReader, type ContainerCreators } from '../framework-file';
import { addFastapiGuard } from './fix';
import { dependencyAliases, parameterGuards } from './params';
import { decoratorGuard, dependencyListGuards } from '../guards';
import { functionHandler, referenceTo } from '../handler';

/** Libraries whose names in an annotation are types, never a project's auth dependency alias. */
const LIBRARY_MODULES = /^(fastapi|starlette|typing|typing_extensions|pydantic|sqlalchemy|sqlmodel|datetime|uuid|decimal|enum|collections)(\.|$)/;
const FASTAPI_CONTAINERS: ContainerCreators = { framework: 'fastapi', app: 'FastAPI', router: 'APIRouter', prefixKeyword: 'prefix' };
const VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'trace']);

export const fastapiReader = pythonFrameworkReader(
  {
    framework: 'fastapi',
    mayApply: (text) => /fastapi|APIRouter|include_router|add_api_route|Depends\(/.test(text),
    addGuard: addFastapiGuard,
  },
  (file, root, into) => new FastapiFile(file, root, into),
);

class FastapiFile extends PythonFrameworkFile {
  protected readonly creators = FASTAPI_CONTAINERS;
  /** Names imported from the project (not from FastAPI, typing, pydantic…): may be dependency aliases. */
  private readonly projectNames: Set<string>;
  private readonly fastapiModule: boolean;
  private readonly aliases: Map<string, Node[]>;

  constructor(file: RouteSourceFile, root: Node, into: FileRoutes) {
    super(file, root, into);
    this.projectNames = new Set(into.imports.filter((binding) => !LIBRARY_MODULES.test(binding.module)).map((binding) => binding.local));
    this.fastapiModule = into.imports.some((binding) => /^(fastapi|starlette)(\.|$)/.test(binding.module));
    this.aliases = dependencyAliases(root);
  }

  override read(): void {
    super.read();
    for (const container of this.containers.values())
      container.guards.sort((a, b) => this.file.lines.offsetAt(a.range.start) - this.file.lines.offsetAt(b.range.start));
  }

  protected override creationGuards(call: Node): ContainerGuard[] {
    return dependencyListGuards(keywordValue(call, 'dependencies'), this.file.lines).map((guard) => ({ ...guard, order: -1 }));
  }

  /** A local app/router, or an imported one in a FastAPI module (`from .routers import router`). */
  private isContainer(name: string): boolean {
    return this.containers.has(name) || (this.fastapiModule && this.imported.has(name));
  }

  protected isRouteDecorator(container: string, method: string): boolean {
    return (method === 'api_route' || VERBS.has(method)) && this.isContainer(container);
  }

  protected readDecoratedFunction(fn: Node): void {
    const decorators = decoratorsOf(fn);
    const lines = this.file.lines;
    for (const decorator of decorators) {
      const middleware = this.middlewareDecorator(decorator);
      if (middleware) this.addContainerGuard(middleware, fn.childForFieldName('name') ?? fn);
    }
    for (const { decorator, route, path, below } of this.decoratedRoutes(decorators, 'path')) {
      const guards: GuardCandidate[] = [
        ...dependencyListGuards(keywordValue(route.call, 'dependencies'), lines),
        ...below.map((other) => decoratorGuard(other, 'decorator', lines)).filter((guard): guard is GuardCandidate => !!guard),
        ...parameterGuards(fn, lines, this.aliases, this.projectNames),
      ];
      const methods = route.method === 'api_route' ? (upper(stringItems(keywordValue(route.call, 'methods'))) ?? ['GET']) : [route.method.toUpperCase()];
      this.into.routes.push({
        framework: 'fastapi',
        container: route.container,
        methods,
        path,
        range: nodeRange(decorator, lines),
        order: decorator.startIndex,
        guards,
        handler: functionHandler(fn, lines),
      });
    }
  }

  /** `@app.middleware('http')`: runs before every route of the app, whatever the order. */
  private middlewareDecorator(decorator: Node): string | undefined {
    const expression = decoratorExpression(decorator);
    const { name, call } = expression ? calleeOf(expression) : {};
    if (!name?.endsWith('.middleware') || !call) return undefined;
    const container = name.slice(0, -'.middleware'.length);
    return this.containers.has(container) ? container : undefined;
  }

  private addContainerGuard(containerName: string, target: Node): void {
    this.containers
      .get(containerName)
      ?.guards.push({ name: dottedName(target) ?? target.text, text: target.text, range: nodeRange(target, this.file.lines), kind: 'middleware', order: -1 });
  }

  protected readCall(call: Node): void {
    const called = containerMethod(dottedName(call.childForFieldName('function')));
    if (!called || !this.isContainer(called.object)) return;
    const { object, method } = called;
    if (method === 'include_router') this.readMount(object, call);
    else if (method === 'add_api_route') this.readApiRoute(object, call);
    else if (method === 'add_middleware' && this.containers.has(object)) {
      const middleware = positionalArguments(call)[0];
      if (middleware) this.addContainerGuard(object, middleware);
    }
  }

  private readMount(parent: string, call: Node): void {
    const childNode = positionalArguments(call)[0] ?? keywordValue(call, 'router');
    const child = childNode ? referenceTo(childNode) : undefined;
    if (!child) return;
    const lines = this.file.lines;
    const prefix = stringValue(keywordValue(call, 'prefix')) ?? '';
    this.into.mounts.push({
      parent,
      child,
      prefix,
      order: call.startIndex,
      range: nodeRange(call, lines),
      guards: dependencyListGuards(keywordValue(call, 'dependencies'), lines),
    });
  }

  private readApiRoute(container: string, call: Node): void {
    const positional = positionalArguments(call);
    const path = stringValue(positional[0] ?? keywordValue(call, 'path'));
    const endpoint = positional[1] ?? keywordValue(call, 'endpoint');
    if (path === undefined || !endpoint) return;
    const lines = this.file.lines;
    const methods = upper(stringItems(keywordValue(call, 'methods'))) ?? ['GET'];
    const route: RouteDecl = {
      framework: 'fastapi',
      container,
      methods,
      path,
      range: nodeRange(call, lines),
      order: call.startIndex,
      guards: dependencyListGuards(keywordValue(call, 'dependencies'), lines),
    };
    const fn = endpoint.type === 'identifier' ? findFunction(this.root, endpoint.text) : undefined;
    if (fn) {
      route.handler = functionHandler(fn, lines);
      route.guards.push(...parameterGuards(fn, lines, this.aliases, this.projectNames));
    } else {
      const reference = referenceTo(endpoint);
      if (reference) route.handlerRef = reference;
    }
    this.into.routes.push(route);
  }
}

function upper(methods: string[] | undefined): string[] | undefined {
  return methods && methods.length > 0 ? methods.map((method) => method.toUpperCase()) : undefined;
}
