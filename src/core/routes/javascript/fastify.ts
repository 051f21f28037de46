// Fastify: instances (`fastify()`, `Fastify({ logger })`, `require('fastify')()`) and plugins —
// functions that receive an instance (`async function adminRoutes(fastify, opts)`, `export default
// async function (app)`, inline `app.register(async (instance) => …)`), each a container named after
// the function (`default` for an anonymous default export, `plugin@<line>` inline). Reads the
// shorthands `fastify.METHOD(path, [opts], handler)`, `fastify.route({ method, url, … })`, their
// onRequest/preParsing/preValidation/preHandler hooks as route guards, and `register(plugin,
// { prefix })` as mounts.
//
// `addHook('onRequest' | …, fn)` is a container guard with order -1: Fastify applies a context's
// hooks to every route of that context and of the plugins it registers, whether the route was
// declared before or after the hook (fastify/fastify#1897, fastify/website-metalsmith#329); only
// encapsulation limits them. A plugin wrapped in fastify-plugin (`fp(fn)`) is not encapsulated, so
// when it is defined in this file its hooks are also recorded on the container registering it.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { requiredModule } from '../../languages/javascript-imports';
import type { ContainerDecl, ContainerGuard, GuardCandidate, Reference } from '../model';
import { addFastifyGuard } from './fastify-fix';
import { JsFrameworkFile, jsFrameworkReader } from './framework-file';
import { ROUTE_METHODS, type ParamContainer } from './route-context';
import { containerReference, middlewareGuard } from './route-parts';
import { createdContainers, readRegistrations, type Registration } from './registrations';
import { constantPath, flattenArguments, isFunctionNode, memberCall, objectProperty, hasRoutePathCall, unwrap, type FunctionNode } from './syntax';

/** Request hooks that run before the handler and can reject the request. */
export const FASTIFY_AUTH_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

