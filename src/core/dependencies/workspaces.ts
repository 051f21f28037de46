// Workspaces keep one lock file at their root for the manifests of their members (npm, yarn and
// pnpm workspaces: `packages/app/package.json`; uv workspaces: `apps/api/pyproject.toml`). A
// member without a lock of its own installs what the nearest root lock that counts it as a member
// resolves; a folder no root lock counts (not a member) is not resolved through one.
import { ancestorsOf, dependencyFileKind, folderOf, type DependencyFileRead } from './manifests';
import { nameKey, type DeclaredDependency, type Ecosystem, type WorkspaceLock, type WorkspaceMember } from './model';
import { workspaceGlobs, type WorkspaceGlobs } from './workspace-globs';

interface RootLock {
  folder: string;
  ecosystem: Ecosystem;
  lock: WorkspaceLock;
  /** yarn: the root package.json's `workspaces`, which name the members. */
  globs?: WorkspaceGlobs;
}

export interface MemberResolution {
  /** The folder of the root lock that resolves the member. */
  lockFolder: string;
  member: WorkspaceMember;
  /** By nameKey(), the versions the member's declarations resolve to. */
  versions: Map<string, string[]>;
}

/** For each manifest folder governed by a workspace root's lock, the versions it resolves for the folder's declarations. */
export function workspaceResolutions(
  reads: ReadonlyMap<string, DependencyFileRead>,
  hasOwnLock: (folder: string, ecosystem: Ecosystem) => boolean,
): MemberResolution[] {
  const roots = rootLocks(reads);
  if (roots.length === 0) return [];
  const declaredIn = new Map<string, DeclaredDependency[]>();
  for (const [path, read] of reads) if (read.declared.length) declaredIn.set(folderOf(path), [...(declaredIn.get(folderOf(path)) ?? []), ...read.declared]);
  const resolutions: MemberResolution[] = [];
  for (const [folder, declared] of declaredIn) {
    for (const ecosystem of new Set(declared.map((dependency) => dependency.ecosystem))) {
      if (hasOwnLock(folder, ecosystem)) continue;
      const governing = governingLock(roots, folder, ecosystem);
      if (!governing) continue;
      const versions = new Map<string, string[]>();
      for (const dependency of declared) {
        if (dependency.ecosystem !== ecosystem) continue;
        const resolved = memberVersions(governing.root.lock, governing.member, dependency);
        if (resolved.length) versions.set(nameKey(ecosystem, dependency.name), resolved);
      }
      resolutions.push({ lockFolder: governing.root.folder, member: { ecosystem, folder }, versions });
    }
  }
  return resolutions;
}

function rootLocks(reads: ReadonlyMap<string, DependencyFileRead>): RootLock[] {
  const roots: RootLock[] = [];
  for (const [path, read] of [...reads].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = dependencyFileKind(path);
    const ecosystem = kind?.lock ? kind.ecosystem : undefined;
    if (!read.workspace || !ecosystem) continue;
    const folder = folderOf(path);
    const manifest = read.workspace.kind === 'descriptors' ? reads.get(folder ? `${folder}/package.json` : 'package.json') : undefined;
    if (read.workspace.kind === 'descriptors' && !manifest?.workspaces) continue; // a yarn.lock of one project
    roots.push({ folder, ecosystem, lock: read.workspace, ...(manifest?.workspaces ? { globs: workspaceGlobs(manifest.workspaces) } : {}) });
  }
  return roots;
}

/** The nearest root lock above `folder` that counts it as a member, and the member's path relative to it. */
function governingLock(roots: readonly RootLock[], folder: string, ecosystem: Ecosystem): { root: RootLock; member: string } | undefined {
  for (const ancestor of ancestorsOf(folder)) {
    const member = ancestor === '' ? folder : folder.slice(ancestor.length + 1);
    const root = roots.find((candidate) => candidate.folder === ancestor && candidate.ecosystem === ecosystem && isMember(candidate, member));
    if (root) return { root, member };
  }
  return undefined;
}

function isMember(root: RootLock, member: string): boolean {
  const { lock } = root;
  switch (lock.kind) {
    case 'install-paths':
    case 'flat':
      return lock.members.includes(member);
    case 'importers':
      return lock.importers.has(member);
    case 'descriptors':
      return root.globs?.matches(member) ?? false;
  }
}

/** The versions `dependency`, declared by the member at `member`, resolves to in the root's lock. */
function memberVersions(lock: WorkspaceLock, member: string, dependency: DeclaredDependency): string[] {
  const found = (version: string | undefined) => (version === undefined ? [] : [version]);
  switch (lock.kind) {
    case 'install-paths':
      // As Node resolves it: the member's own node_modules, then each folder's above it, the root's last.
      for (let folder = member; ; folder = folderOf(folder)) {
        const path = `${folder ? `${folder}/` : ''}node_modules/${dependency.name}`;
        if (lock.installed.has(path)) return found(lock.installed.get(path));
        if (folder === '') return [];
      }
    case 'importers':
      return found(lock.importers.get(member)?.get(dependency.name));
    case 'descriptors':
      return found(lock.descriptors.get(`${dependency.name}@${dependency.spec}`));
    case 'flat':
      return lock.versions.get(dependency.name) ?? [];
  }
}
