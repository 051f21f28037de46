// The one version a declared dependency installs: its pin, else what the lock governing its folder
// resolves (its own folder's lock, or its workspace root's: DependencyFacts.locked); undefined for
// a range no lock file resolves. When the lock holds several versions of the package (yarn 1 lists
// each range's resolution; Poetry locks one per Python fork), the one the requirement allows.
import { nameKey, type DeclaredDependency, type DependencyFacts, type LockedPackage } from './model';
import { allowsVersion } from './versions';

export function resolvedVersion(
  locked: DependencyFacts['locked'],
  folder: string,
  dependency: Pick<DeclaredDependency, 'ecosystem' | 'name' | 'pinned' | 'spec' | 'partOf'>,
): string | undefined {
  if (dependency.pinned) return dependency.pinned;
  const versions = locked.get(folder)?.get(nameKey(dependency.ecosystem, dependency.name)) ?? [];
  const allowed = versions.filter((version) => allowsVersion(dependency.ecosystem, dependency.spec, version) === true);
  // One of several constraints holds under its own markers: a version it does not allow is another one's.
  // Otherwise a lock that no longer matches its manifest still says what installs.
  const candidates = dependency.partOf || allowed.length ? allowed : versions;
  return candidates[candidates.length - 1];
}

/**
 * Whether a lock file's entry is the version a declaration resolves to (its finding and its
 * `lastline deps` row are the declaration's): a top-level entry a manifest of the lock's folder
 * declares, or the version a workspace member's requirement resolves to through this lock.
 */
export function resolvesDeclaration(facts: DependencyFacts, lockFolder: string, entry: LockedPackage): boolean {
  const key = nameKey(entry.ecosystem, entry.name);
  if (entry.topLevel && facts.declared.get(lockFolder)?.has(key)) return true;
  return (facts.workspaceMembers?.get(lockFolder) ?? []).some(
    (member) =>
      member.ecosystem === entry.ecosystem &&
      facts.declared.get(member.folder)?.has(key) === true &&
      facts.locked.get(member.folder)?.get(key)?.includes(entry.version) === true,
  );
}
