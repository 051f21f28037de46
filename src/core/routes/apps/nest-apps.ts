// NestJS applications from their module graphs: each `NestFactory.create(RootModule)` is one
// application, made of RootModule and every module it imports, transitively, with their
// controllers. An `APP_GUARD` provided by any module of the graph (or `useGlobalGuards` beside the
// bootstrap) guards that application's controllers and no others — in a monorepo, two `main.ts`
// files are two applications even under one package.json.
import type { FileRoutes, ProjectGuard } from '../model';
import { containerId, type ReferenceResolver } from '../references';

export interface NestApp {
  /** The root module (`file#Class`). */
  id: string;
  rootModule: string;
  /** The file that calls NestFactory.create. */
  bootstrapFile: string;
}

const MAX_MODULES = 2000;

export class NestApps {
  readonly apps = new Map<string, NestApp>();
  private readonly byModule = new Map<string, Set<string>>();
  private readonly byController = new Map<string, Set<string>>();
  private readonly byBootstrapFile = new Map<string, Set<string>>();

  constructor(summaries: ReadonlyMap<string, FileRoutes>, references: ReferenceResolver) {
    const declaresModule = (summary: FileRoutes, name: string) => summary.nestModules?.some((module) => module.name === name) ?? false;
    for (const summary of summaries.values()) {
      for (const bootstrap of summary.nestBootstraps ?? []) {
        const root = references.declaration(summary.path, bootstrap.module, declaresModule);
        if (!root) continue;
        const id = containerId(root.file, root.name);
        if (!this.apps.has(id)) this.apps.set(id, { id, rootModule: root.name, bootstrapFile: summary.path });
        add(this.byBootstrapFile, summary.path, id);
        this.walkGraph(id, root, summaries, references, declaresModule);
      }
    }
  }

  /** The applications whose graph lists this controller (`file#Class`); empty when none is known. */
  appsOfController(controller: string): ReadonlySet<string> {
    return this.byController.get(controller) ?? EMPTY;
  }

  /** The applications a global guard belongs to; empty when its module is in no known graph. */
  appsOfGuard(guard: ProjectGuard & { file: string }): ReadonlySet<string> {
    const owner = guard.nestOwner;
    if (!owner) return EMPTY;
    return ('module' in owner ? this.byModule.get(containerId(guard.file, owner.module)) : this.byBootstrapFile.get(guard.file)) ?? EMPTY;
  }

  private walkGraph(
    app: string,
    root: { file: string; name: string },
    summaries: ReadonlyMap<string, FileRoutes>,
    references: ReferenceResolver,
    declaresModule: (summary: FileRoutes, name: string) => boolean,
  ): void {
    const queue = [root];
    const seen = new Set<string>();
    while (queue.length && seen.size < MAX_MODULES) {
      const module = queue.pop()!;
      const id = containerId(module.file, module.name);
      if (seen.has(id)) continue; // imports may cycle (forwardRef)
      seen.add(id);
      add(this.byModule, id, app);
      const decl = summaries.get(module.file)?.nestModules?.find((candidate) => candidate.name === module.name);
      for (const controller of decl?.controllers ?? []) {
        const controllerId = references.container(module.file, controller);
        if (controllerId) add(this.byController, controllerId, app);
      }
      for (const imported of decl?.imports ?? []) {
        const next = references.declaration(module.file, imported, declaresModule);
        if (next) queue.push(next);
      }
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
}
