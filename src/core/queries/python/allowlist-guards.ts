// A value checked against an allowlist before it runs is one of the program's own commands:
// `if cmd not in ALLOWED: abort(400)` earlier in a block enclosing the use, or the use inside
// `if cmd in ALLOWED:` (also `== "status"` / `!= "status"` against a constant). Only membership and
// equality count for a whole command: a pattern check such as `^\w+$` still lets any program run.
import type { Node } from '@vscode/tree-sitter-wasm';
import { contains, namedChildren, sameNode, unwrapParens } from '../../languages/python-syntax';
import { isStringLiteral } from '../../languages/python-string-literals';

/** Calls after which a request or script stops: an `if` ending in one is an early exit. */
const EXIT_CALLS = /^(?:abort|exit|quit|sys\.exit|os\._exit|flask\.abort)$/;

/** Whether the identifier `use` reads a value checked against an allowlist on every path to it. */
export function isAllowlisted(use: Node): boolean {
  const name = use.text;
  let child: Node = use;
  for (let ancestor = use.parent; ancestor; child = ancestor, ancestor = ancestor.parent) {
    if (ancestor.type === 'function_definition' || ancestor.type === 'lambda') break;
    if (ancestor.type === 'if_statement' && sameNode(ancestor.childForFieldName('consequence'), child)) {
      const condition = ancestor.childForFieldName('condition');
      if (condition && checks(condition, name, true)) return true;
    }
    if (ancestor.type !== 'block' && ancestor.type !== 'module') continue;
    for (const statement of namedChildren(ancestor)) {
      if (statement.startIndex >= child.startIndex) break;
      if (statement.type !== 'if_statement' || contains(statement, use)) continue;
      const condition = statement.childForFieldName('condition');
      const consequence = statement.childForFieldName('consequence');
      if (condition && consequence && exits(consequence) && checks(condition, name, false)) return true;
    }
  }
  return false;
}

/** `name in X` / `name == "c"` (passing: true), or their negations (passing: false, an exit's condition). */
function checks(expression: Node, name: string, passing: boolean): boolean {
  const node = unwrapParens(expression);
  if (node.type === 'not_operator') {
    const argument = node.childForFieldName('argument');
    return !!argument && checks(argument, name, !passing);
  }
  if (node.type === 'boolean_operator') {
    // `a in X and b` passes only when both hold; `a not in X or b` exits when either does.
    const operator = node.childForFieldName('operator')?.text;
    if ((operator === 'and') !== passing) return false;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    return (!!left && checks(left, name, passing)) || (!!right && checks(right, name, passing));
  }
  if (node.type !== 'comparison_operator') return false;
  const operands = namedChildren(node);
  const operators = node.children.filter((child) => child && !child.isNamed).map((child) => child!.text.replace(/\s+/g, ' '));
  if (operands.length !== 2 || operators.length !== 1 || unwrapParens(operands[0]).text !== name) return false;
  const [operator] = operators;
  if (operator === (passing ? 'in' : 'not in')) return true;
  return operator === (passing ? '==' : '!=') && isStringLiteral(unwrapParens(operands[1]));
}

/** A block whose last statement leaves: return, raise, continue, break, or abort()/sys.exit(). */
function exits(block: Node): boolean {
  const last = namedChildren(block).at(-1);
  if (!last) return false;
  if (['return_statement', 'raise_statement', 'continue_statement', 'break_statement'].includes(last.type)) return true;
  const call = last.type === 'expression_statement' ? namedChildren(last)[0] : undefined;
  return call?.type === 'call' && EXIT_CALLS.test(call.childForFieldName('function')?.text ?? '');
}
