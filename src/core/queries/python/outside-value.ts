// Whether a command that reaches a shell whole (`os.system(cmd)`) comes from outside the program,
// and from where: a request value, a parameter (through the calls of the file when they are all in
// view, see callers.ts), the command line (`sys.argv`, argparse's `parse_args()`), the environment
// (`os.environ`, `os.getenv`) or the terminal (`input()`, `sys.stdin`). Stricter than taint: the
// command must be that value, a part of it (`request.args["cmd"]`, `args.cmd`) or its text reshaped
// (`.strip()`, `" ".join(…)`); a value merely looked up with it (`COMMANDS[name]`) is a command the
// program wrote. A value checked against an allowlist first is not reported.
import type { Node } from '@vscode/tree-sitter-wasm';
import { OutsideValueSearch } from '../outside-value-search';
import { operatorSource, type OutsideKind } from '../outside-values';
import { isAllowlisted } from './allowlist-guards';
import type { Callers } from './callers';
import { qualifiedName } from './imports';
import type { PythonFile } from './python-file';
import { dominates } from './resolve-string';
import { bindingsBefore, type ScopeIndex } from './scope';
import { requestValue } from './taint';
import { decoratorsOf, namedChildren, positionalArguments, unwrapParens } from '../../languages/python-syntax';

export interface OutsideValue {
  kind: OutsideKind;
  /** "request value request.args", "parameter cmd", "command-line argument sys.argv". */
  description: string;
  /** Where the value enters the program. */
  site: Node;
  /** Calls of the file's own functions the value was passed through, outermost first. */
  through: Node[];
}

