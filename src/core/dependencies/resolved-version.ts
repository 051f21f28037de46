// The one version a declared dependency installs: its pin, else what the lock file in its folder
// resolves; undefined for a range no lock file resolves.
import { nameKey, type DeclaredDependency } from './model';

export function resolvedVersion(locked: ReadonlyMap<string, ReadonlyMap<string, string>>, folder: string, dependency: Pick<DeclaredDependency, 'ecosystem' | 'name' | 'pinned'>): string | undefined {
  return dependency.pinned ?? locked.get(folder)?.get(nameKey(dependency.ecosystem, dependency.name));
}
