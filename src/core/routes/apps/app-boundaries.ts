// Which app of a monorepo a route belongs to, and so which project-wide settings reach it. The
// framework says first: a Nest application is its module graph (nest-apps.ts), a Django project
// the routes under its settings' ROOT_URLCONF (django-projects.ts), a Next.js app the folder
// holding `app/` or `pages/`. What the framework leaves open — a controller no graph lists, a
// urls module no ROOT_URLCONF includes — goes to the app whose entry is nearest in the tree within
// the same manifest folder (package.json, pyproject.toml, manage.py…), and without such an entry
// the manifest folders draw the line. The scan root is never an app boundary by itself: one app's
// global guard no longer silences another's routes.
import { posix } from 'node:path';
import { nextAppRootOf, nextRouteFile } from '../javascript/next/paths';
import type { FileRoutes, Framework, ProjectGuard } from '../model';
import type { ReferenceResolver } from '../references';
import { DjangoProjects } from './django-projects';
import { folderOf, ManifestRoots } from './manifests';
import { NestApps } from './nest-apps';

export interface RouteApp {
  /** Routes of one app share it. */
  id: string;
  /** The app's folder as people name it (`apps/api`, `.` for the project root). */
  name: string;
}

/** Where a route sits, as far as apps are concerned. */
export interface RouteSite {
  framework: Framework;
  /** The file that declares the route. */
  file: string;
  /** The file of the outermost container its mounts lead to (a Django ROOT_URLCONF, an Express app). */
  rootFile?: string;
  /** The container it is registered on (`file#Class` for a Nest controller). */
  container?: string;
}

export type LocatedGuard = ProjectGuard & { file: string };

export class AppBoundaries {
  private readonly manifests: ManifestRoots;
  private readonly nest: NestApps;
  private readonly django: DjangoProjects;
  /** Folders of the Next.js apps (route files, middleware). */
  private readonly nextFolders = new Set<string>();
  /** Nest applications (→ bootstrap file) and Django projects (→ first settings file) by manifest folder. */
  private readonly nestEntries = new Map<string, Map<string, string>>();
  private readonly djangoEntries = new Map<string, Map<string, string>>();
  private readonly names = new Map<string, string>();
  /** The project-wide settings by the app they belong to, so a route looks up its own only. */
  private readonly settings = new Map<string, LocatedGuard[]>();

  constructor(summaries: ReadonlyMap<string, FileRoutes>, references: ReferenceResolver, files: ReadonlySet<string>, projectGuards: readonly LocatedGuard[]) {
    this.manifests = new ManifestRoots(summaries.values());
    this.nest = new NestApps(summaries, references);
    this.django = new DjangoProjects(summaries, files);
    for (const summary of summaries.values()) {
      const routeFile = nextRouteFile(summary.path);
      if (routeFile && summary.routes.length) this.nextFolders.add(routeFile.appFolder);
    }
    for (const guard of projectGuards) if (guard.framework === 'nextjs') this.nextFolders.add(nextAppRootOf(guard.file));
    for (const app of this.nest.apps.values()) this.addEntry(this.nestEntries, app.id, app.bootstrapFile);
    for (const project of this.django.projects.values()) this.addEntry(this.djangoEntries, project.id, project.settingsFiles[0]);
    this.nameEntries(this.nestEntries);
    this.nameEntries(this.djangoEntries);
    for (const guard of projectGuards) for (const key of this.settingKeys(guard)) add(this.settings, key, guard);
  }

  appOf(site: RouteSite): RouteApp {
    if (site.framework === 'nestjs') {
      const [id] = [...this.nestAppsOfRoute(site)].sort();
      if (id) return { id, name: this.names.get(id)! };
    } else if (site.framework === 'django') {
      const [id] = this.djangoProjectsOfRoute(site);
      if (id) return { id: `django:${id}`, name: this.names.get(id)! };
    } else if (site.framework === 'nextjs') {
      const folder = this.nextFolderOf(site.file);
      return { id: `nextjs:${folder}`, name: displayFolder(folder) };
    }
    const folder = this.manifests.rootOf(site.rootFile ?? site.file);
    return { id: `folder:${folder}`, name: displayFolder(folder) };
  }

