// The calls made on one framework's containers, in source order: `app.get(…)`, `router.use(…)`,
// `app.route('/x').get(…)`, `fastify.register(…)`. A call belongs to a container when its receiver
// chain starts at a variable the file created with the framework, or at a parameter that receives
// one (`module.exports = (app) => {…}`) — the innermost function declaring the name decides, so a
// plugin's `fastify` parameter is not the top-level `fastify` instance.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { requiredModule } from '../../languages/javascript-imports';
import type { Range } from '../../types';
import type { ContainerDecl, FileRoutes, Reference } from '../model';
import { chainRoot, type JsFramework, type JsRouteContext, type ParamContainer } from './route-context';
import { constantPaths, memberCall, unwrap } from './syntax';

export interface Registration {
  call: TSESTree.CallExpression;
  method: string;
  /** Local container name. */
  container: string;
  /** The registration's start: the call, or the method name inside a chain (`.post` of `app.route('/x').get(h).post(h)`). */
  order: number;
  range: Range;
  /** Paths from an Express `app.route('/x')` earlier in the chain. */
  chainPaths?: string[];
}

/** Which container a parameter is, by name: the parameter (Express/Koa) or the plugin function (Fastify). */
export type ParamContainerName = (container: ParamContainer) => string;

export function readRegistrations(
  context: JsRouteContext,
  framework: JsFramework,
  variables: ReadonlyMap<string, ContainerDecl>,
  paramName: ParamContainerName,
): Registration[] {
  const found: Registration[] = [];
  for (const call of context.parents.calls) {
    const member = memberCall(call);
    if (!member) continue;
    const root = chainRoot(member.object);
    if (root?.type !== 'Identifier') continue;
    const param = context.paramContainerAt(root, root.name);
    let container: string | undefined;
    if (param) container = param.framework === framework ? paramName(param) : undefined;
    else if (param === undefined && variables.has(root.name)) container = root.name;
    if (!container) continue;
    const chained = member.object.type === 'CallExpression';
    const start = chained ? member.property.range[0] : call.range[0];
    const registration: Registration = { call, method: member.method, container, order: start, range: context.lines.rangeOf(start, call.range[1]) };
    const chainPaths = routeChainPaths(member.object);
    if (chainPaths) registration.chainPaths = chainPaths;
    found.push(registration);
  }
  return found.sort((a, b) => a.order - b.order);
}

/** `['/x']` for the receiver `app.route('/x')` (or `app.route('/x').get(h)`); undefined outside such a chain. */
function routeChainPaths(receiver: TSESTree.Node): string[] | undefined {
  for (let current = unwrap(receiver); ;) {
    const member = memberCall(current);
    if (!member) return undefined;
    if (member.method === 'route' && current.type === 'CallExpression') return constantPaths(current.arguments[0]);
    current = member.object;
  }
}

/** Every `const x = …` / `x = …` in the file whose value `creates` says is a container, as `[name, node, value]`. */
export function createdContainers<T>(
  context: JsRouteContext,
  creates: (value: TSESTree.Node) => T | undefined,
): { name: string; at: TSESTree.Node; created: T }[] {
  const found: { name: string; at: TSESTree.Node; created: T }[] = [];
  const consider = (target: TSESTree.Node, value: TSESTree.Node) => {
    const created = creates(unwrap(value));
    if (created !== undefined && target.type === 'Identifier' && !found.some((entry) => entry.name === target.name))
      found.push({ name: target.name, at: target, created });
  };
  // `new Koa()`, `new Router({ prefix })` are constructions, `express()` a call.
  for (const creation of [...context.parents.calls, ...context.parents.constructions]) {
    // Through assignment chains: `const app = module.exports = express()`, `module.exports = app = express()`.
    let node: TSESTree.Node = creation;
    let parent = context.parents.parent(node);
    while (parent?.type === 'AwaitExpression' || parent?.type === 'TSAsExpression' || (parent?.type === 'AssignmentExpression' && parent.right === node)) {
      if (parent.type === 'AssignmentExpression') consider(parent.left, creation);
      node = parent;
      parent = context.parents.parent(node);
    }
    if (parent?.type === 'VariableDeclarator' && parent.init === node) consider(parent.id, creation);
  }
  found.sort((a, b) => a.at.range[0] - b.at.range[0]);
  return found;
}

/**
 * `require('./routes/users')(app)`, `registerUserRoutes(app)` with an imported function: the other
 * file registers routes on this container, so it is mounted here without a prefix.
 */
export function readPassedContainers(context: JsRouteContext, containerAt: (identifier: TSESTree.Identifier) => string | undefined, into: FileRoutes): void {
  for (const call of context.parents.calls) {
    let parent: string | undefined;
    for (const argument of call.arguments) if (!parent && argument.type === 'Identifier') parent = containerAt(argument);
    if (!parent) continue;
    const callee = unwrap(call.callee);
    const module = requiredModule(callee);
    const child: Reference | undefined =
      module !== undefined
        ? { module }
        : callee.type === 'Identifier' && context.imports.some((binding) => binding.local === callee.name && binding.module.startsWith('.'))
          ? { local: callee.name }
          : undefined;
    if (child) into.mounts.push({ parent, child, prefix: '', order: call.range[0], range: context.lines.rangeOf(call.range[0], call.range[1]), guards: [] });
  }
}
