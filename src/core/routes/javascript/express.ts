// Express: apps (`express()`), routers (`express.Router()`, `Router()` from express,
// `require('express').Router()`), and routers received as a parameter (`module.exports = (app) => {…}`).
// Reads `app.METHOD(path, ...middleware, handler)`, `app.route(path).get(…)`, `app.use(mw)` (a
// container guard, ordered), `app.use('/prefix', mw)` (a guard for that prefix),
// `app.use('/prefix', mw, router)` (a mount with its guards) and `registerRoutes(app)` (a mount
// without prefix: the other file registers on this very app).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import { requiredModule } from '../../languages/javascript-imports';
import type { ContainerDecl, FileRoutes, GuardCandidate, Reference, RouteDecl } from '../model';
import type { JsRouteReader } from '../reader';
import { addMiddlewareGuard } from './middleware-fix';
import { JsRouteContext, ROUTE_METHODS } from './route-context';
import { addParameterContainers, containerReference, middlewareGuard, middlewareGuards, readHandler } from './route-parts';
import { createdContainers, readPassedContainers, readRegistrations, type Registration } from './registrations';
import { constantPaths, flattenArguments, hasRoutePathCall, unwrap } from './syntax';
import { markUnlessPaths } from './unless';

/** A name that is a router or sub-app rather than a middleware: `adminRouter`, `userRoutes`, `api`, `v1`, `adminApp`. */
const ROUTER_NAME = /router|routes|controller|endpoints|^api$|^v\d+$|^app$|App$/i;
/** Modules that hold routers (`./routes/webhooks`, `./api/v1`) and modules that hold middleware (`./middleware/session`). */
const ROUTER_MODULE = /rout|api|controller|endpoint|webhook|handlers?\b|apps?\b/i;
const MIDDLEWARE_MODULE = /middleware|auth|guard|session|polic|passport|security/i;

