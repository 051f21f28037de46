// FastAPI handler parameters that pull in a dependency: `user: User = Depends(get_current_user)`,
// `Security(get_current_user, scopes=[...])`, `Annotated[User, Depends(get_current_user)]`, and
// module aliases of those (`CurrentUser = Annotated[...]`, used as `user: CurrentUser`).
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LineIndex } from '../../../text';
import type { GuardCandidate } from '../../model';
import { callsNamed, namedChildren, nodeRange, simpleAssignment } from '../../../languages/python-syntax';
import { DEPENDENCY_CALLS, dependencyGuard } from '../guards';

/** Module-level `Alias = Annotated[T, Depends(f)]` / `Alias = Depends(f)`: alias → its dependency calls. */
export function dependencyAliases(root: Node): Map<string, Node[]> {
  const aliases = new Map<string, Node[]>();
  for (const statement of namedChildren(root)) {
    const assignment = simpleAssignment(statement);
    if (!assignment) continue;
    const calls = callsNamed(assignment.value, DEPENDENCY_CALLS);
    if (calls.length > 0 && (assignment.value.type === 'subscript' || assignment.value.type === 'call')) aliases.set(assignment.target, calls);
  }
  return aliases;
}

/**
 * One guard per dependency a parameter declares. `text` is the whole parameter as written, so a
 * fix can copy it to a sibling handler. An annotation imported from elsewhere may be an alias of
 * an auth dependency (`user: CurrentUser`): it is recorded under its own name for the vocabulary.
 */
export function parameterGuards(fn: Node, lines: LineIndex, aliases: ReadonlyMap<string, Node[]>, imported: ReadonlySet<string>): GuardCandidate[] {
  const guards: GuardCandidate[] = [];
  for (const parameter of namedChildren(fn.childForFieldName('parameters') ?? fn)) {
    const range = nodeRange(parameter, lines);
    const type =
      parameter.childForFieldName('type') ??
      (parameter.type === 'typed_parameter' ? namedChildren(parameter).find((child) => child.type === 'type') : undefined);
    const value = parameter.childForFieldName('value');
    const calls = [...(type ? callsNamed(type, DEPENDENCY_CALLS) : []), ...(value ? callsNamed(value, DEPENDENCY_CALLS) : [])];
    const annotation = type ? namedChildren(type)[0] : undefined;
    if (annotation?.type === 'identifier' && aliases.has(annotation.text)) calls.push(...(aliases.get(annotation.text) ?? []));
    for (const call of calls) {
      const guard = dependencyGuard(call, lines, parameter.text, range);
      if (guard) guards.push(guard);
    }
    if (calls.length === 0 && annotation?.type === 'identifier' && imported.has(annotation.text)) {
      guards.push({ name: annotation.text, text: parameter.text, range, kind: 'dependency' });
    }
  }
  return guards;
}
