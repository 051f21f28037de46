// Who calls a function of this file, when the file shows every call: then a parameter holds what
// those calls pass, and a command handed to a helper (`def run(cmd): subprocess.run(cmd, shell=True)`)
// is judged where the helper is called. A function that is decorated (a route, a registered
// callback), passed along as a value, listed in `__all__`, a public method, or never called here has
// callers the file does not show: its parameters stay caller data.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { PythonFile } from './python-file';
import { parameterNames } from './scope';
import { callArguments, decoratorExpression, decoratorsOf, definitionParent, keywordValue, sameNode } from '../../languages/python-syntax';

export interface PassedValue {
  /** The call that passes the value. */
  call: Node;
  /** What it passes; undefined when that cannot be told (`*args`, `**options`). */
  value?: Node;
}

/** Decorators that change how a method is called, not who calls it. */
const CALL_SHAPE_DECORATORS = new Set(['staticmethod', 'classmethod']);
const SELF_NAMES = new Set(['self', 'cls']);

export class Callers {
  private readonly memo = new Map<string, PassedValue[] | null>();
  private identifiers: Map<string, Node[]> | undefined;

  constructor(private readonly file: PythonFile) {}

  /** What the file's calls pass for parameter `name` of `fn`; undefined when its callers are not all in view. */
  passedTo(fn: Node, name: string): PassedValue[] | undefined {
    const key = `${fn.startIndex}:${name}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const passed = this.find(fn, name);
    this.memo.set(key, passed ?? null);
    return passed;
  }

  /** The name a helper is called by in messages: `run_command()`, `self._run()`. */
  label(call: Node): string {
    return `${call.childForFieldName('function')?.text ?? '…'}()`;
  }

  private find(fn: Node, name: string): PassedValue[] | undefined {
    const parameters = parameterNames(fn);
    const index = parameters.findIndex((parameter) => parameter.name === name);
    const parameter = parameters[index];
    if (!parameter || parameter.node.type === 'list_splat_pattern' || parameter.node.type === 'dictionary_splat_pattern') return undefined;
    const decorators = decoratorsOf(fn).map((decorator) => decoratorExpression(decorator)?.text ?? '');
    if (decorators.some((decorator) => !CALL_SHAPE_DECORATORS.has(decorator))) return undefined;
    const fnName = fn.childForFieldName('name')?.text;
    if (!fnName || this.listedInAll(fnName)) return undefined;
    const container = definitionParent(fn);
    const cls = container?.type === 'block' && container.parent?.type === 'class_definition' ? container.parent : undefined;
    const calls = cls ? this.methodCalls(cls, fnName) : this.functionCalls(fn, fnName, container);
    if (!calls || calls.length === 0) return undefined;
    // A method called through `self.` gets `self`/`cls` bound: the call's arguments start after it.
    const bound = cls && !decorators.includes('staticmethod') && SELF_NAMES.has(parameters[0]?.name ?? '') ? 1 : 0;
    if (index < bound) return undefined;
    return calls.flatMap((call) => argument(call, parameter.node, name, index - bound));
  }

  /** Calls by name within the scope that defines the function, when every mention of the name is one. */
  private functionCalls(fn: Node, name: string, container: Node | null): Node[] | undefined {
    const scope = container?.type === 'module' ? this.file.root : (enclosingFunction(fn) ?? this.file.root);
    const calls: Node[] = [];
    for (const identifier of this.named(name)) {
      if (identifier.startIndex < scope.startIndex || identifier.endIndex > scope.endIndex) continue;
      const parent = identifier.parent;
      if (parent?.type === 'function_definition' && sameNode(parent.childForFieldName('name'), identifier)) continue;
      // `x.run(…)` or `run=` as a keyword name is another name that happens to be spelled the same.
      if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), identifier)) continue;
      if (parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), identifier)) continue;
      if (parent?.type !== 'call' || !sameNode(parent.childForFieldName('function'), identifier)) return undefined;
      calls.push(parent);
    }
    return calls;
  }

  /** `self._run(…)` calls of a private method inside its class; a public one may be called from anywhere. */
  private methodCalls(cls: Node, name: string): Node[] | undefined {
    if (!name.startsWith('_') || (name.startsWith('__') && name.endsWith('__'))) return undefined;
    const calls: Node[] = [];
    for (const identifier of this.named(name)) {
      if (identifier.startIndex < cls.startIndex || identifier.endIndex > cls.endIndex) continue;
      const attribute = identifier.parent;
      if (attribute?.type !== 'attribute' || !sameNode(attribute.childForFieldName('attribute'), identifier)) continue;
      const call = attribute.parent;
      if (
        !SELF_NAMES.has(attribute.childForFieldName('object')?.text ?? '') ||
        call?.type !== 'call' ||
        !sameNode(call.childForFieldName('function'), attribute)
      )
        return undefined;
      calls.push(call);
    }
    return calls;
  }

  /** `__all__ = ["run", …]`: the module offers the function to others. */
  private listedInAll(name: string): boolean {
    return new RegExp(String.raw`^__all__\s*[+:]?=[^\n]*["']${name}["']`, 'm').test(this.file.text);
  }

  private named(name: string): Node[] {
    if (!this.identifiers) {
      this.identifiers = new Map();
      for (const identifier of this.file.root.descendantsOfType('identifier')) {
        if (!identifier) continue;
        const list = this.identifiers.get(identifier.text) ?? [];
        list.push(identifier);
        this.identifiers.set(identifier.text, list);
      }
    }
    return this.identifiers.get(name) ?? [];
  }
}

/** What one call passes for a parameter: by keyword, by position, or the default when it passes nothing. */
function argument(call: Node, parameter: Node, name: string, position: number): PassedValue[] {
  const keyword = keywordValue(call, name);
  if (keyword) return [{ call, value: keyword }];
  const args = callArguments(call);
  for (const [index, item] of args.entries()) {
    if (item.type === 'list_splat' || item.type === 'dictionary_splat') return [{ call }];
    if (item.type === 'keyword_argument') break;
    if (index === position) return [{ call, value: item }];
  }
  const fallback = parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter' ? parameter.childForFieldName('value') : null;
  // Nothing passed and no default: Python raises before the body runs.
  return fallback ? [{ call, value: fallback }] : [];
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'function_definition') return current;
  return undefined;
}
