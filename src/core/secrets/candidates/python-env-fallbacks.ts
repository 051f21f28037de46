// A Python literal that is only the fallback of an environment lookup: `os.getenv("KEY", "…")`,
// `os.environ.get("KEY", default="…")`, `os.environ.get("KEY") or "…"`, and the same with the
// settings libraries' getters (python-decouple's `config`, django-environ's `env`/`env.str`). The
// literal is named by the variable read, and the fix removes it: the os getters become
// `os.environ["KEY"]`, a library getter its own lookup without a default (which fails when unset).
import type { Node } from '@vscode/tree-sitter-wasm';
import type { EnvLookupDefault } from './model';
import { sameNode, stringLiteral } from './python-literal';

const OS_GETTERS = new Set(['os.getenv', 'os.environ.get', 'environ.get', 'getenv']);

/** Callees whose second positional argument, or `default=`, is an environment variable's fallback (the lexical pre-check reads these too). */
export const PYTHON_ENV_GETTERS: ReadonlySet<string> = new Set([...OS_GETTERS, 'env', 'env.str', 'config']);

/** `os.getenv("KEY", "…")`: the literal is the call's second positional argument. */
export function positionalFallback(call: Node, callee: string, positional: readonly (Node | null)[]): EnvLookupDefault | undefined {
  return lookupOf(callee, positional[0] ?? undefined, call);
}

/** `config("KEY", default="…")`: the literal is the value of the `default` keyword. */
export function keywordFallback(keyword: Node): EnvLookupDefault | undefined {
  if (keyword.childForFieldName('name')?.text !== 'default') return undefined;
  const call = keyword.parent?.parent;
  const callee = call?.type === 'call' ? call.childForFieldName('function')?.text : undefined;
  const first = keyword.parent?.namedChildren.find((child) => child?.type !== 'comment' && child?.type !== 'keyword_argument');
  return call && callee ? lookupOf(callee, first ?? undefined, call) : undefined;
}

/** `os.environ.get("KEY") or "…"`: the literal is the right side of an `or` after the lookup. */
export function orFallback(literal: Node, operator: Node): EnvLookupDefault | undefined {
  if (!sameNode(operator.childForFieldName('right'), literal) || operator.childForFieldName('operator')?.type !== 'or') return undefined;
  const call = operator.childForFieldName('left');
  const callee = call?.type === 'call' ? call.childForFieldName('function')?.text : undefined;
  const first = call?.childForFieldName('arguments')?.namedChildren.find((child) => child?.type !== 'comment');
  return call && callee ? lookupOf(callee, first ?? undefined, operator) : undefined;
}

/** The lookup of `variableNode` by `callee`, replacing the whole of `expression` when fixed. */
function lookupOf(callee: string, variableNode: Node | undefined, expression: Node): EnvLookupDefault | undefined {
  if (!PYTHON_ENV_GETTERS.has(callee) || variableNode?.type !== 'string') return undefined;
  const variable = stringLiteral(variableNode)?.value;
  if (!variable) return undefined;
  const withoutDefault = OS_GETTERS.has(callee) ? `os.environ[${variableNode.text}]` : `${callee}(${variableNode.text})`;
  return { variable, start: expression.startIndex, end: expression.endIndex, withoutDefault };
}
