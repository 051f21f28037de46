// The route inventory: every route of the project with its full path, handler and effective auth,
// as `lastline routes` prints it and the editor's Routes view shows it.
import type { Range, Severity } from '../types';
import { describe, judgeRoute, type RouteAuth } from './judge';
import type { Framework } from './model';
import type { RouteModel } from './resolve';

export interface InventoryEntry {
  framework: Framework;
  methods: string[];
  path: string;
  /** `GET /admin/users`, `server action deleteUser`. */
  label: string;
  /** The app of a monorepo it belongs to, by folder (`apps/api`; `.` for the project root). */
  app: string;
  file: string;
  range: Range;
  handler?: { file: string; range: Range; name?: string };
  auth: RouteAuth;
  /** The guards that apply, with where each comes from. */
  guards: { name: string; scope: string; file: string; range: Range }[];
  publicReason?: string;
  /** Why the verdict may be wrong: an exemption Lastline could not decide. */
  undecided?: string;
  /** Set when the open-route rule reports it. */
  finding?: { severity: Severity; message: string };
}

export function routeInventory(model: RouteModel): InventoryEntry[] {
  const entries = model.routes.map((route): InventoryEntry => {
    const verdict = judgeRoute(route, model.routes);
    return {
      framework: route.framework,
      methods: route.methods,
      path: route.path,
      label: describe(route),
      app: route.app.name,
      file: route.declared.file,
      range: route.declared.range,
      ...(route.handler ? { handler: route.handler } : {}),
      auth: verdict.auth,
      guards: route.guards.map((guard) => ({ name: guard.name, scope: guard.scope, file: guard.file, range: guard.range })),
      ...(verdict.publicReason ? { publicReason: verdict.publicReason } : {}),
      ...(route.decl.exemptionUndecided ? { undecided: route.decl.exemptionUndecided.reason } : {}),
      ...(verdict.report ? { finding: { severity: verdict.report.severity, message: verdict.report.message } } : {}),
    };
  });
  return entries.sort(
    (a, b) => a.app.localeCompare(b.app) || a.path.localeCompare(b.path) || a.methods.join().localeCompare(b.methods.join()) || a.file.localeCompare(b.file),
  );
}
