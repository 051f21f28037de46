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
import type { GuardCandidate, MountDecl, Reference } from '../model';
import { jsFrameworkReader, MiddlewareFrameworkFile, type CreatedContainer } from './framework-file';
import { addMiddlewareGuard } from './middleware-fix';
import { ROUTE_METHODS } from './route-context';
import { containerReference, middlewareGuard } from './route-parts';
import type { Registration } from './registrations';
import { constantPath, constantPaths, flattenArguments, memberCall, objectProperty, hasRoutePathCall, unwrap } from './syntax';

const ROUTER_MODULE = /^(@koa\/router|koa-router)$/;

export const koaReader = jsFrameworkReader(
  {
    framework: 'koa',
    mayApply: (text) => /['"](?:koa|@koa\/router|koa-router|koa-mount)['"]/.test(text) || hasRoutePathCall(text),
    addGuard: (input) => addMiddlewareGuard(input),
  },
  (context, into) => new KoaFile(context, into),
);

class KoaFile extends MiddlewareFrameworkFile {
  protected readonly framework = 'koa';

  protected override mayHoldContainers(): boolean {
    const { context } = this;
    return context.importsFramework('koa') || context.paramContainers.some((param) => param.framework === 'koa') || /\bnew Koa\b/.test(context.text);
  }

  protected readRegistration(registration: Registration): void {
    if (ROUTE_METHODS.has(registration.method)) this.readRoute(registration);
    else if (registration.method === 'use') this.readUse(registration);
    else if (registration.method === 'prefix') {
      const prefix = constantPath(registration.call.arguments[0]);
      if (prefix !== undefined) this.containers.get(registration.container)!.prefix = prefix;
    }
  }

  /** `new Koa()` → app; `new Router({ prefix })`, `Router()`, `require('koa-router')()` → router. */
  protected creation(value: TSESTree.Node): CreatedContainer | undefined {
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
    const method = registration.method === 'all' ? 'ALL' : registration.method === 'del' ? 'DELETE' : registration.method.toUpperCase();
    this.readMiddlewareRoute(registration, method, paths, args.slice(1));
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
    if (!mounted) this.addContainerGuards(registration, pending, prefixes);
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
}
