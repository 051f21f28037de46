// Koa with @koa/router or koa-router: apps (`new Koa()`), routers (`new Router({ prefix })`,
// `require('koa-router')()`), and routers received as a parameter. Reads `router.METHOD([name,]
// path, ...middleware, handler)` (a route name may come first), `router.use([path,] mw)` and
// `app.use(mw)` as ordered container guards (Koa runs middleware in registration order, and a
// route that answers without `next()` never reaches middleware registered after it),
// `app.use(router.routes())` / `router.use('/x', other.routes())` / koa-mount `mount('/x', app2)` as
// mounts, and `router.prefix('/x')`. koa-jwt's `jwt({ secret }).unless({ path })` is a guard named
// `jwt`; the routes it exempts are marked public (see unless.ts).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { requiredModule } from '../../languages/javascript-imports';
import type { ContainerDecl, FileRoutes, GuardCandidate, MountDecl, Reference, RouteDecl } from '../model';
import type { JsRouteReader } from '../reader';
import { addMiddlewareGuard } from './middleware-fix';
import { JsRouteContext, ROUTE_METHODS } from './route-context';
import { addParameterContainers, containerReference, middlewareGuard, middlewareGuards, readHandler } from './route-parts';
import { createdContainers, readPassedContainers, readRegistrations, type Registration } from './registrations';
import { constantPath, constantPaths, flattenArguments, memberCall, objectProperty, hasRoutePathCall, unwrap } from './syntax';
import { markUnlessPaths } from './unless';

const ROUTER_MODULE = /^(@koa\/router|koa-router)$/;

