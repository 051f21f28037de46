// Project facts as plain data (Maps and Sets, no class instances): what crosses to a worker thread
// — the scan's workers, the deep-stack analysis — which rebuilds the facts from it.
import type { DependencyFacts } from '../core/dependencies/model';
import type { FileRoutes } from '../core/routes/model';
import { RouteIndex } from '../core/routes/route-index';
import type { ProjectFacts } from '../core/rule';

export interface ProjectData {
  envVariables: Map<string, string>;
  routes?: { routes: Map<string, FileRoutes>; hashes: Map<string, string> };
  dependencies?: DependencyFacts;
}

export function projectDataOf(facts: ProjectFacts): ProjectData {
  return {
    envVariables: new Map(facts.envVariables),
    ...(facts.routes ? { routes: { routes: new Map(facts.routes.summaries), hashes: new Map(facts.routes.hashesForEditing()) } } : {}),
    ...(facts.dependencies ? { dependencies: facts.dependencies } : {}),
  };
}

export function projectFactsOf(data: ProjectData): ProjectFacts {
  return {
    envVariables: data.envVariables,
    ...(data.routes ? { routes: new RouteIndex(data.routes.routes, data.routes.hashes) } : {}),
    ...(data.dependencies ? { dependencies: data.dependencies } : {}),
  };
}
