// DependencyFacts.locked, from the dependency files read: per manifest folder, the versions the
// lock governing it resolves. A folder's own lock files govern it (their top-level entries); a
// workspace member without one of its ecosystem is governed by its workspace root's lock.
import { dependencyFileKind, folderOf, type DependencyFileRead } from './manifests';
import { nameKey, type WorkspaceMember } from './model';
import { workspaceResolutions } from './workspaces';

export interface LockedVersions {
  locked: Map<string, Map<string, string[]>>;
  /** Per root lock folder, the members it resolves. */
  workspaceMembers: Map<string, WorkspaceMember[]>;
}

export function lockedVersions(reads: ReadonlyMap<string, DependencyFileRead>): LockedVersions {
  const locked = new Map<string, Map<string, string[]>>();
  const ownLocks = new Set<string>();
  // By path, so that the order of versions (and which one a range takes) does not depend on the order files were read in.
  for (const [path, read] of [...reads].sort(([a], [b]) => a.localeCompare(b))) {
    const folder = folderOf(path);
    const kind = dependencyFileKind(path);
    const ecosystem = kind?.lock ? kind.ecosystem : undefined;
    if (ecosystem) ownLocks.add(nameKey(ecosystem, folder));
    for (const lockedPackage of read.locked)
      if (lockedPackage.topLevel) addVersions(locked, folder, nameKey(lockedPackage.ecosystem, lockedPackage.name), [lockedPackage.version]);
  }
  const workspaceMembers = new Map<string, WorkspaceMember[]>();
  for (const { lockFolder, member, versions } of workspaceResolutions(reads, (folder, ecosystem) => ownLocks.has(nameKey(ecosystem, folder)))) {
    workspaceMembers.set(lockFolder, [...(workspaceMembers.get(lockFolder) ?? []), member]);
    for (const [key, resolved] of versions) addVersions(locked, member.folder, key, resolved);
  }
  return { locked, workspaceMembers };
}

/** Each version once, in the order the lock files list them. */
function addVersions(locked: Map<string, Map<string, string[]>>, folder: string, key: string, versions: readonly string[]): void {
  const byName = locked.get(folder) ?? new Map<string, string[]>();
  locked.set(folder, byName);
  const known = byName.get(key) ?? [];
  byName.set(key, [...known, ...versions.filter((version) => !known.includes(version))]);
}
