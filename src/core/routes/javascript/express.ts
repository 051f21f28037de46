// Express: apps (`express()`), routers (`express.Router()`, `Router()` from express,
// `require('express').Router()`), and routers received as a parameter (`module.exports = (app) => {…}`).
// Reads `app.METHOD(path, ...middleware, handler)`, `app.route(path).get(…)`, `app.use(mw)` (a
// container guard, ordered), `app.use('/prefix', mw)` (a guard for that prefix),
// `app.use('/prefix', mw, router)` (a mount with its guards) and `registerRoutes(app)` (a mount
// without prefix: the other file registers on this very app).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import { requiredModule } from '../../languages/javascript-imports';
import type { GuardCandidate, Reference } from '../model';
import { jsFrameworkReader, MiddlewareFrameworkFile, type CreatedContainer } from './framework-file';
import { addMiddlewareGuard } from './middleware-fix';
import { ROUTE_METHODS } from './route-context';
import { containerReference, middlewareGuard } from './route-parts';
import type { Registration } from './registrations';
import { constantPaths, flattenArguments, hasRoutePathCall, unwrap } from './syntax';

/** A name that is a router or sub-app rather than a middleware: `adminRouter`, `userRoutes`, `api`, `v1`, `adminApp`. */
const ROUTER_NAME = /router|routes|controller|endpoints|^api$|^v\d+$|^app$|App$/i;
/** Modules that hold routers (`./routes/webhooks`, `./api/v1`) and modules that hold middleware (`./middleware/session`). */
const ROUTER_MODULE = /rout|api|controller|endpoint|webhook|handlers?\b|apps?\b/i;
const MIDDLEWARE_MODULE = /middleware|auth|guard|session|polic|passport|security/i;

export const expressReader = jsFrameworkReader(
  {
    framework: 'express',
    // Auth helpers without routes are found by read-file-routes' own hint; this test is for apps and routers.
    mayApply: (text) => /['"]express['"]/.test(text) || hasRoutePathCall(text),
    addGuard: (input) => addMiddlewareGuard(input),
  },
  (context, into) => new ExpressFile(context, into),
);

class ExpressFile extends MiddlewareFrameworkFile {
  protected readonly framework = 'express';

  protected readRegistration(registration: Registration): void {
    if (ROUTE_METHODS.has(registration.method) && registration.method !== 'del') this.readRoute(registration);
    else if (registration.method === 'use' && !registration.chainPaths) this.readUse(registration);
  }

  /** `express()` → app; `express.Router()` / `Router()` / `require('express').Router()` → router. */
  protected creation(value: TSESTree.Node): CreatedContainer | undefined {
    if (value.type !== 'CallExpression' && value.type !== 'NewExpression') return undefined;
    const callee = unwrap(value.callee);
    if (callee.type === 'Identifier') {
      const imported = this.context.importedFrom(callee.name);
      if (imported?.framework === 'express') return { kind: imported.binding.imported === 'Router' ? 'router' : 'app' };
      return !imported && callee.name === 'express' && !this.context.imports.some((binding) => binding.local === 'express') ? { kind: 'app' } : undefined;
    }
    if (requiredModule(callee) === 'express') return { kind: 'app' };
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'Router') {
      const object = unwrap(callee.object);
      if (requiredModule(object) === 'express') return { kind: 'router' };
      if (object.type === 'Identifier' && (this.context.importedFrom(object.name)?.framework === 'express' || object.name === 'express'))
        return { kind: 'router' };
    }
    return undefined;
  }

  private readRoute(registration: Registration): void {
    const args = registration.call.arguments;
    const paths = registration.chainPaths ?? constantPaths(args[0]);
    const rest = registration.chainPaths ? args : args.slice(1);
    // `app.get('env')` reads a setting: a route has a handler.
    if (!paths || rest.length === 0) return;
    this.readMiddlewareRoute(registration, registration.method === 'all' ? 'ALL' : registration.method.toUpperCase(), paths, rest);
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
    if (!mounted) this.addContainerGuards(registration, pending, prefixes);
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
}
