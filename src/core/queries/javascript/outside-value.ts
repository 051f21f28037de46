// Whether a command line that reaches a shell whole (`exec(cmd)`) comes from outside the program,
// and from where: a request value, a parameter (through the calls of the file when they are all in
// view, see callers.ts), the command line (`process.argv`, an argument parser given it), the
// environment (`process.env`) or the terminal (`prompt()`, readline's `question`). Stricter than
// taint: the command must be that value, a part of it (`req.body.cmd`) or its text reshaped
// (`.trim()`, `.join(' ')`); a value merely looked up with it (`COMMANDS[req.query.name]`) is a
// command the program wrote. A value checked against an allowlist first is not reported.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../../languages/estree-walk';
import type { Span } from '../model';
import { OutsideValueSearch } from '../outside-value-search';
import { operatorSource, type OutsideKind } from '../outside-values';
import { isGuardedRead } from './allowlist-guards';
import type { Binding, Bindings } from './bindings';
import type { Callers } from './callers';
import { rootIdentifier } from './constant-values';
import type { TaintTracker } from './taint';
import { unwrapExpression, type Node, type SyntaxTree } from './tree';

export interface OutsideValue {
  kind: OutsideKind;
  /** "request value req.query.cmd", "parameter cmd", "environment variable process.env.CMD". */
  description: string;
  /** Where the value enters the program. */
  source: Span;
  /** Calls of the file's own functions the value was passed through, outermost first. */
  through: TSESTree.CallExpression[];
}

/** Methods whose result is the receiver's text reshaped, not a different value. */
const TEXT_METHODS = new Set([
  'trim',
  'trimStart',
  'trimEnd',
  'toString',
  'toLowerCase',
  'toUpperCase',
  'normalize',
  'replace',
  'replaceAll',
  'join',
  'slice',
  'at',
  'get',
]);
/** Decoding and parsing keep the value what it was: `JSON.parse(body).cmd`, `new URL(req.url).searchParams.get('cmd')`. */
const DECODERS = new Set(['JSON.parse', 'decodeURIComponent', 'decodeURI', 'atob', 'Buffer.from', 'url.parse', 'querystring.parse', 'URL', 'URLSearchParams']);
const MAX_DEPTH = 30;