export const expressReader: JsRouteReader = {
  framework: 'express',
  // Auth helpers without routes are found by read-file-routes' own hint; this test is for apps and routers.
  mayApply: (text) => /['"]express['"]/.test(text) || hasRoutePathCall(text),
  read(file, program, into) {
    new ExpressFile(JsRouteContext.of(file, program), into).read();
  },
  addGuard: (input) => addMiddlewareGuard(input),
};

class ExpressFile {
  private readonly containers = new Map<string, ContainerDecl>();
  private readonly routes: RouteDecl[] = [];

  constructor(
    private readonly context: JsRouteContext,
    private readonly into: FileRoutes,
  ) {}

  read(): void {
    const { context } = this;
    for (const { name, at, created } of createdContainers(context, (value) => this.creation(value))) {
      this.containers.set(name, { name, framework: 'express', kind: created, range: context.lines.rangeOf(at.range[0], at.range[1]), guards: [] });
    }
    const variables = new Map(this.containers);
    addParameterContainers(context, 'express', this.containers);
    if (this.containers.size === 0) return;
    for (const registration of readRegistrations(context, 'express', variables, (param) => param.parameter)) {
      if (ROUTE_METHODS.has(registration.method) && registration.method !== 'del') this.readRoute(registration);
      else if (registration.method === 'use' && !registration.chainPaths) this.readUse(registration);
    }
    readPassedContainers(context, (identifier) => this.containerAt(identifier), this.into);
    markUnlessPaths([...this.containers.values()], this.routes, context);
    this.into.containers.push(...this.containers.values());
    this.into.routes.push(...this.routes);
  }

  /** `express()` → app; `express.Router()` / `Router()` / `require('express').Router()` → router. */
  private creation(value: TSESTree.Node): 'app' | 'router' | undefined {
    if (value.type !== 'CallExpression' && value.type !== 'NewExpression') return undefined;
    const callee = unwrap(value.callee);
    if (callee.type === 'Identifier') {
      const imported = this.context.importedFrom(callee.name);
      if (imported?.framework === 'express') return imported.binding.imported === 'Router' ? 'router' : 'app';
      return !imported && callee.name === 'express' && !this.context.imports.some((binding) => binding.local === 'express') ? 'app' : undefined;
    }
    if (requiredModule(callee) === 'express') return 'app';
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'Router') {
      const object = unwrap(callee.object);
      if (requiredModule(object) === 'express') return 'router';
      if (object.type === 'Identifier' && (this.context.importedFrom(object.name)?.framework === 'express' || object.name === 'express')) return 'router';
    }
    return undefined;
  }

  private readRoute(registration: Registration): void {
    const args = registration.call.arguments;
    const paths = registration.chainPaths ?? constantPaths(args[0]);
    const rest = registration.chainPaths ? args : args.slice(1);
    // `app.get('env')` reads a setting: a route has a handler.
    if (!paths || rest.length === 0) return;
    const chain = flattenArguments(rest);
    const handlerNode = chain.pop();
    const guards = middlewareGuards(chain, this.context, this.into);
    const method = registration.method === 'all' ? 'ALL' : registration.method.toUpperCase();
    for (const path of paths) {
      const route: RouteDecl = {
        framework: 'express',
        container: registration.container,
        methods: [method],
        path,
        range: registration.range,
        order: registration.order,
        guards,
        ...readHandler(handlerNode, this.context),
      };
      this.routes.push(route);
    }
  }

  /** `use([path,] ...middleware)`: guards of the container, unless a router among them makes it a mount. */
  private readUse(registration: Registration): void {
    const args = registration.call.arguments;
    const prefixes = constantPaths(args[0]);
    const elements = flattenArguments(prefixes ? args.slice(1) : args);
    const pending: GuardCandidate[] = [];
    let mounted = false;
    for (const element of elements) {
      const child = this.mountTarget(element);
      const guard = middlewareGuard(element, this.context, this.into);
      // A project module whose name says neither router nor middleware: the resolver decides,
      // by whether a container stands behind it.
      const undecided = !child && guard ? this.projectModuleBinding(element) : undefined;
      if (child || undecided) {
        for (const prefix of prefixes ?? ['']) {
          this.into.mounts.push({
            parent: registration.container,
            child: (child ?? undecided)!,
            prefix,
            order: registration.order,
            range: registration.range,
            guards: [...pending],
            ...(undecided ? { orGuard: guard } : {}),
          });
        }
        mounted = true;
        continue;
      }
      if (guard) pending.push(guard);
    }
    if (mounted) return;
    const container = this.containers.get(registration.container)!;
    for (const guard of pending) {
      if (!prefixes) container.guards.push({ ...guard, order: registration.order });
      else for (const pathPrefix of prefixes) container.guards.push({ ...guard, order: registration.order, pathPrefix });
    }
  }

  /** A router or sub-app given to `use`: a container of this file, a router-named import, `require('./routes/admin')`. */
  private mountTarget(node: TSESTree.Node): Reference | undefined {
    const inner = unwrap(node);
    if (inner.type === 'Identifier') {
      if (this.containers.has(inner.name)) return { local: inner.name };
      if (this.context.functions.has(inner.name)) return undefined;
      if (ROUTER_NAME.test(inner.name)) return { local: inner.name };
      // `const webhooks = require('./routes/webhooks')`: the whole module of a routes file.
      const binding = this.context.imports.find((candidate) => candidate.local === inner.name);
      const routesModule = binding && binding.module.startsWith('.') && ROUTER_MODULE.test(binding.module) && !MIDDLEWARE_MODULE.test(binding.module);
      return routesModule ? { local: inner.name } : undefined;
    }
    if (inner.type === 'CallExpression') {
      if (requiredModule(inner) !== undefined) return containerReference(inner);
      // `app.use('/admin', createAdminRouter())`: the factory's result is the router.
      const callee = unwrap(inner.callee);
      return callee.type === 'Identifier' && ROUTER_NAME.test(callee.name) && !this.context.functions.has(callee.name) ? { local: callee.name } : undefined;
    }
    if (inner.type === 'MemberExpression') {
      const reference = containerReference(inner);
      const tail = dottedName(inner)?.split('.').pop() ?? '';
      const fromModule = reference && 'module' in reference;
      return reference && (fromModule || ROUTER_NAME.test(tail)) ? reference : undefined;
    }
    return undefined;
  }

  /** `reports` bound by `require('./reports')` / `import reports from './reports'`: a module of this project. */
  private projectModuleBinding(node: TSESTree.Node): Reference | undefined {
    const inner = unwrap(node);
    if (inner.type !== 'Identifier' || this.context.functions.has(inner.name)) return undefined;
    const binding = this.context.imports.find((candidate) => candidate.local === inner.name);
    return binding && binding.module.startsWith('.') && !MIDDLEWARE_MODULE.test(binding.module) ? { local: inner.name } : undefined;
  }

  private containerAt(identifier: TSESTree.Identifier): string | undefined {
    const param = this.context.paramContainerAt(identifier, identifier.name);
    if (param) return param.framework === 'express' ? param.parameter : undefined;
    return param === undefined && this.containers.has(identifier.name) ? identifier.name : undefined;
  }
}
