// Who calls a function of this file, when the file shows every call: then a parameter holds what
// those calls pass, and a command handed to a helper (`const run = (cmd) => execSync(cmd)`) is
// judged where the helper is called. A function the file exports, passes along as a value or never
// calls has callers the file does not show: its parameters stay caller data. A callback of array
// iteration (`STEPS.forEach((step) => …)`) receives the array's elements.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Binding, Bindings } from './bindings';
import { unwrapExpression, type FunctionNode, type Node, type SyntaxTree } from './tree';

export interface PassedValue {
  /** The call that passes the value (for a callback: the iteration call). */
  call: TSESTree.CallExpression;
  /** What it passes; undefined when that cannot be told (a spread, an element of an unknown array). */
  value?: Node;
  /** The value is an array whose elements the parameter receives (an iteration over a value we cannot list). */
  elementOf?: boolean;
  /** Passed by an iteration (`forEach`) or as an operation's result, not by a call of the function itself. */
  indirect?: boolean;
}

/** Array methods that call their callback with each element as its first argument. */
const ITERATION = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);

export class Callers {
  private readonly memo = new Map<Binding, PassedValue[] | null>();
  /** Per method: one walk over its class finds the calls, whichever of its parameters asks. */
  private readonly methods = new Map<TSESTree.MethodDefinition, TSESTree.CallExpression[] | null>();

  constructor(
    private readonly tree: SyntaxTree,
    private readonly bindings: Bindings,
  ) {}

  /** What the file's calls pass for a parameter; undefined when its callers are not all in view. */
  passedTo(parameter: Binding): PassedValue[] | undefined {
    const cached = this.memo.get(parameter);
    if (cached !== undefined) return cached ?? undefined;
    const passed = this.find(parameter);
    this.memo.set(parameter, passed ?? null);
    return passed;
  }

  /** The name a helper is called by in messages: `run()`, `this.run()`. */
  label(call: TSESTree.CallExpression): string {
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression') return `this.${this.tree.textOf(callee.property)}()`;
    return `${this.tree.textOf(callee)}()`;
  }

  private find(parameter: Binding): PassedValue[] | undefined {
    const of = parameter.parameterOf;
    // A destructured parameter reads a part of the argument; not followed.
    if (!of || parameter.path.length > 0 || of.parameter.type === 'RestElement') return undefined;
    const { fn, index } = of;
    const parent = this.tree.parent(fn);
    if (parent?.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return this.iterated(parent, fn, index);
    const calls = parent?.type === 'MethodDefinition' ? this.cachedMethodCalls(parent) : this.namedCalls(fn);
    if (!calls || calls.length === 0) return undefined;
    return calls.flatMap((call) => this.argument(call, fn, index));
  }

  /** Calls of a function declared by name (`function run`, `const run = () => …`), when that is its only use. */
  private namedCalls(fn: FunctionNode): TSESTree.CallExpression[] | undefined {
    const name = this.nameOf(fn);
    if (!name || this.isExported(name)) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of this.bindings.references(name)) {
      const call = this.tree.parent(reference);
      if (call?.type !== 'CallExpression' || call.callee !== reference) return undefined;
      calls.push(call);
    }
    return calls;
  }

  private nameOf(fn: FunctionNode): Binding | undefined {
    const parent = this.tree.parent(fn);
    const declared =
      fn.type === 'FunctionDeclaration'
        ? fn.id
        : parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier'
          ? parent.id
          : undefined;
    if (!declared) return undefined;
    const binding = this.bindings.lookup(declared.name, parent ?? fn);
    return binding?.identifier === declared ? binding : undefined;
  }