/** Methods whose result is the receiver's text reshaped (or a part read out of it), not another value. */
const TEXT_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'decode', 'lower', 'upper', 'replace', 'get', 'getlist', 'pop', 'format_map']);
const ENVIRONMENT_READS = new Set(['os.getenv', 'os.environ.get', 'os.environ.pop', 'os.environb.get']);
const INPUT_READS = new Set(['input', 'raw_input', 'sys.stdin.read', 'sys.stdin.readline', 'getpass.getpass']);
const ARGUMENT_PARSERS = new Set(['parse_args', 'parse_known_args']);
const DECODERS = new Set(['json.loads', 'base64.b64decode', 'base64.urlsafe_b64decode', 'urllib.parse.unquote', 'urllib.parse.unquote_plus']);
const NOT_CALLER_DATA = new Set(['self', 'cls']);
/** click's and typer's command decorators: `@click.command()`, `@cli.command()`, `@click.argument("cmd")`, `@app.command()`. */
const CLI_DECORATOR = /^@\s*(?:click\.|typer\.|[\w.]+\.command\s*\(|[\w.]+\.(?:argument|option)\s*\()/;
const MAX_DEPTH = 24;

export class OutsideValues extends OutsideValueSearch<Node, OutsideValue, string> {
  constructor(
    private readonly file: PythonFile,
    private readonly callers: Callers,
  ) {
    super(MAX_DEPTH, unwrapParens);
  }

  protected sourceRead(node: Node): OutsideValue | undefined {
    const request = requestValue(node);
    if (request) return { kind: 'request', description: `request value ${request}`, site: node, through: [] };
    return this.operatorRead(node);
  }

  protected follow(node: Node, visiting: Set<string>, depth: number): OutsideValue[] {
    const next = (child: Node | null | undefined) => (child ? this.visit(child, visiting, depth + 1) : []);
    switch (node.type) {
      case 'identifier':
        return this.name(node, visiting, depth);
      case 'attribute':
        return next(node.childForFieldName('object'));
      case 'subscript':
        return next(node.childForFieldName('value'));
      case 'await':
        return next(namedChildren(node)[0]);
      case 'boolean_operator':
        return [...next(node.childForFieldName('left')), ...next(node.childForFieldName('right'))];
      case 'conditional_expression': {
        const [whenTrue, , whenFalse] = namedChildren(node);
        return [...next(whenTrue), ...next(whenFalse)];
      }
      case 'call':
        return this.call(node, next);
      default:
        return [];
    }
  }

  private call(node: Node, next: (child: Node | null | undefined) => OutsideValue[]): OutsideValue[] {
    const callee = node.childForFieldName('function');
    const [first] = positionalArguments(node);
    // `request.get_json()`, `await request.json()`: the request's body.
    const request = callee && requestValue(callee);
    if (request) return [{ kind: 'request', description: `request value ${request}`, site: node, through: [] }];
    // Decoding keeps the value what it was: `json.loads(request.data)["cmd"]`.
    if (DECODERS.has(qualifiedName(callee, this.file.imports) ?? '')) return next(first);
    if (callee?.type === 'attribute') {
      const method = callee.childForFieldName('attribute')?.text ?? '';
      const object = callee.childForFieldName('object');
      if (TEXT_METHODS.has(method)) return next(object);
      // `" ".join(sys.argv[1:])`: the words of an outside list.
      if (method === 'join' && object && /^(?:[rbu]?["'])/.test(object.text)) return next(first);
    }
    if (callee?.type === 'identifier' && callee.text === 'str') return next(first);
    return [];
  }

  /** `sys.argv[…]`, `parser.parse_args()`, `os.environ[…]`, `os.getenv(…)`, `input(…)`. */
  private operatorRead(node: Node): OutsideValue | undefined {
    const read = (kind: 'argv' | 'environment' | 'input', text = node.text): OutsideValue => ({
      kind,
      description: operatorSource(kind, text),
      site: node,
      through: [],
    });
    if (node.type === 'attribute' || node.type === 'identifier' || node.type === 'subscript') {
      // `sys.argv[1]`, `os.environ["DEPLOY_CMD"]`: named with the part read.
      const object = node.type === 'subscript' ? node.childForFieldName('value') : node;
      const name = object && (object.type === 'attribute' || object.type === 'identifier') ? qualifiedName(object, this.file.imports) : undefined;
      if (name === 'sys.argv') return read('argv');
      if (name === 'os.environ' || name === 'os.environb') return read('environment');
      return undefined;
    }
    if (node.type !== 'call') return undefined;
    const callee = node.childForFieldName('function');
    const name = qualifiedName(callee, this.file.imports) ?? '';
    if (ENVIRONMENT_READS.has(name)) return read('environment', `${name}(${positionalArguments(node)[0]?.text ?? ''})`);
    if (INPUT_READS.has(name)) return read('input', `${name}()`);
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    if (method && ARGUMENT_PARSERS.has(method)) return read('argv', `${method}()`);
    return undefined;
  }

  private name(use: Node, visiting: Set<string>, depth: number): OutsideValue[] {
    if (isAllowlisted(use)) return [];
    return this.scopeValues(this.file.scopeOf(use), use, use.startIndex, visiting, depth);
  }

  /** The values `use` may hold: each assignment reaching it, back to the first that runs on every path. */
  private scopeValues(scope: ScopeIndex, use: Node, offset: number, visiting: Set<string>, depth: number): OutsideValue[] {
    const bindings = bindingsBefore(scope, use.text, offset);
    if (bindings.length === 0) {
      // A closure sees its enclosing function's names; a function sees the module's.
      if (scope.scope.type !== 'function_definition') return [];
      return this.scopeValues(this.file.scopeOf(scope.scope), use, scope.scope.startIndex, visiting, depth);
    }
    const key = `${scope.scope.startIndex}:${use.text}`;
    if (visiting.has(key)) return [];
    visiting.add(key);
    try {
      const values: OutsideValue[] = [];
      for (let index = bindings.length - 1; index >= 0; index--) {
        const binding = bindings[index];
        if (binding.kind === 'parameter') {
          if (!NOT_CALLER_DATA.has(binding.name)) values.push(...this.parameter(scope, binding.name, binding.node, visiting, depth));
        } else if (binding.value && (binding.kind === 'assign' || binding.node.type === 'for_statement')) {
          // A loop variable holds the elements of what it iterates: outside elements are outside too.
          values.push(...this.visit(binding.value, visiting, depth + 1));
        }
        if (binding.kind !== 'parameter' && dominates(binding, use)) break;
      }
      return values;
    } finally {
      visiting.delete(key);
    }
  }

  /**
   * Caller data, or what the file's calls pass when they are all in view. A command-line tool's
   * parameter (click, typer) is a command-line argument: the operator's, as `sys.argv` is.
   */
  private parameter(scope: ScopeIndex, name: string, site: Node, visiting: Set<string>, depth: number): OutsideValue[] {
    if (isCommandLineTool(scope.scope)) return [{ kind: 'argv', description: operatorSource('argv', name), site, through: [] }];
    const passed = this.callers.passedTo(scope.scope, name);
    if (!passed) return [{ kind: 'parameter', description: `${scope.isRouteHandler ? 'route parameter' : 'parameter'} ${name}`, site, through: [] }];
    return passed.flatMap((entry) =>
      entry.value ? this.visit(entry.value, visiting, depth + 1).map((value) => ({ ...value, through: [entry.call, ...value.through] })) : [],
    );
  }
}

/** A click or typer command: its parameters are the tool's command-line arguments. */
export function isCommandLineTool(fn: Node): boolean {
  return decoratorsOf(fn).some((decorator) => CLI_DECORATOR.test(decorator.text));
}
