// Guard candidates as the Python readers record them: a decorator, a `Depends(x)` dependency, a
// permission class. Readers do not judge them; the vocabulary does, by `name`.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../text';
import type { GuardCandidate, GuardKind, PublicMarker } from '../model';
import { calleeOf, callsNamed, decoratorExpression, dottedName, nodeRange, positionalArguments, unwrapParens } from '../../languages/python-syntax';

/**
 * Decorators that say "no login here on purpose". Django 5.1 ships `login_not_required`; the
 * others are the spellings projects give their own marker.
 */
const PUBLIC_DECORATORS: ReadonlySet<string> = new Set(['login_not_required', 'public', 'public_route', 'public_endpoint', 'allow_anonymous', 'no_auth']);

export const DEPENDENCY_CALLS: ReadonlySet<string> = new Set(['Depends', 'Security']);

/** `@login_required`, `@roles_required('admin')` → name `roles_required`; `text` without the `@`. */
export function decoratorGuard(decorator: Node, kind: GuardKind, lines: LineIndex): GuardCandidate | undefined {
  const expression = decoratorExpression(decorator);
  return expression ? expressionGuard(expression, kind, lines) : undefined;
}

/** A guard named after a callee or identifier (`IsAuthenticated`, `jwt_required()`). */
export function expressionGuard(expression: Node, kind: GuardKind, lines: LineIndex): GuardCandidate | undefined {
  const { name } = calleeOf(expression);
  if (!name) return undefined;
  return { name, text: expression.text, range: nodeRange(expression, lines), kind };
}

export function publicDecorator(decorator: Node, lines: LineIndex): PublicMarker | undefined {
  const expression = decoratorExpression(decorator);
  const name = expression ? calleeOf(expression).name : undefined;
  if (!expression || !name || !PUBLIC_DECORATORS.has(name.slice(name.lastIndexOf('.') + 1))) return undefined;
  return { text: decorator.text, range: nodeRange(decorator, lines) };
}

/** `Depends(get_current_user)` → guard `get_current_user`; `Depends()` (class dependency) has no name. */
export function dependencyGuard(call: Node, lines: LineIndex, text = call.text, range = nodeRange(call, lines)): GuardCandidate | undefined {
  const target = positionalArguments(call)[0] ?? keywordDependency(call);
  const name = target ? dottedName(unwrapParens(target)) : undefined;
  if (!name) return undefined;
  return { name, text, range, kind: 'dependency' };
}

function keywordDependency(call: Node): Node | undefined {
  const argument = call.childForFieldName('arguments');
  for (const child of argument?.namedChildren ?? []) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === 'dependency') return child.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The guards of a `dependencies=[Depends(a), Security(b)]` list. */
export function dependencyListGuards(list: Node | undefined, lines: LineIndex): GuardCandidate[] {
  if (!list) return [];
  const guards: GuardCandidate[] = [];
  for (const call of callsNamed(list, DEPENDENCY_CALLS)) {
    const guard = dependencyGuard(call, lines);
    if (guard) guards.push(guard);
  }
  return guards;
}
