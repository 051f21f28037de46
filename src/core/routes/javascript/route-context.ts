// What every JS route reader needs to know about one file before reading registrations: the
// imports (which local names are express, Koa, Fastify), parent links, the file's top-level
// functions, and which functions receive an app/router as a parameter (`module.exports = (app) => {…}`).
// The three readers share one classification of such functions so that exactly one of them claims
// each parameter, even in a file that imports none of the frameworks.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LineIndex } from '../../text';
import type { Framework, ImportBinding } from '../model';
import type { RouteSourceFile } from '../reader';
import { ANONYMOUS_DEFAULT, readJsModuleBindings } from './module-bindings';
import { constantPaths, isFunctionNode, memberCall, ParentMap, parameterNames, topLevelFunctions, unwrap, type FunctionNode } from './syntax';

export type JsFramework = Extract<Framework, 'express' | 'koa' | 'fastify'>;

export const FRAMEWORK_MODULES: Record<JsFramework, RegExp> = {
  express: /^express$/,
  koa: /^(koa|@koa\/router|koa-router|koa-mount|koa-jwt)$/,
  fastify: /^(fastify|fastify-plugin|@fastify\/.+)$/,
};

/** Method names that register a route on an Express/Koa/Fastify container. */
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);

/** A parameter name that is plausibly an app or router (`client`, `map`, `http` are not). */
const CONTAINER_PARAMETER = /^(app|application|router|api|server|routes?|r|instance|fastify|koa|\w*Router|\w*App|\w*Api|v\d+)$/i;
const CONTAINER_TYPE = /\b(Router|Express|Application|Koa|Fastify\w*)\b/;

export interface ParamContainer {
  fn: FunctionNode;
  parameter: string;
  framework: JsFramework;
  /** The function's own name, `default` for an anonymous default export, undefined otherwise. */
  functionName?: string;
}

/** One context per parsed program: the Express, Koa and Fastify readers of a file share it. */
const contexts = new WeakMap<TSESTree.Program, JsRouteContext>();

export class JsRouteContext {
  /** The context of a parsed file, built once however many readers read it. */
  static of(file: RouteSourceFile, program: TSESTree.Program): JsRouteContext {
    let context = contexts.get(program);
    if (!context || context.file !== file) {
      context = new JsRouteContext(file, program);
      contexts.set(program, context);
    }
    return context;
  }

  readonly text: string;
  readonly lines: LineIndex;
  readonly parents: ParentMap;
  readonly imports: ImportBinding[];
  readonly functions: ReturnType<typeof topLevelFunctions>;
  readonly paramContainers: ParamContainer[];

  constructor(
    readonly file: RouteSourceFile,
    readonly program: TSESTree.Program,
  ) {
    this.text = file.text;
    this.lines = file.lines;
    this.parents = new ParentMap(program);
    this.imports = readJsModuleBindings(program).imports;
    this.functions = topLevelFunctions(program);
    this.paramContainers = [];
    for (const { fn, name } of [...candidateFunctions(program), ...registeredFunctions(this.parents.calls)]) {
      const parameter = parameterNames(fn)[0];
      if (!parameter || this.paramContainers.some((known) => known.fn === fn)) continue;
      const framework = this.classify(fn, parameter);
      if (framework) this.paramContainers.push({ fn, parameter, framework, functionName: name });
    }
  }

  /** The framework whose module `local` is imported from, if any. */
  importedFrom(local: string): { framework: JsFramework; binding: ImportBinding } | undefined {
    const binding = this.imports.find((candidate) => candidate.local === local);
    if (!binding) return undefined;
    for (const framework of Object.keys(FRAMEWORK_MODULES) as JsFramework[]) {
      if (FRAMEWORK_MODULES[framework].test(binding.module)) return { framework, binding };
    }
    return undefined;
  }

  importsFramework(framework: JsFramework): boolean {
    return this.imports.some((binding) => FRAMEWORK_MODULES[framework].test(binding.module));
  }

  /** The parameter container (of `framework`) that `name` refers to at `node`, or null when a non-container parameter shadows it. */
  paramContainerAt(node: TSESTree.Node, name: string): ParamContainer | null | undefined {
    const fn = this.parents.functionDeclaring(node, name);
    if (!fn) return undefined;
    return this.paramContainers.find((container) => container.fn === fn && container.parameter === name) ?? null;
  }

