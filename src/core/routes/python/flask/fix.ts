// The Flask guard fix: a decorator right below the route decorator(s), where Flask applies it
// (above them it would protect nothing), or above the `def` of an `add_url_rule` view.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Fix } from '../../../types';
import type { GuardFixInput } from '../../reader';
import { decoratorFix, decoratorToAdd, hasDecorator } from '../decorator-fix';
import { allFunctions, decoratorsOf, findFunction } from '../../../languages/python-syntax';

const ROUTE_DECORATOR = /^@\s*[\w.]+\.(route|get|post|put|patch|delete)\s*\(/;
const FLASK_LOGIN = { text: 'login_required', imports: [{ local: 'login_required', module: 'flask_login', imported: 'login_required' }] };

export function addFlaskGuard(input: GuardFixInput): Fix | undefined {
  const { route, python: root, file } = input;
  if (!route || !root) return undefined;
  const decorator = decoratorToAdd(input.guard, FLASK_LOGIN);
  const context = { root, lines: file.lines, summary: input.summary };
  const routed = allFunctions(root).find((fn) => decoratorsOf(fn).some((node) => node.startIndex === route.order));
  if (routed) {
    if (hasDecorator(routed, decorator.name)) return undefined;
    const decorators = decoratorsOf(routed);
    const lastRoute = lastIndexWhere(decorators, (node) => ROUTE_DECORATOR.test(node.text));
    const below = file.lines.positionAt(decorators[lastRoute].endIndex).line + 1;
    return decoratorFix(context, below, file.lines.positionAt(decorators[lastRoute].startIndex).line, decorator);
  }
  const view = route.handler?.name ? findFunction(root, route.handler.name) : undefined;
  if (!view || hasDecorator(view, decorator.name)) return undefined;
  const defLine = file.lines.positionAt(view.startIndex).line;
  return decoratorFix(context, defLine, defLine, decorator);
}

function lastIndexWhere(nodes: readonly Node[], test: (node: Node) => boolean): number {
  for (let index = nodes.length - 1; index >= 0; index--) if (test(nodes[index])) return index;
  return 0;
}
