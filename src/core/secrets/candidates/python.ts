// String literals of a Python file (tree-sitter) with the name each is bound to. f-strings with
// interpolations are skipped (not constants); strings inside ERROR regions are skipped (fail closed);
// docstrings are documentation, not values.
import type { Node } from '@vscode/tree-sitter-wasm';
import { isInsideError, type PythonParse } from '../../languages/python';
import type { StringCandidate } from './model';
import { keywordFallback, orFallback, positionalFallback } from './python-env-fallbacks';
import { sameNode, stringLiteral } from './python-literal';

export function pythonCandidates(parse: PythonParse): StringCandidate[] {
  const candidates: StringCandidate[] = [];
  for (const node of parse.tree.rootNode.descendantsOfType('string')) {
    if (!node || isInsideError(node) || isDocstring(node)) continue;
    const literal = stringLiteral(node);
    if (literal) candidates.push({ ...literal, ...bindingOf(node) });
  }
  return candidates;
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
    case 'keyword_argument': {
      if (!sameNode(parent.childForFieldName('value'), child)) return {};
      const envDefault = keywordFallback(parent);
      return envDefault ? { envDefault, name: envDefault.variable } : { name: parent.childForFieldName('name')?.text };
    }
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
  const envDefault = index === 1 ? positionalFallback(call, callee, positional) : undefined;
  if (envDefault) return { envDefault, name: envDefault.variable };
  return { call: { callee, argument: index } };
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
