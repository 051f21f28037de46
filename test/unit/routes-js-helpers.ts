// Shared by the Express/Koa/Fastify reader tests: read a file into a summary and print its parts
// compactly, so tables can assert the whole summary at once; apply a reader's guard fix.
import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../src/core/edits';
import { parseJavaScript } from '../../src/core/languages/javascript';
import { addAuthDefinitions, emptyFileRoutes, type FileRoutes, type GuardCandidate, type RouteDecl } from '../../src/core/routes/model';
import { readJsAuthDefinitions } from '../../src/core/routes/javascript/auth-evidence';
import { readJsModuleBindings } from '../../src/core/routes/javascript/module-bindings';
import type { GuardToAdd, JsRouteReader, RouteSourceFile } from '../../src/core/routes/reader';
import { LineIndex } from '../../src/core/text';

export function readRoutes(reader: JsRouteReader, text: string, path = 'src/routes.ts'): FileRoutes {
  const parsed = parseJavaScript(text, 'typescript', path);
  assert.ok(parsed.ast, parsed.problem?.message);
  const file: RouteSourceFile = { path, text, lines: new LineIndex(text), language: 'typescript' };
  const into = emptyFileRoutes(path);
  Object.assign(into, readJsModuleBindings(parsed.ast));
  // A file the pre-filter turns away is never read (positive cases then fail on their empty summary).
  if (reader.mayApply(text, path)) {
    reader.read(file, parsed.ast, into);
    // As read-file-routes does after the readers: the file's own auth helpers, once.
    addAuthDefinitions(into, readJsAuthDefinitions(parsed.ast, file.lines));
  }
  return into;
}

const names = (guards: readonly GuardCandidate[]) => guards.map((guard) => guard.name).join(',');

/** `GET /users @router [requireAuth] handler=list(401) ref=ctrl.list public` */
export function routeLines(summary: FileRoutes): string[] {
  return summary.routes.map((route: RouteDecl) => {
    const parts = [`${route.methods.join('|')} ${route.path}`, `@${route.container}`];
    if (route.guards.length) parts.push(`[${names(route.guards)}]`);
    if (route.handler)
      parts.push(
        `handler=${route.handler.name ?? 'inline'}${route.handler.inlineCheck ? '(check)' : ''}${route.handler.verifiesSignature ? '(signature)' : ''}`,
      );
    if (route.handlerRef)
      parts.push(
        `ref=${'local' in route.handlerRef ? route.handlerRef.local : route.handlerRef.module}${route.handlerRef.member ? `.${route.handlerRef.member}` : ''}`,
      );
    if (route.public) parts.push(`public=${route.public.text}`);
    return parts.join(' ');
  });
}

/** `router(router) prefix=/api [requireAuth@12 cors@30 /admin:isAdmin@40]` — order -1 prints as `*`. */
export function containerLines(summary: FileRoutes): string[] {
  return summary.containers.map((container) => {
    const guards = container.guards.map((guard) => `${guard.pathPrefix ? `${guard.pathPrefix}:` : ''}${guard.name}@${guard.order < 0 ? '*' : guard.order}`);
    return `${container.kind}(${container.name})${container.prefix !== undefined ? ` prefix=${container.prefix}` : ''}${guards.length ? ` [${guards.join(' ')}]` : ''}`;
  });
}

/** `app -> adminRouter at /admin [requireAuth]`. */
export function mountLines(summary: FileRoutes): string[] {
  return summary.mounts.map((mount) => {
    const child = 'local' in mount.child ? mount.child.local : `module:${mount.child.module}`;
    return `${mount.parent} -> ${child}${mount.child.member ? `.${mount.child.member}` : ''} at '${mount.prefix}'${mount.guards.length ? ` [${names(mount.guards)}]` : ''}`;
  });
}

/** The offset the text `marker` starts at, for asserting `order`s. */
export function offsetOf(text: string, marker: string): number {
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, marker);
  return offset;
}

export function fixed(reader: JsRouteReader, text: string, routeIndex: number, guard: GuardToAdd, path = 'src/routes.ts'): string | undefined {
  const parsed = parseJavaScript(text, 'typescript', path);
  assert.ok(parsed.ast);
  const summary = readRoutes(reader, text, path);
  const file: RouteSourceFile = { path, text, lines: new LineIndex(text), language: 'typescript' };
  const fix = reader.addGuard!({ file, route: summary.routes[routeIndex], guard, summary, javascript: parsed.ast });
  if (!fix) return undefined;
  assert.equal(fix.safe, false);
  return applyTextEdits(text, fix.edits);
}
