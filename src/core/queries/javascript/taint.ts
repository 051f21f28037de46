// Where an interpolated value comes from, when it is untrusted within its function: a request
// value (Express/Koa/Fastify/Next.js/Hono request objects, NestJS @Body()/@Query()/@Param()…
// parameters) or any parameter of an enclosing function (handler arguments, helpers called with
// caller data). Followed through local assignments and destructuring; a numeric conversion ends it.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from '../model';
import type { Binding, Bindings } from './bindings';
import { NUMERIC_CONVERSIONS } from './numeric-conversions';
import { unwrapExpression, type Node, type SyntaxTree } from './tree';

export interface Taint {
  /** Short: "request value req.query.code", "parameter userId". */
  description: string;
  /** Where the untrusted value enters: the request read or the parameter. */
  source: Span;
}

/** Names request objects go by (`req`, Fastify `request`, Hono `c.req`). */
const REQUEST_OBJECTS = new Set(['req', 'request']);
/** Koa's context exposes the request's parts directly: `ctx.query`, `ctx.params`. */
const CONTEXT_OBJECTS = new Set(['ctx', 'context']);
/** Parts of a request a client controls. */
const REQUEST_PARTS = new Set([
  'query',
  'body',
  'params',
  'headers',
  'cookies',
  'signedCookies',
  'files',
  'file',
  'nextUrl',
  'url',
  'originalUrl',
  'path',
  'searchParams',
  'param',
  'header',
  'json',
  'formData',
  'text',
]);
/** NestJS parameter decorators that inject request data. */
const NEST_REQUEST_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'Req', 'Request', 'Cookies', 'UploadedFile', 'UploadedFiles']);

export class TaintTracker {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly bindings: Bindings,
  ) {}

  taintOf(expression: Node): Taint | undefined {
    return this.of(expression, new Set(), 0);
  }

  private of(expression: Node, visiting: Set<Binding>, depth: number): Taint | undefined {
    if (depth > 30) return undefined;
    const node = unwrapExpression(expression);
    const next = (child: Node | null | undefined) => (child ? this.of(child, visiting, depth + 1) : undefined);
    const first = (children: readonly (Node | null | undefined)[]) => {
      for (const child of children) {
        const found = next(child);
        if (found) return found;
      }
      return undefined;
    };
    switch (node.type) {
      case 'Identifier':
        return this.ofIdentifier(node, visiting, depth);
      case 'MemberExpression':
        return this.requestRead(node) ?? next(node.object);
      case 'ChainExpression':
        return next(node.expression);
      case 'CallExpression': {
        const callee = calleePath(node.callee);
        if (callee && NUMERIC_CONVERSIONS.has(callee)) return undefined;
        const request = this.requestRead(node);
        if (request) return request;
        const receiver = unwrapExpression(node.callee);
        return first([receiver.type === 'MemberExpression' ? receiver.object : undefined, ...node.arguments]);
      }
      case 'NewExpression':
        return first(node.arguments);
      case 'AwaitExpression': {
        // An awaited call is I/O (a lookup by id, an API call): its result is not the argument
        // it was given. Only a request read (`await request.json()`) carries taint through it.
        const awaited = unwrapExpression(node.argument);
        return awaited.type === 'CallExpression' ? this.requestRead(awaited) : next(node.argument);
      }
      case 'SpreadElement':
        return next(node.argument);
      case 'TemplateLiteral':
        return first(node.expressions);
      case 'BinaryExpression':
      case 'LogicalExpression':
        return first([node.left, node.right]);
      case 'ConditionalExpression':
        return first([node.consequent, node.alternate]);
      case 'ArrayExpression':
        return first(node.elements);
      case 'ObjectExpression':
        return first(node.properties.map((property) => (property.type === 'Property' ? property.value : property.argument)));
      case 'TaggedTemplateExpression':
        return first(node.quasi.expressions);
      default:
        return undefined;
    }
  }

  private ofIdentifier(node: TSESTree.Identifier, visiting: Set<Binding>, depth: number): Taint | undefined {
    const binding = this.bindings.resolve(node);
    if (!binding || visiting.has(binding)) return undefined;
    if (binding.kind === 'parameter') return this.parameterTaint(binding);
    if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return undefined;
    if (!this.tree.enclosingFunction(binding.identifier)) return undefined; // module state is not caller data
    visiting.add(binding);
    try {
      const sources: Node[] = [];
      if (binding.declarator?.init) sources.push(binding.declarator.init);
      if (binding.kind !== 'const') {
        for (const reference of this.bindings.references(binding)) {
          const parent = this.tree.parent(reference);
          if (parent?.type === 'AssignmentExpression' && parent.left === reference) sources.push(parent.right);
        }
      }
      for (const source of sources) {
        const taint = this.of(source, visiting, depth + 1);
        if (!taint) continue;
        // `const { id } = req.params` reads req.params.id.
        const destructured = binding.path.filter((step): step is string => typeof step === 'string' && step !== '...');
        if (source === binding.declarator?.init && destructured.length && this.requestRead(unwrapExpression(source))) {
          return { ...taint, description: `${taint.description}.${destructured.join('.')}` };
        }
        return taint;
      }
      return undefined;
    } finally {
      visiting.delete(binding);
    }
  }

  /** A parameter as caller data: a request value when a NestJS decorator injects it. */
  parameterTaint(binding: Binding): Taint {
    const source = { start: binding.identifier.range[0], end: binding.identifier.range[1] };
    const parameter = binding.parameterOf?.parameter;
    const decorator =
      parameter && 'decorators' in parameter
        ? parameter.decorators?.find((candidate) => NEST_REQUEST_DECORATORS.has(calleePath(candidate.expression) ?? ''))
        : undefined;
    if (decorator) return { description: `request value ${this.tree.textOf(decorator)} ${binding.name}`, source };
    return { description: `parameter ${binding.name}`, source };
  }

  /** `req.query.id`, `request.body`, `ctx.request.body`, `ctx.params.id`, `c.req.query('q')`. */
  requestRead(node: Node): Taint | undefined {
    const steps = memberSteps(node);
    if (!steps) return undefined;
    const isRequest = steps.some((step, index) => REQUEST_OBJECTS.has(step) && index + 1 < steps.length && REQUEST_PARTS.has(steps[index + 1]));
    const isContext = steps.length > 1 && CONTEXT_OBJECTS.has(steps[0]) && REQUEST_PARTS.has(steps[1]);
    if (!isRequest && !isContext) return undefined;
    return { description: `request value ${this.tree.textOf(node)}`, source: { start: node.range[0], end: node.range[1] } };
  }
}

/** Names along a member/call chain from its root: `c.req.query('q')` → ['c', 'req', 'query']. */
function memberSteps(expression: Node): string[] | undefined {
  const node = unwrapExpression(expression);
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'MemberExpression': {
      const object = memberSteps(node.object);
      if (!object) return undefined;
      const property =
        !node.computed && node.property.type === 'Identifier' ? node.property.name : node.property.type === 'Literal' ? String(node.property.value) : '[]';
      return [...object, property];
    }
    case 'CallExpression':
      return memberSteps(node.callee);
    case 'ChainExpression':
      return memberSteps(node.expression);
    default:
      return undefined;
  }
}

function calleePath(expression: Node): string | undefined {
  const node = unwrapExpression(expression);
  if (node.type === 'CallExpression') return calleePath(node.callee);
  const steps = memberSteps(node);
  return steps?.join('.');
}
