// The skeleton the Flask and FastAPI readers share: a file is read in one order (the apps and
// routers it creates by assignment, `app = Flask(__name__)`, `router = APIRouter(prefix='/x')`;
// then its decorated functions, `@app.route`, `@router.get`; then its calls, `add_url_rule`,
// `include_router`), through one object per file that knows the file's containers and the names
// it imports. Each reader says which decorators and calls of its framework register what.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { ContainerDecl, ContainerGuard, FileRoutes, Framework } from '../model';
import type { PythonRouteReader, RouteSourceFile } from '../reader';
import {
  allAssignments,
  allFunctions,
  calleeOf,
  decoratorExpression,
  dottedName,
  keywordValue,
  lastSegment,
  nodeRange,
  positionalArguments,
} from '../../languages/python-syntax';
import { stringValue } from '../../languages/python-string-literals';

export interface RouteDecorator {
  container: string;
  method: string;
  call: Node;
}

export interface DecoratedRoute {
  decorator: Node;
  route: RouteDecorator;
  path: string;
  below: Node[];
}

/** The reader of a framework whose files `fileReader` reads. */
export function pythonFrameworkReader(
  reader: Omit<PythonRouteReader, 'read'>,
  fileReader: (file: RouteSourceFile, root: Node, into: FileRoutes) => PythonFrameworkFile,
): PythonRouteReader {
  return { ...reader, read: (file, root, into) => fileReader(file, root, into).read() };
}

/** One file read for Flask or FastAPI. */
export abstract class PythonFrameworkFile {
  protected readonly containers = new Map<string, ContainerDecl>();
  /** Local names the file imports: an app or router defined elsewhere may take routes here. */
  protected readonly imported: Set<string>;
  protected abstract readonly creators: ContainerCreators;

  constructor(
    protected readonly file: RouteSourceFile,
    protected readonly root: Node,
    protected readonly into: FileRoutes,
  ) {
    this.imported = new Set(into.imports.map((binding) => binding.local));
  }

  read(): void {
    for (const { container, call } of assignedContainers(this.root, this.file.lines, this.creators)) {
      container.guards.push(...this.creationGuards(call));
      this.containers.set(container.name, container);
      this.into.containers.push(container);
    }
    for (const fn of allFunctions(this.root)) this.readDecoratedFunction(fn);
    for (const call of this.root.descendantsOfType('call')) if (call) this.readCall(call);
  }

  /** Guards that the call creating a container gives all its routes (FastAPI's `dependencies=`); none by default. */
  protected creationGuards(_call: Node): ContainerGuard[] {
    return [];
  }

  /** The routes and hooks a function's decorators register. */
  protected abstract readDecoratedFunction(fn: Node): void;

  /** A call made on a container: a route, a mount, a hook. */
  protected abstract readCall(call: Node): void;

  /** Whether `@container.method(…)` registers a route in this framework. */
  protected abstract isRouteDecorator(container: string, method: string): boolean;

  /** `@app.route('/x')`, `@router.get('/x')`: the container, method and call of a decorator that registers a route. */
  protected routeDecorator(decorator: Node): RouteDecorator | undefined {
    const expression = decoratorExpression(decorator);
    const { name, call } = expression ? calleeOf(expression) : {};
    const called = containerMethod(name);
    if (!called || !call || !this.isRouteDecorator(called.object, called.method)) return undefined;
    return { container: called.object, method: called.method, call };
  }

  /**
   * The route decorators of a function with their paths (first argument, else `pathKeyword=`) and
   * the decorators below each: those wrap the function it registers, so they are what guards the
   * route; a decorator above it, or another route decorator, does not.
   */
  protected *decoratedRoutes(decorators: readonly Node[], pathKeyword: string): Generator<DecoratedRoute> {
    for (const [index, decorator] of decorators.entries()) {
      const route = this.routeDecorator(decorator);
      if (!route) continue;
      const path = stringValue(positionalArguments(route.call)[0] ?? keywordValue(route.call, pathKeyword));
      if (path === undefined) continue;
      const below = decorators.slice(index + 1).filter((other) => !this.routeDecorator(other));
      yield { decorator, route, path, below };
    }
  }
}

/** How a framework creates its containers: the callee of an app and of a router, the keyword of a router's prefix. */
export interface ContainerCreators {
  framework: Framework;
  app: string;
  router: string;
  prefixKeyword: string;
}

/** The containers the file creates, in source order; a name assigned twice keeps its first container. */
export function assignedContainers(root: Node, lines: LineIndex, creators: ContainerCreators): { container: ContainerDecl; call: Node }[] {
  const found = new Map<string, { container: ContainerDecl; call: Node }>();
  for (const { target, value, node } of allAssignments(root)) {
    if (value.type !== 'call' || found.has(target)) continue;
    const callee = lastSegment(dottedName(value.childForFieldName('function')) ?? '');
    if (callee !== creators.app && callee !== creators.router) continue;
    const container: ContainerDecl = {
      name: target,
      framework: creators.framework,
      kind: callee === creators.app ? 'app' : 'router',
      range: nodeRange(node, lines),
      guards: [],
    };
    const prefix = stringValue(keywordValue(value, creators.prefixKeyword));
    if (prefix !== undefined) container.prefix = prefix;
    found.set(target, { container, call: value });
  }
  return [...found.values()];
}

/** `app.route` → { object: 'app', method: 'route' }; `bp.api.get` → { object: 'bp.api', method: 'get' }; undefined without a dot. */
export function containerMethod(name: string | undefined): { object: string; method: string } | undefined {
  const dot = name?.lastIndexOf('.') ?? -1;
  return name && dot >= 0 ? { object: name.slice(0, dot), method: name.slice(dot + 1) } : undefined;
}