  /** Calls made on parameter `parameter` inside `fn`: `app.get(…)`, `router.use(…)`, `fastify.register(…)`. */
  private callsOn(fn: FunctionNode, parameter: string): { method: string; call: TSESTree.CallExpression }[] {
    return this.parents.calls
      .filter((call) => call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1])
      .flatMap((call) => {
        const member = memberCall(call);
        if (!member) return [];
        const root = chainRoot(member.object);
        if (root?.type !== 'Identifier' || root.name !== parameter || this.parents.functionDeclaring(root, parameter) !== fn) return [];
        return [{ method: member.method, call }];
      });
  }

  private classify(fn: FunctionNode, parameter: string): JsFramework | undefined {
    const calls = this.callsOn(fn, parameter);
    const fastifyOnly = calls.some(
      ({ method, call }) =>
        /^(register|addHook|decorate\w*)$/.test(method) || (method === 'route' && unwrap(call.arguments[0] ?? call).type === 'ObjectExpression'),
    );
    const routes = calls.filter(
      ({ method, call }) => ROUTE_METHODS.has(method) && call.arguments.length >= 2 && constantPaths(call.arguments[0]) !== undefined,
    );
    const uses = calls.filter(({ method }) => method === 'use');
    if (!fastifyOnly && routes.length === 0 && uses.length === 0) return undefined;
    const handlers = routes.map(({ call }) => unwrap(call.arguments[call.arguments.length - 1])).filter(isFunctionNode);
    const param = fn.params[0];
    const annotated = param.type === 'Identifier' && param.typeAnnotation ? this.text.slice(param.typeAnnotation.range[0], param.typeAnnotation.range[1]) : '';
    const plausible =
      CONTAINER_PARAMETER.test(parameter) || CONTAINER_TYPE.test(annotated) || handlers.some((handler) => handler.params.length > 0) || fastifyOnly;
    if (!plausible) return undefined;
    // What the file imports settles it; then what the handlers look like.
    if (this.importsFramework('fastify') || fastifyOnly || /Fastify/.test(annotated)) return 'fastify';
    if (this.importsFramework('koa') || /Koa|KoaRouter/.test(annotated)) return 'koa';
    if (this.importsFramework('express')) return 'express';
    const names = handlers.map((handler) => parameterNames(handler));
    if (names.some((params) => params[0] === 'ctx' || params[0] === 'context')) return 'koa';
    if (names.some((params) => params[1] === 'reply') || /^(fastify|instance)$/.test(parameter)) return 'fastify';
    return 'express';
  }
}

/** The identifier a chain of registrations starts from: `app` in `app.route('/x').get(h).post(h)`. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = unwrap(node);
  for (;;) {
    const member = memberCall(current);
    if (!member) return current;
    current = member.object;
  }
}

/** Inline functions passed to Fastify's `.register(async (instance) => {…}, { prefix })`. */
function registeredFunctions(calls: readonly TSESTree.CallExpression[]): { fn: FunctionNode; name?: string }[] {
  return calls.flatMap((call) => {
    const plugin = memberCall(call)?.method === 'register' && call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    return plugin && isFunctionNode(plugin) ? [{ fn: plugin }] : [];
  });
}

/** Top-level functions (declared, assigned or exported), with the name a plugin container would get. */
function candidateFunctions(program: TSESTree.Program): { fn: FunctionNode; name?: string }[] {
  const found: { fn: FunctionNode; name?: string }[] = [];
  const add = (node: TSESTree.Node | null | undefined, name: string | undefined) => {
    if (!node) return;
    let inner = unwrap(node);
    // `fp(async function (fastify) {…})`, `fastifyPlugin(plugin, { name })`: the wrapped function.
    if (inner.type === 'CallExpression' && inner.arguments[0] && isFunctionNode(unwrap(inner.arguments[0]))) inner = unwrap(inner.arguments[0]);
    if (isFunctionNode(inner) && !found.some((entry) => entry.fn === inner))
      found.push({ fn: inner, name: name ?? (inner.type !== 'ArrowFunctionExpression' ? inner.id?.name : undefined) });
  };
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      const own = declaration.type === 'FunctionDeclaration' ? declaration.id?.name : undefined;
      add(declaration, own ?? (declaration.type === 'Identifier' ? undefined : ANONYMOUS_DEFAULT));
      continue;
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration') add(declaration, declaration.id?.name);
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) add(declarator.init, declarator.id.type === 'Identifier' ? declarator.id.name : undefined);
    }
    if (declaration.type === 'ExpressionStatement' && declaration.expression.type === 'AssignmentExpression') {
      const target = declaration.expression.left;
      const targetText =
        target.type === 'MemberExpression'
          ? `${target.object.type === 'Identifier' ? target.object.name : 'module.exports'}.${target.property.type === 'Identifier' ? target.property.name : ''}`
          : '';
      const right = unwrap(declaration.expression.right);
      const own = right.type === 'FunctionExpression' ? right.id?.name : undefined;
      if (targetText === 'module.exports') add(right, own ?? ANONYMOUS_DEFAULT);
      else if (/^(exports|module\.exports)\.\w+$/.test(targetText) && target.type === 'MemberExpression' && target.property.type === 'Identifier')
        add(right, own ?? target.property.name);
    }
  }
  return found;
}
