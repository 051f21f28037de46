// Shared by the project-wide route tests: reads a whole small project (any frameworks, manifests
// included) the way the route index does, resolves it, and prints each route's verdict compactly
// so a table can assert a monorepo at once.
import { strict as assert } from 'node:assert';
import { languageFromFileName } from '../../src/core/languages/language';
import { judgeRoute, describe as describeRoute } from '../../src/core/routes/judge';
import type { FileRoutes } from '../../src/core/routes/model';
import { summarizeRoutes } from '../../src/core/routes/read-file-routes';
import { resolveRoutes, type ResolvedRoute, type RouteModel } from '../../src/core/routes/resolve';
import { LineIndex } from '../../src/core/text';
import { dedent } from './routes-py-harness';

/** Each file's summary, read from its (dedented) text. */
export async function summarizeProject(files: Record<string, string>): Promise<Map<string, FileRoutes>> {
  const summaries = new Map<string, FileRoutes>();
  for (const [path, source] of Object.entries(files)) {
    const text = dedent(source);
    summaries.set(path, await summarizeRoutes({ path, text, lines: new LineIndex(text), language: languageFromFileName(path) }));
  }
  return summaries;
}

export async function resolveProject(files: Record<string, string>): Promise<RouteModel> {
  return resolveRoutes(await summarizeProject(files));
}

/** `apps/admin: DELETE /users/:id open (error)`, `apps/api: GET /users guarded`, `. : GET /health public`. */
export function verdictLines(model: RouteModel): string[] {
  return model.routes
    .map((route) => {
      const verdict = judgeRoute(route, model.routes);
      const state = verdict.report ? `open (${verdict.report.severity})` : verdict.auth;
      return `${route.app.name}: ${describeRoute(route)} ${state}`;
    })
    .sort();
}

export function findRoute(model: RouteModel, label: string): ResolvedRoute {
  const found = model.routes.find((route) => describeRoute(route) === label);
  assert.ok(found, `no route ${label}; have ${model.routes.map(describeRoute).join(', ')}`);
  return found;
}

/** The open-route message of a route (it must be reported). */
export function messageOf(model: RouteModel, label: string): string {
  const verdict = judgeRoute(findRoute(model, label), model.routes);
  assert.ok(verdict.report, `${label} is not reported (${verdict.auth}${verdict.publicReason ? `: ${verdict.publicReason}` : ''})`);
  return verdict.report.message;
}
