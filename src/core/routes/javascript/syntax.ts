// Small AST helpers shared by the Express, Koa and Fastify readers and the JS auth evidence:
// function nodes, constant paths, callee names and the candidate a middleware argument becomes.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName, walkEstree } from '../../languages/estree-walk';
import { unwrapAwaitedExpression } from '../../languages/js-unwrap';
import { constantString } from '../../languages/js-constant-string';
import type { LineIndex } from '../../text';
import type { GuardCandidate, GuardKind } from '../model';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** The route readers see through `await` as well as TypeScript's wrappers. */
export const unwrap = (node: TSESTree.Node): TSESTree.Node => unwrapAwaitedExpression(node);

export function textOf(text: string, node: TSESTree.Node): string {
  return text.slice(node.range[0], node.range[1]);
}

/** The dotted name a call or reference is known by: `requireAuth`, `passport.authenticate` for `passport.authenticate('jwt')`, `jwt` for `jwt({…}).unless({…})`. */
export function referenceName(node: TSESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === 'CallExpression') {
    const callee = unwrap(inner.callee);
    // `jwt({ secret }).unless({ path })`: the middleware is the inner call, `.unless` only narrows it.
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'CallExpression') return referenceName(callee.object);
    return dottedName(callee);
  }
  return dottedName(inner);
}

export function guardCandidate(node: TSESTree.Node, text: string, lines: LineIndex, kind: GuardKind = 'middleware'): GuardCandidate | undefined {
  const name = referenceName(node);
  if (!name) return undefined;
  return { name, text: textOf(text, node), range: lines.rangeOf(node.range[0], node.range[1]), kind };
}

/** A path argument: a string, a template without `${}`; undefined for anything computed. */
export function constantPath(node: TSESTree.Node | undefined): string | undefined {
  if (!node || node.type === 'SpreadElement') return undefined;
  const inner = unwrap(node);
  if (inner.type === 'Literal' && 'regex' in inner && inner.regex) return `/${inner.regex.pattern}/${inner.regex.flags}`;
  return constantString(inner);
}

/** One path or an array of paths (`app.get(['/a', '/b'], h)`); undefined when the argument is not a path at all. */
export function constantPaths(node: TSESTree.Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'ArrayExpression') {
    const paths = inner.elements.map((element) => (element ? constantPath(element) : undefined));
    return paths.length > 0 && paths.every((path) => path !== undefined) ? (paths as string[]) : undefined;
  }
  const path = constantPath(inner);
  return path === undefined ? undefined : [path];
}

/** The method name of `x.get(…)`, and the object it is called on. */
export function memberCall(node: TSESTree.Node): { object: TSESTree.Node; method: string; property: TSESTree.Node } | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return { object: unwrap(callee.object), method: callee.property.name, property: callee.property };
}

/** The last segment of a callee (`constructEvent` for `stripe.webhooks.constructEvent`). */
export function calleeTail(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(node.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** `{ key: value }` property of an object literal, by key name. */
export function objectProperty(node: TSESTree.Node | undefined, key: string): TSESTree.Property | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type !== 'ObjectExpression') return undefined;
  for (const property of inner.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
    if (name === key) return property;
  }
  return undefined;
}

/** Array elements, or the node itself: middleware lists are written either way. */
export function flattenArguments(nodes: readonly TSESTree.Node[]): TSESTree.Node[] {
  const flat: TSESTree.Node[] = [];
  for (const node of nodes) {
    const inner = unwrap(node);
    if (inner.type === 'ArrayExpression') {
      for (const element of inner.elements) if (element && element.type !== 'SpreadElement') flat.push(...flattenArguments([element]));
    } else if (inner.type !== 'SpreadElement') {
      flat.push(inner);
    }
  }
  return flat;
}

export function parameterNames(fn: FunctionNode): string[] {
  return fn.params.map((param) => {
    const inner = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
    return inner.type === 'Identifier' ? inner.name : '';
  });
}

/** Parent links for a program, built once per read (typescript-estree leaves them out). */
export class ParentMap {
  private readonly parents = new Map<TSESTree.Node, TSESTree.Node>();
  readonly calls: TSESTree.CallExpression[] = [];
  readonly constructions: TSESTree.NewExpression[] = [];

  constructor(program: TSESTree.Program) {
    walkEstree(program, (node, parent) => {
      if (parent) this.parents.set(node, parent);
      if (node.type === 'CallExpression') this.calls.push(node);
      if (node.type === 'NewExpression') this.constructions.push(node);
    });
    this.calls.sort((a, b) => a.range[0] - b.range[0]);
  }

  parent(node: TSESTree.Node): TSESTree.Node | undefined {
    return this.parents.get(node);
  }

  /** Innermost function declaring a parameter called `name` around `node`, if any. */
  functionDeclaring(node: TSESTree.Node, name: string): FunctionNode | undefined {
    for (let current = this.parents.get(node); current; current = this.parents.get(current)) {
      if (isFunctionNode(current) && parameterNames(current).includes(name)) return current;
    }
    return undefined;
  }
}

/** Top-level functions by name (declarations, `const f = () => …`, exported ones), for handlers referred to by name. */
export function topLevelFunctions(program: TSESTree.Program): Map<string, { fn: FunctionNode; id: TSESTree.Identifier }> {
  const functions = new Map<string, { fn: FunctionNode; id: TSESTree.Identifier }>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration' && declaration.id) functions.set(declaration.id.name, { fn: declaration, id: declaration.id });
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init && unwrap(declarator.init);
        if (declarator.id.type === 'Identifier' && init && isFunctionNode(init)) functions.set(declarator.id.name, { fn: init, id: declarator.id });
      }
    }
  }
  return functions;
}

/** The head of a function (`async (req, res) =>`, `function handler(req, res)`): where a finding about it goes. */
export function functionHeadRange(fn: FunctionNode, text: string, lines: LineIndex): ReturnType<LineIndex['rangeOf']> {
  let end = fn.body.range[0];
  while (end > fn.range[0] && /\s/.test(text[end - 1])) end--;
  return lines.rangeOf(fn.range[0], end);
}

/**
 * A route-registering call with a literal path (`app.get('/x'`, `router.post(['/a'`, koa-router's
 * `router.get('name', '/x'`): the shape that lets a file receiving its app or router as a
 * parameter through the readers' cheap text tests without naming its framework.
 */
const ROUTE_PATH_CALL = /\.(?:get|post|put|patch|delete|del|all|head|options|use|route)\s*\(\s*(?:\[\s*)?(?:['"`][\w.-]*['"`]\s*,\s*)?['"`]\//;

/**
 * Whether the text has a ROUTE_PATH_CALL. The Express, Koa and Fastify readers all ask about the
 * same text in a row; the last answer is kept so that a large file is searched once, not three times.
 */
export function hasRoutePathCall(text: string): boolean {
  if (lastRoutePathCall?.text !== text) lastRoutePathCall = { text, found: ROUTE_PATH_CALL.test(text) };
  return lastRoutePathCall.found;
}
let lastRoutePathCall: { text: string; found: boolean } | undefined;