export class OutsideValues extends OutsideValueSearch<Node, OutsideValue, Binding> {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly bindings: Bindings,
    private readonly taint: TaintTracker,
    private readonly callers: Callers,
  ) {
    super(MAX_DEPTH, unwrapExpression);
  }

  protected sourceRead(node: Node): OutsideValue | undefined {
    const request = this.taint.requestRead(node);
    if (request) return { kind: 'request', description: request.description, source: request.source, through: [] };
    return this.operatorRead(node);
  }

  protected follow(node: Node, visiting: Set<Binding>, depth: number): OutsideValue[] {
    const next = (child: Node) => this.visit(child, visiting, depth + 1);
    switch (node.type) {
      case 'Identifier':
        return this.identifier(node, visiting, depth);
      case 'MemberExpression':
        return next(node.object);
      case 'ChainExpression':
        return next(node.expression);
      case 'AwaitExpression':
        return next(node.argument);
      case 'LogicalExpression':
        return [...next(node.left), ...next(node.right)];
      case 'ConditionalExpression':
        return [...next(node.consequent), ...next(node.alternate)];
      case 'TemplateLiteral':
        // `${cmd}` alone is the value itself.
        return node.expressions.length === 1 && node.quasis.every((quasi) => (quasi.value.cooked ?? quasi.value.raw).trim() === '')
          ? next(node.expressions[0])
          : [];
      case 'CallExpression':
        return this.call(node, next);
      case 'NewExpression':
        return DECODERS.has(dottedName(node.callee) ?? '') && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? next(node.arguments[0]) : [];
      default:
        return [];
    }
  }

  private call(node: TSESTree.CallExpression, next: (child: Node) => OutsideValue[]): OutsideValue[] {
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && TEXT_METHODS.has(callee.property.name))
      return next(callee.object);
    const [first] = node.arguments;
    const isString = callee.type === 'Identifier' && callee.name === 'String' && !this.bindings.resolve(callee);
    if (first && first.type !== 'SpreadElement' && (isString || DECODERS.has(dottedName(callee) ?? ''))) return next(first);
    // An argument parser given the command line (`minimist(process.argv.slice(2))`, `yargs(hideBin(process.argv))`)
    // returns parts of it.
    for (const argument of node.arguments) {
      if (argument.type === 'SpreadElement') continue;
      const argv = next(argument).filter((value) => value.kind === 'argv');
      if (argv.length) return argv;
    }
    return [];
  }

  /** `process.env.X`, `process.argv[2]`, `prompt(…)`, `rl.question(…)`. */
  private operatorRead(node: Node): OutsideValue | undefined {
    const source = { start: node.range[0], end: node.range[1] };
    const read = (kind: 'argv' | 'environment' | 'input'): OutsideValue => ({
      kind,
      description: operatorSource(kind, this.tree.textOf(node)),
      source,
      through: [],
    });
    if (node.type === 'MemberExpression') {
      const root = rootIdentifier(node);
      if (root?.name !== 'process' || this.bindings.resolve(root)) return undefined;
      const part = processPart(node);
      if (part === 'env') return read('environment');
      if (part === 'argv') return read('argv');
      return undefined;
    }
    if (node.type !== 'CallExpression') return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'Identifier' && callee.name === 'prompt' && !this.bindings.resolve(callee)) return read('input');
    if (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'question' &&
      node.arguments.length <= 2
    )
      return read('input');
    return undefined;
  }

  private identifier(node: TSESTree.Identifier, visiting: Set<Binding>, depth: number): OutsideValue[] {
    const binding = this.bindings.resolve(node);
    if (!binding || visiting.has(binding) || isGuardedRead(node, this.tree, this.bindings)) return [];
    visiting.add(binding);
    try {
      if (binding.kind === 'parameter') return this.parameter(binding, visiting, depth);
      if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return [];
      for (const source of this.sources(binding)) {
        const values = this.visit(source, visiting, depth + 1);
        if (!values.length) continue;
        // `const { cmd } = req.body` reads req.body.cmd.
        const path = binding.path.filter((step): step is string => typeof step === 'string' && step !== '...');
        return source === binding.declarator?.init && path.length
          ? values.map((value) => ({ ...value, description: `${value.description}.${path.join('.')}` }))
          : values;
      }
      return [];
    } finally {
      visiting.delete(binding);
    }
  }

  /** A variable's initial value (for `for (const x of xs)`, the iterated array) and later assignments. */
  private sources(binding: Binding): Node[] {
    const sources: Node[] = [];
    const declarator = binding.declarator;
    if (declarator?.init) sources.push(declarator.init);
    const declaration = declarator && this.tree.parent(declarator);
    const loop = declaration && this.tree.parent(declaration);
    if (loop?.type === 'ForOfStatement' && loop.left === declaration) sources.push(loop.right);
    if (binding.kind !== 'const') {
      for (const reference of this.bindings.references(binding)) {
        const parent = this.tree.parent(reference);
        if (parent?.type === 'AssignmentExpression' && parent.left === reference && parent.operator === '=') sources.push(parent.right);
      }
    }
    return sources;
  }

  /** Caller data, or what the file's calls pass when they are all in view. */
  private parameter(binding: Binding, visiting: Set<Binding>, depth: number): OutsideValue[] {
    const passed = this.callers.passedTo(binding);
    if (!passed) {
      const taint = this.taint.parameterTaint(binding);
      return [
        { kind: taint.description.startsWith('request value') ? 'request' : 'parameter', description: taint.description, source: taint.source, through: [] },
      ];
    }
    return passed.flatMap((entry) => {
      if (!entry.value) return [];
      const values = this.visit(entry.value, visiting, depth + 1);
      return entry.indirect ? values : values.map((value) => ({ ...value, through: [entry.call, ...value.through] }));
    });
  }
}

/** The member a chain reads first: `env` of `process.env.X`. */
function processPart(node: TSESTree.MemberExpression): string | undefined {
  let current: Node = node;
  while (current.type === 'MemberExpression') {
    const object: Node = unwrapExpression(current.object);
    if (object.type === 'Identifier') return !current.computed && current.property.type === 'Identifier' ? current.property.name : undefined;
    current = object;
  }
  return undefined;
}