  /** The project-wide settings (global guards, default permissions, middleware) that reach the route. */
  settingsReaching(site: RouteSite): readonly LocatedGuard[] {
    const root = this.manifests.rootOf(site.file);
    const keys: string[] = [];
    if (site.framework === 'nextjs') keys.push(`nextjs ${this.nextFolderOf(site.file)}`);
    else if (site.framework === 'nestjs') {
      const apps = this.nestAppsOfRoute(site);
      // A setting placed in no application reaches the routes of its manifest folder, placed or not.
      keys.push(...(apps.size ? [...[...apps].map((app) => `nestjs app ${app}`), `nestjs unplaced ${root}`] : [`nestjs folder ${root}`]));
    } else if (site.framework === 'django') {
      const projects = this.djangoProjectsOfRoute(site);
      keys.push(...(projects.length ? projects.map((project) => `django project ${project}`) : [`django folder ${root}`]));
    } else keys.push(`${site.framework} folder ${root}`);
    const found = keys.flatMap((key) => this.settings.get(key) ?? []);
    return keys.length > 1 ? [...new Set(found)] : found;
  }

  /** The keys a route's lookup may use to find this setting (see settingsReaching). */
  private settingKeys(guard: LocatedGuard): string[] {
    const root = this.manifests.rootOf(guard.file);
    if (guard.framework === 'nextjs') return [`nextjs ${nextAppRootOf(guard.file)}`];
    if (guard.framework === 'nestjs') {
      const apps = this.nest.appsOfGuard(guard).size ? this.nest.appsOfGuard(guard) : this.nearest(guard.file, this.nestEntries);
      return [...(apps.size ? [...apps].map((app) => `nestjs app ${app}`) : [`nestjs unplaced ${root}`]), `nestjs folder ${root}`];
    }
    const project = guard.framework === 'django' ? this.django.projectOfSettings(guard.file) : undefined;
    return [...(project !== undefined ? [`django project ${project}`] : []), `${guard.framework} folder ${root}`];
  }

  private nestAppsOfRoute(site: RouteSite): ReadonlySet<string> {
    const listed = site.container ? this.nest.appsOfController(site.container) : undefined;
    return listed?.size ? listed : this.nearest(site.file, this.nestEntries);
  }

  /** The project whose ROOT_URLCONF the route's includes start from, else the nearest projects. */
  private djangoProjectsOfRoute(site: RouteSite): string[] {
    const project = this.django.projectOfUrlconf(site.rootFile ?? site.file);
    return project !== undefined ? [project] : [...this.nearest(site.rootFile ?? site.file, this.djangoEntries)].sort();
  }

  /** A route file's Next.js app; a server action outside `app/` belongs to the app whose folder holds it. */
  private nextFolderOf(file: string): string {
    const own = nextRouteFile(file)?.appFolder;
    if (own !== undefined) return own;
    for (let folder = folderOf(file); ; folder = folderOf(folder)) {
      if (this.nextFolders.has(folder)) return folder;
      if (folder === '') return this.manifests.rootOf(file);
    }
  }

  private addEntry(entries: Map<string, Map<string, string>>, id: string, file: string): void {
    const root = this.manifests.rootOf(file);
    (entries.get(root) ?? entries.set(root, new Map()).get(root)!).set(id, file);
  }

  /**
   * Names apps by their manifest folder; where two share one (an Nx workspace with one
   * package.json), by the folder of their entry file instead (`apps/api` for `apps/api/src/main.ts`).
   */
  private nameEntries(entries: ReadonlyMap<string, ReadonlyMap<string, string>>): void {
    for (const [root, apps] of entries) {
      for (const [id, file] of apps) this.names.set(id, displayFolder(apps.size > 1 ? folderOf(file).replace(/(?:^|\/)src$/, '') : root));
    }
  }

  /**
   * The entries (app id → entry file) of the file's manifest folder sharing the most leading
   * folders with it: the app a file no framework declaration ties to most likely belongs to.
   * Empty when its manifest folder holds no entry (another app's global guard must not reach it).
   */
  private nearest(file: string, entries: ReadonlyMap<string, ReadonlyMap<string, string>>): ReadonlySet<string> {
    const parts = posix.dirname(file).split('/');
    let best = -1;
    let found = new Set<string>();
    for (const [id, entry] of entries.get(this.manifests.rootOf(file)) ?? []) {
      const entryParts = posix.dirname(entry).split('/');
      let shared = 0;
      while (shared < entryParts.length && shared < parts.length && entryParts[shared] === parts[shared]) shared++;
      if (shared > best) [best, found] = [shared, new Set([id])];
      else if (shared === best) found.add(id);
    }
    return found;
  }
}

function displayFolder(folder: string): string {
  return folder === '' ? '.' : folder;
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  (map.get(key) ?? map.set(key, []).get(key)!).push(value);
}
