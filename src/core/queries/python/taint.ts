// Where a hole's value comes from, when that is untrusted within the function: a request value
// (Flask/Django/Starlette request attributes) or a parameter of the enclosing function (route
// handlers and plain functions alike: the caller decides what a parameter holds). Local
// assignments are followed (`code = request.args.get("code")` taints `code`), as are closures.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { PythonFile } from './python-file';
import { bindingsBefore, type ScopeIndex } from './scope';
import { isIdentifierReference, sameNode } from '../../languages/python-syntax';

export interface Taint {
  /** Short, for messages and `Hole.taint`: "request value request.args", "parameter couponCode". */
  description: string;
  /** Where the untrusted value enters: the request attribute or the parameter. */
  site: Node;
}

// Flask: args form values json get_json cookies headers data files view_args; Django: GET POST
// body COOKIES META FILES headers; Starlette/FastAPI/DRF/aiohttp: query_params path_params json()
// form() body() data query match_info; Pyramid: params.
const REQUEST_ATTRIBUTES = new Set([
  'args',
  'form',
  'values',
  'json',
  'get_json',
  'cookies',
  'headers',
  'data',
  'files',
  'view_args',
  'stream',
  'get_data',
  'GET',
  'POST',
  'body',
  'COOKIES',
  'META',
  'FILES',
  'query_params',
  'path_params',
  'path',
  'query_string',
  'match_info',
  'query',
  'content',
  'params',
]);
const REQUEST_OBJECTS = /^(?:request|req|self\.request|flask\.request)$/;
const NOT_TAINTING_PARAMETERS = new Set(['self', 'cls']);
const MAX_DEPTH = 24;

export class TaintTracker {
  private readonly memo = new Map<string, Taint | null>();

  constructor(private readonly file: PythonFile) {}

  taintOf(expression: Node, depth = 0): Taint | undefined {
    if (depth > MAX_DEPTH) return undefined;
    let found: Taint | undefined;
    const visit = (node: Node): void => {
      if (found) return;
      const request = requestValue(node);
      if (request) {
        found = { description: `request value ${request}`, site: node };
        return;
      }
      if (isIdentifierReference(node)) {
        found = this.nameTaint(node, depth);
        return;
      }
      if (node.type === 'lambda' || node.type === 'function_definition') return;
      for (const child of node.namedChildren) if (child) visit(child);
    };
    visit(expression);
    return found;
  }

  private nameTaint(use: Node, depth: number): Taint | undefined {
    const key = `${use.startIndex}:${use.text}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? undefined;
    this.memo.set(key, null); // breaks cycles (`x = x + …` inside loops)
    const taint = this.scopeTaint(this.file.scopeOf(use), use.text, use.startIndex, depth);
    this.memo.set(key, taint ?? null);
    return taint;
  }

  private scopeTaint(scope: ScopeIndex, name: string, offset: number, depth: number): Taint | undefined {
    const bindings = bindingsBefore(scope, name, offset);
    if (bindings.length === 0) {
      // A closure sees its enclosing function's names (the module's are not request values).
      if (scope.scope.type !== 'function_definition') return undefined;
      const outer = this.file.scopeOf(scope.scope);
      return outer.scope.type === 'function_definition' ? this.scopeTaint(outer, name, scope.scope.startIndex, depth) : undefined;
    }
    // Any binding that may reach the use counts: a value is untrusted if one of its sources is.
    for (let index = bindings.length - 1; index >= 0; index--) {
      const binding = bindings[index];
      if (binding.kind === 'parameter') {
        if (NOT_TAINTING_PARAMETERS.has(binding.name)) continue;
        return { description: `${scope.isRouteHandler ? 'route parameter' : 'parameter'} ${binding.name}`, site: binding.node };
      }
      if (binding.value) {
        const taint = this.taintOf(binding.value, depth + 1);
        if (taint) return taint;
      }
    }
    return undefined;
  }
}

/** `request.args`, `request.GET`, `request.get_json()`… → the label for messages. */
export function requestValue(node: Node): string | undefined {
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute')?.text;
  if (!object || !attribute || !REQUEST_ATTRIBUTES.has(attribute) || !REQUEST_OBJECTS.test(object.text)) return undefined;
  const called = node.parent?.type === 'call' && sameNode(node.parent.childForFieldName('function'), node);
  return `request.${attribute}${called ? '()' : ''}`;
}