export const fastifyReader = jsFrameworkReader(
  {
    framework: 'fastify',
    mayApply: (text) => /fastify|\.addHook\s*\(/i.test(text) || hasRoutePathCall(text),
    addGuard: (input) => addFastifyGuard(input),
  },
  (context, into) => new FastifyFile(context, into),
);

class FastifyFile extends JsFrameworkFile {
  protected readonly framework = 'fastify';
  private readonly pluginNames = new Map<FunctionNode, string>();
  /** Plugins of this file wrapped in fastify-plugin, whose hooks reach the registering container. */
  private readonly transparent = new Set<string>();

  read(): void {
    const { context } = this;
    for (const { name, at } of createdContainers(context, (value) => (this.isInstance(value) ? true : undefined))) {
      this.containers.set(name, { name, framework: 'fastify', kind: 'app', range: context.lines.rangeOf(at.range[0], at.range[1]), guards: [] });
    }
    const variables = new Map(this.containers);
    for (const param of context.paramContainers) if (param.framework === 'fastify') this.addPlugin(param);
    if (this.containers.size === 0) return;
    const registrations = readRegistrations(context, 'fastify', variables, (param) => this.pluginNames.get(param.fn) ?? param.parameter);
    const registers: Registration[] = [];
    for (const registration of registrations) {
      if (ROUTE_METHODS.has(registration.method) && registration.method !== 'del') this.readShorthand(registration);
      else if (registration.method === 'route') this.readRouteOptions(registration);
      else if (registration.method === 'addHook') this.readHook(registration);
      else if (registration.method === 'register') registers.push(registration);
    }
    for (const registration of registers) this.readRegister(registration);
    const byPosition = (a: ContainerDecl, b: ContainerDecl) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    this.into.containers.push(...[...this.containers.values()].sort(byPosition));
    this.into.routes.push(...this.routes);
  }

  private addPlugin(param: ParamContainer): void {
    const { context } = this;
    const name = param.functionName ?? `plugin@${context.lines.positionAt(param.fn.range[0]).line + 1}`;
    this.pluginNames.set(param.fn, name);
    if (this.containers.has(name)) return;
    const at = param.fn.type !== 'ArrowFunctionExpression' && param.fn.id ? param.fn.id : param.fn.params[0];
    this.containers.set(name, { name, framework: 'fastify', kind: 'plugin', range: context.lines.rangeOf(at.range[0], at.range[1]), guards: [] });
    const wrapper = context.parents.parent(param.fn);
    if (
      wrapper?.type === 'CallExpression' &&
      wrapper.callee.type === 'Identifier' &&
      context.importedFrom(wrapper.callee.name)?.binding.module === 'fastify-plugin'
    )
      this.transparent.add(name);
  }

  /** `fastify()`, `Fastify({ logger: true })`, `require('fastify')()` — not `fastify-plugin`'s `fp()`. */
  private isInstance(value: TSESTree.Node): boolean {
    if (value.type !== 'CallExpression') return false;
    const callee = unwrap(value.callee);
    if (requiredModule(callee) === 'fastify') return true;
    if (callee.type !== 'Identifier') return false;
    const imported = this.context.importedFrom(callee.name);
    if (imported) return imported.binding.module === 'fastify' && imported.binding.imported !== 'FastifyInstance';
    return /^fastify$/i.test(callee.name);
  }

  /** `fastify.get(path, handler)`, `fastify.get(path, opts, handler)`, `fastify.get(path, { handler, preHandler })`. */
  private readShorthand(registration: Registration): void {
    const args = registration.call.arguments;
    const path = constantPath(args[0]);
    if (path === undefined || args.length < 2) return;
    const second = unwrap(args[1]);
    const options = args.length >= 3 || objectProperty(second, 'handler') ? second : undefined;
    const handler = args.length >= 3 ? args[2] : options ? objectProperty(options, 'handler')?.value : args[1];
    const method = registration.method === 'all' ? 'ALL' : registration.method.toUpperCase();
    this.addRoute(registration, [method], path, options, handler);
  }

  /** `fastify.route({ method: ['GET', 'POST'], url: '/x', preHandler, handler })`. */
  private readRouteOptions(registration: Registration): void {
    const options = registration.call.arguments[0] && unwrap(registration.call.arguments[0]);
    if (options?.type !== 'ObjectExpression') return;
    const path = constantPath((objectProperty(options, 'url') ?? objectProperty(options, 'path'))?.value);
    const methodValue = objectProperty(options, 'method')?.value;
    if (path === undefined || !methodValue) return;
    const method = unwrap(methodValue);
    const methods = (method.type === 'ArrayExpression' ? method.elements : [method]).map((element) =>
      element && element.type !== 'SpreadElement' ? constantPath(element)?.toUpperCase() : undefined,
    );
    if (methods.length === 0 || methods.some((value) => value === undefined)) return;
    this.addRoute(registration, methods as string[], path, options, objectProperty(options, 'handler')?.value);
  }

  private addRoute(registration: Registration, methods: string[], path: string, options: TSESTree.Node | undefined, handler: TSESTree.Node | undefined): void {
    this.addRoutes(registration, methods, [path], options ? this.hookGuards(options) : [], handler);
  }

  /** Route-level hooks: `{ onRequest: [fastify.authenticate], preHandler: fastify.auth([a, b]) }`. */
  private hookGuards(options: TSESTree.Node): GuardCandidate[] {
    const guards: GuardCandidate[] = [];
    for (const hook of FASTIFY_AUTH_HOOKS) {
      const value = objectProperty(options, hook)?.value;
      if (value) guards.push(...this.hookValueGuards(value));
    }
    return guards;
  }

  /** A hook value as guards; @fastify/auth's `fastify.auth([verifyJwt, verifyApiKey])` adds each listed function too. */
  private hookValueGuards(value: TSESTree.Node): GuardCandidate[] {
    const guards: GuardCandidate[] = [];
    for (const element of flattenArguments([value])) {
      const guard = middlewareGuard(element, this.context, this.into);
      if (guard) guards.push(guard);
      const member = memberCall(element);
      if (member?.method === 'auth' && element.type === 'CallExpression' && element.arguments[0]) {
        for (const listed of flattenArguments([element.arguments[0]])) {
          const inner = middlewareGuard(listed, this.context, this.into);
          if (inner) guards.push(inner);
        }
      }
    }
    return guards;
  }

  private readHook(registration: Registration): void {
    const [name, hook] = registration.call.arguments;
    if (!hook || constantPath(name) === undefined || !FASTIFY_AUTH_HOOKS.includes(constantPath(name)!)) return;
    const container = this.containers.get(registration.container)!;
    for (const guard of this.hookValueGuards(hook)) container.guards.push({ ...guard, order: -1 });
  }

  /** `register(plugin, { prefix })`: a mount of a plugin of this file, an imported one, or `import('./routes/x')`. */
  private readRegister(registration: Registration): void {
    const [pluginNode, options] = registration.call.arguments;
    if (!pluginNode) return;
    const child = this.pluginReference(pluginNode);
    if (!child) return;
    const prefix = constantPath(objectProperty(options, 'prefix')?.value) ?? '';
    this.into.mounts.push({ parent: registration.container, child, prefix, order: registration.order, range: registration.range, guards: [] });
    if ('local' in child && this.transparent.has(child.local) && child.local !== registration.container) {
      const parent = this.containers.get(registration.container)!;
      const hooks: ContainerGuard[] = this.containers.get(child.local)?.guards ?? [];
      parent.guards.push(...hooks.map((guard) => ({ ...guard, order: -1 })));
    }
  }

  private pluginReference(node: TSESTree.Node): Reference | undefined {
    let inner = unwrap(node);
    // `register(fp(plugin))`: the wrapped plugin.
    if (
      inner.type === 'CallExpression' &&
      inner.callee.type === 'Identifier' &&
      this.context.importedFrom(inner.callee.name)?.binding.module === 'fastify-plugin' &&
      inner.arguments[0]
    )
      inner = unwrap(inner.arguments[0]);
    if (isFunctionNode(inner)) {
      const name = this.pluginNames.get(inner);
      return name ? { local: name } : undefined;
    }
    if (inner.type === 'Identifier') {
      const local = this.context.functions.get(inner.name);
      if (local) {
        const name = this.pluginNames.get(local.fn);
        return name ? { local: name } : undefined;
      }
      // Packages (`@fastify/jwt`, `@fastify/cors`) are not route containers of this project.
      const binding = this.context.imports.find((candidate) => candidate.local === inner.name);
      return binding && !binding.module.startsWith('.') ? undefined : { local: inner.name };
    }
    const reference = containerReference(inner);
    return reference && 'module' in reference && !reference.module.startsWith('.') ? undefined : reference;
  }
}
