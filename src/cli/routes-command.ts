// `lastline routes`: the project's route inventory — method, full path (mount prefixes joined),
// where it is declared and handled, the app of a monorepo it belongs to, and its effective auth —
// as text or JSON. With several apps, the text lists each app's routes under its folder.
import { join } from 'node:path';
import { routeInventory, type InventoryEntry } from '../core/routes/inventory';
import { buildRouteIndex } from '../scan/route-index';
import { displayPath, oneBased } from './positions';
import { inert } from '../core/inert';
import { existingRoots, openProject } from './project';
import type { Terminal } from './terminal';

export interface RoutesArgs {
  paths: string[];
  format: 'text' | 'json';
  verbose: boolean;
}

export async function runRoutes(args: RoutesArgs, terminal: Terminal): Promise<number> {
  const cwd = terminal.cwd;
  const roots = existingRoots(args.paths, cwd);
  const { projectRoot, loaded, log } = openProject(roots, terminal, args.verbose);

  // The whole project is indexed (a router's prefix and guards may come from another folder); only
  // routes declared under the given paths are listed.
  const index = await buildRouteIndex(projectRoot, loaded.config, { log, helpersOnlyWithRoutes: true });
  const absolute = (file: string) => join(projectRoot, file);
  const wanted = (entry: InventoryEntry) =>
    roots.some((root) => absolute(entry.file) === root || absolute(entry.file).startsWith(root.endsWith('/') ? root : `${root}/`) || root === projectRoot);
  const entries = routeInventory(index.resolved()).filter(wanted);
  const at = (file: string, line: number) => `${displayPath(absolute(file), cwd)}:${line + 1}`;

  if (args.format === 'json') {
    terminal.out(
      JSON.stringify(
        {
          version: 1,
          routes: entries.map((entry) => ({
            framework: entry.framework,
            app: entry.app,
            methods: entry.methods,
            path: entry.path,
            file: displayPath(absolute(entry.file), cwd),
            ...oneBased(entry.range),
            handler: entry.handler
              ? {
                  file: displayPath(absolute(entry.handler.file), cwd),
                  ...oneBased(entry.handler.range),
                  ...(entry.handler.name ? { name: entry.handler.name } : {}),
                }
              : null,
            auth: entry.auth,
            guards: entry.guards.map((guard) => ({
              name: guard.name,
              scope: guard.scope,
              file: displayPath(absolute(guard.file), cwd),
              line: guard.range.start.line + 1,
            })),
            ...(entry.publicReason ? { publicReason: entry.publicReason } : {}),
            ...(entry.undecided ? { undecided: entry.undecided } : {}),
            ...(entry.finding ? { finding: entry.finding } : {}),
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (entries.length === 0) {
    terminal.out('No routes found (Express, Fastify, Koa, NestJS, Next.js, Flask, FastAPI, Django).');
    return 0;
  }
  const width = Math.min(60, Math.max(...entries.map((entry) => entry.label.length)));
  const apps = new Set(entries.map((entry) => entry.app));
  let app: string | undefined;
  for (const entry of entries) {
    if (apps.size > 1 && entry.app !== app) {
      if (app !== undefined) terminal.out('');
      app = entry.app;
      terminal.out(inert(`app ${app}:`));
    }
    const auth =
      entry.auth === 'guarded'
        ? `guarded by ${[...new Set(entry.guards.map((guard) => (guard.scope === 'inline' ? 'a check in the handler' : `${guard.name} (${guard.scope})`)))].join(', ')}`
        : entry.auth === 'public'
          ? `public: ${entry.publicReason}`
          : entry.finding
            ? `OPEN (${entry.finding.severity})`
            : 'open';
    const undecided = entry.undecided ? ` (undecided: ${entry.undecided})` : '';
    terminal.out(inert(`${apps.size > 1 ? '  ' : ''}${entry.label.padEnd(width)}  ${at(entry.file, entry.range.start.line).padEnd(32)}  ${auth}${undecided}`));
  }
  const open = entries.filter((entry) => entry.finding).length;
  const inApps = apps.size > 1 ? ` in ${apps.size} apps` : '';
  terminal.out(
    `\n${entries.length} route${entries.length === 1 ? '' : 's'}${inApps}; ${open} open that should not be (lastline scan --category open-route explains each).`,
  );
  return 0;
}
