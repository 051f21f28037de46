// String literals of a Python file (tree-sitter) with the name each is bound to. f-strings with
// interpolations are skipped (not constants); strings inside ERROR regions are skipped (fail closed);
// docstrings are documentation, not values.
import type { Node } from '@vscode/tree-sitter-wasm';
import { isInsideError, type PythonParse } from '../../languages/python';
import { decodePythonString, literalStyle } from '../../languages/python-strings';
import type { EnvLookupDefault, StringCandidate } from './model';

export function pythonCandidates(parse: PythonParse): StringCandidate[] {
  const candidates: StringCandidate[] = [];
  for (const node of parse.tree.rootNode.descendantsOfType('string')) {
    if (!node || isInsideError(node) || isDocstring(node)) continue;
    const literal = stringLiteral(node);
    if (literal) candidates.push({ ...literal, ...bindingOf(node) });
  }
  return candidates;
}

type Literal = Pick<StringCandidate, 'value' | 'valueStart' | 'valueEnd' | 'literalStart' | 'literalEnd' | 'verbatim'>;

function stringLiteral(node: Node): Literal | undefined {
  const start = node.firstChild;
  const end = node.lastChild;
  const style = literalStyle(node);
  if (!style || !start || !end || end.type !== 'string_end') return undefined;
  if (node.children.some((child) => child?.type === 'interpolation')) return undefined;
  const raw = node.text.slice(start.text.length, node.text.length - end.text.length);
  const value = decodePythonString(raw, style);
  return { value, valueStart: start.endIndex, valueEnd: end.startIndex, literalStart: node.startIndex, literalEnd: node.endIndex, verbatim: value === raw };
}

type Binding = Pick<StringCandidate, 'name' | 'call' | 'envDefault'>;

function bindingOf(node: Node): Binding {
  // ("a" "b") concatenations and parentheses do not change what the value is bound to.
  let child: Node = node;
  let parent = node.parent;
  while (parent && (parent.type === 'concatenated_string' || parent.type === 'parenthesized_expression')) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return {};
  switch (parent.type) {
    case 'assignment':
      return sameNode(parent.childForFieldName('right'), child) ? { name: targetName(parent.childForFieldName('left')) } : {};
    case 'keyword_argument':
    case 'default_parameter':
    case 'typed_default_parameter':
      return sameNode(parent.childForFieldName('value'), child) ? { name: parent.childForFieldName('name')?.text } : {};
    case 'pair': {
      const key = parent.childForFieldName('key');
      return sameNode(parent.childForFieldName('value'), child) && key?.type === 'string' ? { name: stringLiteral(key)?.value } : {};
    }
    case 'argument_list':
      return callBinding(child, parent);
    case 'boolean_operator': {
      const envDefault = orFallback(child, parent);
      return envDefault ? { envDefault, name: envDefault.variable } : {};
    }
    default:
      return {};
  }
}

function callBinding(argument: Node, list: Node): Binding {
  const call = list.parent;
  const callee = call?.childForFieldName('function')?.text;
  if (!call || !callee) return {};
  const positional = list.namedChildren.filter((child) => child && child.type !== 'keyword_argument' && child.type !== 'comment');
  const index = positional.findIndex((child) => sameNode(child, argument));
  if (index < 0) return {};
  const envDefault = index === 1 ? envFallback(call, callee, positional) : undefined;
  if (envDefault) return { envDefault, name: envDefault.variable };
  return { call: { callee, argument: index } };
}

/** Callees whose second positional argument is an environment variable's fallback (the lexical pre-check reads these too). */
export const PYTHON_ENV_GETTERS: ReadonlySet<string> = new Set(['os.getenv', 'os.environ.get', 'environ.get', 'getenv', 'env']);

/** `os.getenv("KEY", "…")` / `os.environ.get("KEY", "…")`: the literal is only the fallback. */
function envFallback(call: Node, callee: string, positional: (Node | null)[]): EnvLookupDefault | undefined {
  const variableNode = positional[0];
  if (!PYTHON_ENV_GETTERS.has(callee) || !variableNode || variableNode.type !== 'string') return undefined;
  const variable = stringLiteral(variableNode)?.value;
  if (!variable) return undefined;
  return { variable, start: call.startIndex, end: call.endIndex, withoutDefault: `os.environ[${variableNode.text}]` };
}

/** `os.environ.get("KEY") or "…"`: the literal is only the fallback of an empty or missing variable. */
function orFallback(literal: Node, operator: Node): EnvLookupDefault | undefined {
  if (!sameNode(operator.childForFieldName('right'), literal) || operator.childForFieldName('operator')?.type !== 'or') return undefined;
  const call = operator.childForFieldName('left');
  const callee = call?.type === 'call' ? call.childForFieldName('function')?.text : undefined;
  const variableNode = call?.childForFieldName('arguments')?.namedChildren.find((child) => child?.type !== 'comment');
  if (!call || !callee || !PYTHON_ENV_GETTERS.has(callee) || variableNode?.type !== 'string') return undefined;
  const variable = stringLiteral(variableNode)?.value;
  if (!variable) return undefined;
  return { variable, start: operator.startIndex, end: operator.endIndex, withoutDefault: `os.environ[${variableNode.text}]` };
}

function targetName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.text.replace(/^self\./, '');
  if (node.type === 'subscript') {
    // app.config["SECRET_KEY"] = "…": the key names the value.
    const index = node.childForFieldName('subscript');
    return index?.type === 'string' ? stringLiteral(index)?.value : undefined;
  }
  return undefined;
}

function isDocstring(node: Node): boolean {
  const statement = node.parent;
  if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
  const body = statement.parent;
  return body?.type === 'module' || body?.type === 'block';
}

function sameNode(a: Node | null | undefined, b: Node): boolean {
  return !!a && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}
