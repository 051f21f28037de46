// Django projects from their settings: the settings modules of one project (those of one folder —
// `config/settings/base.py` and `prod.py` — or joined by `from .base import *`) set MIDDLEWARE and
// REST_FRAMEWORK defaults for the routes of their ROOT_URLCONF and what it includes, not for those
// of another project's urls module in the same tree.
import { posix } from 'node:path';
import type { FileRoutes } from '../model';
import { resolvePythonImport } from '../module-paths';
import { folderOf } from './manifests';

export interface DjangoProject {
  /** The settings folder (`services/admin/config`), which names the project. */
  id: string;
  settingsFiles: string[];
  /** The urls modules its ROOT_URLCONF names. */
  urlconfs: Set<string>;
}

export class DjangoProjects {
  readonly projects = new Map<string, DjangoProject>();
  private readonly bySettingsFile = new Map<string, string>();
  private readonly byUrlconf = new Map<string, string>();

  constructor(summaries: ReadonlyMap<string, FileRoutes>, files: ReadonlySet<string>) {
    const settings = [...summaries.values()]
      .filter((summary) => summary.djangoSettings)
      .map((summary) => summary.path)
      .sort();
    const parent = new Map(settings.map((file) => [file, file]));
    const find = (file: string): string => {
      let at = file;
      while (parent.get(at) !== at) at = parent.get(at)!;
      return at;
    };
    const union = (a: string, b: string) => parent.set(find(b), find(a));
    const byFolder = new Map<string, string>();
    for (const file of settings) {
      const folder = folderOf(file);
      const first = byFolder.get(folder);
      if (first) union(first, file);
      else byFolder.set(folder, file);
      for (const binding of summaries.get(file)!.imports) {
        if (binding.imported !== '*') continue;
        const imported = resolvePythonImport(file, binding.module, undefined, files);
        if (imported && parent.has(imported.path)) union(imported.path, file);
      }
    }
    for (const file of settings) {
      const root = find(file);
      const id = settingsFolder(root);
      const project = this.projects.get(id) ?? this.projects.set(id, { id, settingsFiles: [], urlconfs: new Set() }).get(id)!;
      project.settingsFiles.push(file);
      this.bySettingsFile.set(file, id);
      const urlconf = summaries.get(file)!.djangoSettings!.rootUrlconf;
      const urls = urlconf ? resolvePythonImport(file, urlconf, undefined, files) : undefined;
      if (urls) {
        project.urlconfs.add(urls.path);
        this.byUrlconf.set(urls.path, id);
      }
    }
  }

  /** The project whose settings file this is. */
  projectOfSettings(file: string): string | undefined {
    return this.bySettingsFile.get(file);
  }

  /** The project whose ROOT_URLCONF is this urls module (the root of a route's includes). */
  projectOfUrlconf(file: string): string | undefined {
    return this.byUrlconf.get(file);
  }
}

/** `config/settings/base.py` → `config` (a settings package names its project's folder); `mysite/settings.py` → `mysite`. */
function settingsFolder(file: string): string {
  const folder = folderOf(file);
  return posix.basename(folder) === 'settings' ? folderOf(folder) : folder;
}
