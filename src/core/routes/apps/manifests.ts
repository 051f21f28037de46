// Manifests mark where an app or package of a monorepo starts: `apps/api/package.json`,
// `services/admin/manage.py`, `tools/pyproject.toml`. Their folders are app roots for the routes
// below them when the framework itself does not say (a Nest module graph, a Django ROOT_URLCONF,
// a Next.js app folder): a global guard found in one app root never reaches another's routes.
// The route index holds manifests like source files, so adding one re-judges the project.
import { posix } from 'node:path';
import type { FileRoutes, ManifestDecl } from '../model';

const MANIFESTS: ReadonlyMap<string, ManifestDecl['kind']> = new Map([
  ['package.json', 'package.json'],
  ['pyproject.toml', 'pyproject.toml'],
  ['manage.py', 'manage.py'],
  ['requirements.txt', 'requirements.txt'],
  ['setup.py', 'setup.py'],
  // Nx: one per app or library in a workspace with a single root package.json.
  ['project.json', 'project.json'],
]);

/** The manifest kind of a project file, by its name; undefined for other files. */
export function manifestKind(path: string): ManifestDecl['kind'] | undefined {
  return MANIFESTS.get(posix.basename(path));
}

/** The folders holding a manifest, and the app root of any file: the nearest such folder above it ('' when none). */
export class ManifestRoots {
  private readonly folders = new Set<string>();

  constructor(summaries: Iterable<FileRoutes>) {
    for (const summary of summaries) if (summary.manifest) this.folders.add(folderOf(summary.path));
  }

  rootOf(file: string): string {
    for (let folder = folderOf(file); folder !== ''; folder = folderOf(folder)) if (this.folders.has(folder)) return folder;
    return '';
  }
}

/** `apps/api/src/main.ts` → `apps/api/src`; a file at the root → ''. */
export function folderOf(file: string): string {
  const folder = posix.dirname(file);
  return folder === '.' ? '' : folder;
}
