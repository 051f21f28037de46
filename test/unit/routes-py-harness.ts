// Shared by the Python route reader tests: read one file into a summary, describe routes and
// containers as short strings for table tests, and apply a guard fix to get the whole new text.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { parsePython } from '../../src/core/languages/python';
import { emptyFileRoutes, type FileRoutes, type GuardCandidate, type RouteDecl } from '../../src/core/routes/model';
import { readPythonImports } from '../../src/core/routes/python/module-bindings';
import type { GuardFixInput, GuardToAdd, PythonRouteReader } from '../../src/core/routes/reader';
import { LineIndex } from '../../src/core/text';

export async function readFile(reader: PythonRouteReader, text: string, path = 'app/views.py'): Promise<FileRoutes> {
  const { tree } = await parsePython(text);
  try {
    const summary = emptyFileRoutes(path);
    summary.imports = readPythonImports(tree.rootNode);
    const file = { path, text, lines: new LineIndex(text), language: 'python' as const };
    if (reader.mayApply(text, path)) reader.read(file, tree.rootNode, summary);
    return summary;
  } finally {
    tree.delete();
  }
}

function guardNames(guards: readonly GuardCandidate[]): string {
  return guards.map((guard) => guard.name).join(',');
}

/** `GET /x @app [login_required] public inline signed`. */
export function describeRoute(route: RouteDecl): string {
  const parts = [route.methods.join(','), route.path];
  if (route.container) parts.push(`@${route.container}`);
  if (route.guards.length > 0) parts.push(`[${guardNames(route.guards)}]`);
  if (route.handlerRef)
    parts.push(
      `-> ${'local' in route.handlerRef ? route.handlerRef.local : route.handlerRef.module}${route.handlerRef.member ? `.${route.handlerRef.member}` : ''}`,
    );
  if (route.public) parts.push('public');
  if (route.handler?.inlineCheck) parts.push('inline');
  if (route.handler?.verifiesSignature) parts.push('signed');
  return parts.join(' ');
}

export async function routesOf(reader: PythonRouteReader, text: string, path?: string): Promise<string[]> {
  return (await readFile(reader, text, path)).routes.map(describeRoute);
}

/** `router admin_bp /admin [check_admin(-1)]`. */
export function describeContainers(summary: FileRoutes): string[] {
  return summary.containers.map((container) => {
    const parts = [container.kind, container.name];
    if (container.prefix !== undefined) parts.push(container.prefix);
    if (container.guards.length > 0) parts.push(`[${container.guards.map((guard) => `${guard.name}(${guard.order})`).join(',')}]`);
    if (container.public) parts.push('public');
    return parts.join(' ');
  });
}

export function describeMounts(summary: FileRoutes): string[] {
  return summary.mounts.map((mount) => {
    const child = 'local' in mount.child ? mount.child.local : `module:${mount.child.module}`;
    const member = mount.child.member ? `.${mount.child.member}` : '';
    const guards = mount.guards.length > 0 ? ` [${guardNames(mount.guards)}]` : '';
    return `${mount.parent} <- ${child}${member} at '${mount.prefix}'${guards}`;
  });
}

/** Applies the reader's fix for the route (or handler) `pick` selects; undefined when none. */
export async function fixed(
  reader: PythonRouteReader,
  text: string,
  guard: GuardToAdd,
  pick: (summary: FileRoutes) => Pick<GuardFixInput, 'route' | 'handler'>,
  path = 'app/views.py',
): Promise<string | undefined> {
  const { tree } = await parsePython(text);
  try {
    const summary = emptyFileRoutes(path);
    summary.imports = readPythonImports(tree.rootNode);
    const file = { path, text, lines: new LineIndex(text), language: 'python' as const };
    reader.read(file, tree.rootNode, summary);
    assert.ok(reader.addGuard);
    const fix = reader.addGuard({ file, guard, summary, python: tree.rootNode, ...pick(summary) });
    if (!fix) return undefined;
    assert.equal(fix.safe, false);
    return applyTextEdits(text, fix.edits);
  } finally {
    tree.delete();
  }
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(indent)).join('\n');
}
