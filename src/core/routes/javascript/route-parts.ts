// The pieces of a registration that Express, Koa and Fastify write alike: middleware arguments
// (recorded as guard candidates), the handler (inline, a function of this file, or a reference),
// and what a mount points at.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import { loadedModule } from '../../languages/javascript-imports';
import { addAuthDefinitions, type ContainerDecl, type FileRoutes, type GuardCandidate, type HandlerInfo, type Reference } from '../model';
import { jsInlineAuthCheck, jsInlineMiddlewareEvidence, jsVerifiesSignature } from './auth-evidence';
import type { JsRouteContext } from './route-context';
import { functionHeadRange, guardCandidate, isFunctionNode, unwrap, type FunctionNode } from './syntax';

/** Guard candidates for middleware/hook arguments. */
export function middlewareGuards(nodes: readonly TSESTree.Node[], context: JsRouteContext, into: FileRoutes): GuardCandidate[] {
  return nodes.flatMap((node) => {
    const guard = middlewareGuard(node, context, into);
    return guard ? [guard] : [];
  });
}

/**
 * One middleware argument as a guard candidate. An anonymous inline function has no name the
 * vocabulary could judge; when its body is an auth check it is recorded under a name made from
 * its place in the project (`inline@routes/admin.js:12`) with an AuthDefinition of that name, so
 * the vocabulary learns it like any other project helper. Inline functions without auth evidence
 * (logging, parsing) are left out.
 */
export function middlewareGuard(node: TSESTree.Node, context: JsRouteContext, into: FileRoutes): GuardCandidate | undefined {
  const inner = unwrap(node);
  if (isFunctionNode(inner)) {
    const evidence = jsInlineMiddlewareEvidence(inner);
    if (!evidence) return undefined;
    const name = `inline@${context.file.path}:${context.lines.positionAt(inner.range[0]).line + 1}`;
    const range = context.lines.rangeOf(inner.range[0], inner.range[1]);
    addAuthDefinitions(into, [{ name, range, evidence }]);
    return { name, text: context.text.slice(inner.range[0], inner.range[1]), range, kind: 'middleware' };
  }
  return guardCandidate(inner, context.text, context.lines);
}

/**
 * Routers received as a parameter (`module.exports = function (app) { app.get(…) }`), named
 * after the parameter and tied to their function, unless a container of that name exists.
 */
export function addParameterContainers(context: JsRouteContext, framework: 'express' | 'koa', containers: Map<string, ContainerDecl>): void {
  for (const param of context.paramContainers) {
    if (param.framework !== framework || containers.has(param.parameter)) continue;
    const node = param.fn.params[0];
    containers.set(param.parameter, {
      name: param.parameter,
      framework,
      kind: 'router',
      range: context.lines.rangeOf(node.range[0], node.range[1]),
      guards: [],
      ...(param.functionName ? { parameterOf: param.functionName } : {}),
    });
  }
}

/** The handler of a route: written inline or as a function of this file (HandlerInfo), or defined elsewhere (Reference). */
export function readHandler(node: TSESTree.Node | undefined, context: JsRouteContext): { handler?: HandlerInfo; handlerRef?: Reference } {
  if (!node) return {};
  const inner = unwrap(node);
  if (isFunctionNode(inner)) return { handler: handlerInfo(inner, context, undefined, functionHeadRange(inner, context.text, context.lines)) };
  if (inner.type === 'Identifier') {
    const local = context.functions.get(inner.name);
    if (local) return { handler: handlerInfo(local.fn, context, inner.name, context.lines.rangeOf(local.id.range[0], local.id.range[1])) };
    return { handlerRef: { local: inner.name } };
  }
  if (inner.type === 'MemberExpression') {
    const name = dottedName(inner);
    if (!name || name.startsWith('this.')) return {};
    const dot = name.indexOf('.');
    return { handlerRef: { local: name.slice(0, dot), member: name.slice(dot + 1) } };
  }
  if (inner.type === 'CallExpression') {
    // `asyncHandler(async (req, res) => {…})`, `catchAsync(listUsers)`: the wrapped function is the handler.
    const wrapped = inner.arguments.find((argument) => argument.type !== 'SpreadElement' && /Function|Identifier|MemberExpression/.test(unwrap(argument).type));
    return wrapped ? readHandler(wrapped, context) : {};
  }
  return {};
}

function handlerInfo(fn: FunctionNode, context: JsRouteContext, name: string | undefined, range: HandlerInfo['range']): HandlerInfo {
  const info: HandlerInfo = { range, guards: [] };
  if (name) info.name = name;
  const inlineCheck = jsInlineAuthCheck(fn, context.lines);
  if (inlineCheck) info.inlineCheck = inlineCheck;
  if (jsVerifiesSignature(fn)) info.verifiesSignature = true;
  return info;
}

/** What a mounted router/plugin argument points at: a local or imported name (`adminRouter`, `routes.admin`) or a module (`require('./admin')`). */
export function containerReference(node: TSESTree.Node): Reference | undefined {
  const inner = unwrap(node);
  if (inner.type === 'Identifier') return { local: inner.name };
  const module = loadedModule(inner);
  if (module !== undefined) return { module };
  if (inner.type === 'MemberExpression') {
    const objectModule = loadedModule(unwrap(inner.object));
    const property = !inner.computed && inner.property.type === 'Identifier' ? inner.property.name : undefined;
    if (objectModule !== undefined && property) return { module: objectModule, member: property };
    const name = dottedName(inner);
    if (!name || name.startsWith('this.')) return undefined;
    const dot = name.indexOf('.');
    return { local: name.slice(0, dot), member: name.slice(dot + 1) };
  }
  return undefined;
}