  /** `export function`, `export const`, or named in an `export { … }` list. */
  private isExported(name: Binding): boolean {
    for (const ancestor of this.tree.ancestors(name.identifier)) {
      if (ancestor.type === 'ExportNamedDeclaration' || ancestor.type === 'ExportDefaultDeclaration') return true;
      if (ancestor.type === 'Program' || ancestor.type === 'BlockStatement') break;
    }
    return this.tree.program.body.some(
      (statement) =>
        statement.type === 'ExportNamedDeclaration' &&
        !statement.source &&
        statement.specifiers.some((specifier) => specifier.local.type === 'Identifier' && specifier.local.name === name.name),
    );
  }

  private cachedMethodCalls(method: TSESTree.MethodDefinition): TSESTree.CallExpression[] | undefined {
    if (!this.methods.has(method)) this.methods.set(method, this.methodCalls(method) ?? null);
    return this.methods.get(method) ?? undefined;
  }

  /**
   * `this.run(…)` calls of a private method (`#run`, `private run`, `_run`) inside its class: others
   * may call a public method from outside.
   */
  private methodCalls(method: TSESTree.MethodDefinition): TSESTree.CallExpression[] | undefined {
    const key = method.key;
    const name = key.type === 'PrivateIdentifier' || key.type === 'Identifier' ? key.name : undefined;
    const isPrivate = key.type === 'PrivateIdentifier' || method.accessibility === 'private' || name?.startsWith('_');
    const body = this.tree.parent(method);
    if (!name || !isPrivate || method.kind !== 'method' || method.computed || !body) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const node of this.tree.nodes) {
      if (node.range[0] < body.range[0] || node.range[1] > body.range[1] || node.type !== 'MemberExpression') continue;
      if (node.computed || node.property.type !== key.type || node.property.name !== name) continue;
      const call = this.tree.parent(node);
      if (node.object.type !== 'ThisExpression' || call?.type !== 'CallExpression' || call.callee !== node) return undefined;
      calls.push(call);
    }
    return calls;
  }

  private argument(call: TSESTree.CallExpression, fn: FunctionNode, index: number): PassedValue[] {
    const args = call.arguments;
    if (args.slice(0, index + 1).some((argument) => argument.type === 'SpreadElement')) return [{ call }];
    const argument = args[index] as Node | undefined;
    if (argument) return [{ call, value: argument }];
    const parameter = fn.params[index];
    // Nothing passed and no default: the parameter is undefined there, no command at all.
    return parameter?.type === 'AssignmentPattern' ? [{ call, value: parameter.right }] : [];
  }

  /** A callback's parameter: an iteration's element, a result, or (for any other callee) unknown callers. */
  private iterated(call: TSESTree.CallExpression, fn: FunctionNode, index: number): PassedValue[] | undefined {
    // A Node-style callback's `(err, result)` or a promise's result: the outcome of some work, not caller data.
    if (isErrorFirst(fn)) return [{ call, indirect: true }];
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    if (callee.property.name === 'then') return [{ call, indirect: true }];
    if (!ITERATION.has(callee.property.name) || call.arguments[0] !== fn || index !== 0) return undefined;
    const elements = this.arrayElements(callee.object);
    return elements ? elements.map((value) => ({ call, value, indirect: true })) : [{ call, value: callee.object, elementOf: true, indirect: true }];
  }

  /** The elements of an array literal, directly or through a `const`. */
  private arrayElements(expression: Node): Node[] | undefined {
    let node = unwrapExpression(expression);
    if (node.type === 'Identifier') {
      const binding = this.bindings.resolve(node);
      const init = binding?.kind === 'const' && binding.path.length === 0 ? binding.declarator?.init : undefined;
      if (!init) return undefined;
      node = unwrapExpression(init);
    }
    if (node.type !== 'ArrayExpression' || node.elements.some((element) => !element || element.type === 'SpreadElement')) return undefined;
    return node.elements as Node[];
  }
}

/** `(err, stdout) => …`: Node's convention for the callback that receives an operation's result. */
function isErrorFirst(fn: FunctionNode): boolean {
  const [first] = fn.params;
  return first?.type === 'Identifier' && /^(?:err|error|e|_err|_error)$/.test(first.name);
}