export const koaReader: JsRouteReader = {
  framework: 'koa',
  mayApply: (text) => /['"](?:koa|@koa\/router|koa-router|koa-mount)['"]/.test(text) || hasRoutePathCall(text),
  read(file, program, into) {
    new KoaFile(JsRouteContext.of(file, program), into).read();
  },
  addGuard: (input) => addMiddlewareGuard(input),
};

class KoaFile {
  private readonly containers = new Map<string, ContainerDecl>();
  private readonly routes: RouteDecl[] = [];

  constructor(
    private readonly context: JsRouteContext,
    private readonly into: FileRoutes,
  ) {}

  read(): void {
    const { context } = this;
    if (!context.importsFramework('koa') && !context.paramContainers.some((param) => param.framework === 'koa') && !/\bnew Koa\b/.test(context.text)) return;
    for (const { name, at, created } of createdContainers(context, (value) => this.creation(value))) {
      const container: ContainerDecl = { name, framework: 'koa', kind: created.kind, range: context.lines.rangeOf(at.range[0], at.range[1]), guards: [] };
      if (created.prefix !== undefined) container.prefix = created.prefix;
      this.containers.set(name, container);
    }
    const variables = new Map(this.containers);
    addParameterContainers(context, 'koa', this.containers);
    if (this.containers.size === 0) return;
    for (const registration of readRegistrations(context, 'koa', variables, (param) => param.parameter)) {
      if (ROUTE_METHODS.has(registration.method)) this.readRoute(registration);
      else if (registration.method === 'use') this.readUse(registration);
      else if (registration.method === 'prefix') {
        const prefix = constantPath(registration.call.arguments[0]);
        if (prefix !== undefined) this.containers.get(registration.container)!.prefix = prefix;
      }
    }
    readPassedContainers(context, (identifier) => this.containerAt(identifier), this.into);
    markUnlessPaths([...this.containers.values()], this.routes, context);
    this.into.containers.push(...this.containers.values());
    this.into.routes.push(...this.routes);
  }

  /** `new Koa()` → app; `new Router({ prefix })`, `Router()`, `require('koa-router')()` → router. */
  private creation(value: TSESTree.Node): { kind: 'app' | 'router'; prefix?: string } | undefined {
    if (value.type !== 'CallExpression' && value.type !== 'NewExpression') return undefined;
    const callee = unwrap(value.callee);
    const module = callee.type === 'Identifier' ? this.context.importedFrom(callee.name)?.binding.module : requiredModule(callee);
    const prefix = constantPath(objectProperty(value.arguments[0], 'prefix')?.value);
    if (module !== undefined && ROUTER_MODULE.test(module)) return prefix === undefined ? { kind: 'router' } : { kind: 'router', prefix };
    if (module === 'koa' || (callee.type === 'Identifier' && callee.name === 'Koa' && value.type === 'NewExpression')) return { kind: 'app' };
    return undefined;
  }

  private readRoute(registration: Registration): void {
    let args: readonly TSESTree.Node[] = registration.call.arguments;
    // `router.get('user', '/users/:id', handler)`: a route name comes before the path.
    const first = constantPath(args[0]);
    if (first !== undefined && !first.startsWith('/') && args.length >= 3 && constantPaths(args[1])) args = args.slice(1);
    const paths = constantPaths(args[0]);
    if (!paths || args.length < 2) return;
    const chain = flattenArguments(args.slice(1));
    const handlerNode = chain.pop();
    const guards = middlewareGuards(chain, this.context, this.into);
    const method = registration.method === 'all' ? 'ALL' : registration.method === 'del' ? 'DELETE' : registration.method.toUpperCase();
    for (const path of paths) {
      this.routes.push({
        framework: 'koa',
        container: registration.container,
        methods: [method],
        path,
        range: registration.range,
        order: registration.order,
        guards,
        ...readHandler(handlerNode, this.context),
      });
    }
  }

  private readUse(registration: Registration): void {
    const args = registration.call.arguments;
    const prefixes = constantPaths(args[0]);
    const pending: GuardCandidate[] = [];
    let mounted = false;
    for (const element of flattenArguments(prefixes ? args.slice(1) : args)) {
      const mount = this.mountOf(element);
      if (mount === 'skip') continue;
      if (mount) {
        for (const prefix of mount.prefix !== undefined ? [mount.prefix] : (prefixes ?? [''])) {
          const decl: MountDecl = {
            parent: registration.container,
            child: mount.child,
            prefix,
            order: registration.order,
            range: registration.range,
            guards: [...pending],
          };
          this.into.mounts.push(decl);
        }
        mounted = true;
        continue;
      }
      const guard = middlewareGuard(element, this.context, this.into);
      if (guard) pending.push(guard);
    }
    if (mounted) return;
    const container = this.containers.get(registration.container)!;
    for (const guard of pending) {
      if (!prefixes) container.guards.push({ ...guard, order: registration.order });
      else for (const pathPrefix of prefixes) container.guards.push({ ...guard, order: registration.order, pathPrefix });
    }
  }

  /** `x.routes()` / `x.middleware()` mount x; `x.allowedMethods()` is skipped; koa-mount's `mount('/p', x)` mounts with a prefix. */
  private mountOf(node: TSESTree.Node): { child: Reference; prefix?: string } | 'skip' | undefined {
    const inner = unwrap(node);
    const member = memberCall(inner);
    if (member?.method === 'allowedMethods') return 'skip';
    if (member && (member.method === 'routes' || member.method === 'middleware')) {
      const child = containerReference(member.object);
      return child ? { child } : undefined;
    }
    if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && this.context.importedFrom(inner.callee.name)?.binding.module === 'koa-mount') {
      const prefix = constantPath(inner.arguments[0]);
      const target = inner.arguments[prefix === undefined ? 0 : 1];
      const mounted = target && this.mountOf(target);
      if (mounted && mounted !== 'skip') return prefix === undefined ? mounted : { child: mounted.child, prefix };
      const child = target && containerReference(target);
      return child ? (prefix === undefined ? { child } : { child, prefix }) : undefined;
    }
    if (inner.type === 'Identifier' && this.containers.get(inner.name)?.kind === 'app') return { child: { local: inner.name } };
    return undefined;
  }

  private containerAt(identifier: TSESTree.Identifier): string | undefined {
    const param = this.context.paramContainerAt(identifier, identifier.name);
    if (param) return param.framework === 'koa' ? param.parameter : undefined;
    return param === undefined && this.containers.has(identifier.name) ? identifier.name : undefined;
  }
}
