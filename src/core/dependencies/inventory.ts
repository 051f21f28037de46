// Every dependency of the project with its status, for `lastline deps`: declared ones (with the
// version their pin or the lock resolves to) and the packages only a lock file has.
import { folderOf, type DependencyFileRead } from './manifests';
import { nameKey, packageKey, type Advisory, type DependencyFacts, type Ecosystem, type RegistryStatus } from './model';
import type { Span } from '../languages/config/model';
import { resolvedVersion, resolvesDeclaration } from './resolved-version';

export type DependencyStatus = 'vulnerable' | 'ok' | 'unresolved' | 'unchecked';

export interface DependencyRow {
  file: string;
  span: Span;
  ecosystem: Ecosystem;
  name: string;
  /** The requirement as written; empty for a lock entry. */
  spec: string;
  /** The version checked: the pin, or what the lock resolves; undefined when neither says. */
  version?: string;
  /** Declared in a manifest (not only locked). */
  direct: boolean;
  /**
   * vulnerable: advisories affect it; ok: checked, none; unresolved: a range without a lock, so
   * no one version to check; unchecked: the look-up had no answer (offline, service down).
   */
  status: DependencyStatus;
  advisories: readonly Advisory[];
  /** What the registry said of a declared package, when it was asked. */
  registry?: RegistryStatus;
}

export function dependencyInventory(files: ReadonlyMap<string, DependencyFileRead>, facts: DependencyFacts): DependencyRow[] {
  const rows: DependencyRow[] = [];
  for (const [file, read] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const folder = folderOf(file);
    for (const dependency of read.declared) {
      const version = resolvedVersion(facts.locked, folder, dependency);
      const registry = facts.registry?.get(nameKey(dependency.ecosystem, dependency.name));
      rows.push({
        file,
        span: dependency.span,
        ecosystem: dependency.ecosystem,
        name: dependency.displayName,
        spec: dependency.spec,
        ...(version ? { version } : {}),
        direct: true,
        ...statusOf(facts, dependency.ecosystem, dependency.name, version),
        ...(registry ? { registry } : {}),
      });
    }
    for (const locked of read.locked) {
      if (resolvesDeclaration(facts, folder, locked)) continue; // listed with its manifest line
      rows.push({
        file,
        span: locked.span,
        ecosystem: locked.ecosystem,
        name: locked.name,
        spec: '',
        version: locked.version,
        direct: false,
        ...statusOf(facts, locked.ecosystem, locked.name, locked.version),
      });
    }
  }
  return rows;
}

function statusOf(
  facts: DependencyFacts,
  ecosystem: Ecosystem,
  name: string,
  version: string | undefined,
): { status: DependencyStatus; advisories: readonly Advisory[] } {
  if (!version) return { status: 'unresolved', advisories: [] };
  const advisories = facts.advisories.get(packageKey(ecosystem, name, version));
  if (!advisories) return { status: 'unchecked', advisories: [] };
  return { status: advisories.length ? 'vulnerable' : 'ok', advisories };
}
