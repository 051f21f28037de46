// The skeleton the Express, Koa and Fastify readers share: a reader reads each file through one
// object that collects the file's containers and routes and hands them to the summary at the end.
// Express and Koa also read alike in their order of work (containers the file creates, containers
// received as parameters, registrations, containers passed to other files' functions, koa-jwt /
// express-jwt `.unless` exemptions) and in what a middleware registration means; each says only
// what its framework's calls create and register.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ContainerDecl, FileRoutes, GuardCandidate, RouteDecl } from '../model';
import type { JsRouteReader } from '../reader';
import { JsRouteContext, type JsFramework } from './route-context';
import { addParameterContainers, middlewareGuards, readHandler } from './route-parts';
import { createdContainers, readPassedContainers, readRegistrations, type Registration } from './registrations';
import { flattenArguments } from './syntax';
import { markUnlessPaths } from './unless';

/** The reader of a framework whose files `fileReader` reads. */
export function jsFrameworkReader(
  reader: Omit<JsRouteReader, 'read'>,
  fileReader: (context: JsRouteContext, into: FileRoutes) => JsFrameworkFile,
): JsRouteReader {
  return { ...reader, read: (file, program, into) => fileReader(JsRouteContext.of(file, program), into).read() };
}

/** One file read for one framework. */
export abstract class JsFrameworkFile {
  protected readonly containers = new Map<string, ContainerDecl>();
  protected readonly routes: RouteDecl[] = [];
  protected abstract readonly framework: JsFramework;

  constructor(
    protected readonly context: JsRouteContext,
    protected readonly into: FileRoutes,
  ) {}

  abstract read(): void;

  /** One route per path, each answered by `handler` behind the same guards. */
  protected addRoutes(
    registration: Registration,
    methods: readonly string[],
    paths: readonly string[],
    guards: GuardCandidate[],
    handler: TSESTree.Node | undefined,
  ): void {
    for (const path of paths) {
      this.routes.push({
        framework: this.framework,
        container: registration.container,
        methods: [...methods],
        path,
        range: registration.range,
        order: registration.order,
        guards,
        ...readHandler(handler, this.context),
      });
    }
  }
}

/** What a call that creates a container made: an app or a router, with the router's own prefix (Koa's `new Router({ prefix })`). */
export interface CreatedContainer {
  kind: 'app' | 'router';
  prefix?: string;
}

/** A file of Express or Koa: containers whose middleware runs in registration order. */
export abstract class MiddlewareFrameworkFile extends JsFrameworkFile {
  protected abstract override readonly framework: 'express' | 'koa';

  /** The container `value` creates (`express()`, `new Router()`), undefined for any other value. */
  protected abstract creation(value: TSESTree.Node): CreatedContainer | undefined;

  /** Reads one call made on a container of the file. */
  protected abstract readRegistration(registration: Registration): void;

  /** Whether the file may hold this framework's containers at all. */
  protected mayHoldContainers(): boolean {
    return true;
  }

  override read(): void {
    const { context, framework } = this;
    if (!this.mayHoldContainers()) return;
    for (const { name, at, created } of createdContainers(context, (value) => this.creation(value))) {
      const container: ContainerDecl = { name, framework, kind: created.kind, range: context.lines.rangeOf(at.range[0], at.range[1]), guards: [] };
      if (created.prefix !== undefined) container.prefix = created.prefix;
      this.containers.set(name, container);
    }
    const variables = new Map(this.containers);
    addParameterContainers(context, framework, this.containers);
    if (this.containers.size === 0) return;
    for (const registration of readRegistrations(context, framework, variables, (param) => param.parameter)) this.readRegistration(registration);
    readPassedContainers(context, (identifier) => this.containerAt(identifier), this.into);
    markUnlessPaths([...this.containers.values()], this.routes, context);
    this.into.containers.push(...this.containers.values());
    this.into.routes.push(...this.routes);
  }

  /** `METHOD(path, ...middleware, handler)` once the paths and the arguments after them are known. */
  protected readMiddlewareRoute(registration: Registration, method: string, paths: readonly string[], rest: readonly TSESTree.Node[]): void {
    const chain = flattenArguments(rest);
    const handler = chain.pop();
    this.addRoutes(registration, [method], paths, middlewareGuards(chain, this.context, this.into), handler);
  }

  /** Middleware of a `use([path,] …)` that mounts nothing: it guards the container's routes, under the paths when given. */
  protected addContainerGuards(registration: Registration, guards: readonly GuardCandidate[], prefixes: readonly string[] | undefined): void {
    const container = this.containers.get(registration.container)!;
    for (const guard of guards) {
      if (!prefixes) container.guards.push({ ...guard, order: registration.order });
      else for (const pathPrefix of prefixes) container.guards.push({ ...guard, order: registration.order, pathPrefix });
    }
  }

  private containerAt(identifier: TSESTree.Identifier): string | undefined {
    const param = this.context.paramContainerAt(identifier, identifier.name);
    if (param) return param.framework === this.framework ? param.parameter : undefined;
    return param === undefined && this.containers.has(identifier.name) ? identifier.name : undefined;
  }
}
