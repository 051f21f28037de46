// Which files declare or lock dependencies, and the reader of each: a table, so that a format is
// one row. Matched by file name (the folder does not matter).
import type { DeclaredDependency, Ecosystem, LockedPackage, WorkspaceLock } from './model';
import { readPackageManifest } from './package-json';
import { readPackageLockFile } from './package-lock';
import { readPipfile } from './pipfile';
import { readPipfileLock } from './pipfile-lock';
import { readPnpmLockFile } from './pnpm-lock';
import { readPyproject } from './pyproject';
import { readPythonLockFile } from './python-lock';
import { readRequirements } from './requirements';
import { readYarnLockFile } from './yarn-lock';

export interface DependencyFileRead {
  declared: DeclaredDependency[];
  locked: LockedPackage[];
  /** Other requirement files this one includes (pip's `-r`), relative to its folder. */
  includes: string[];
  /** A workspace root's lock: what it says of the members. */
  workspace?: WorkspaceLock;
  /** A package.json's `workspaces` globs (yarn's members). */
  workspaces?: string[];
  /** A lock's packages linked to workspace folders (see LockFileRead). */
  localPackages?: string[];
}

/** How a manifest writes its declarations, which decides how one is removed. */
export type DeclarationSyntax = 'json' | 'toml' | 'requirements';

interface DependencyFileKind {
  id: 'package.json' | 'package-lock' | 'yarn-lock' | 'pnpm-lock' | 'requirements' | 'pyproject' | 'pipfile' | 'pipfile-lock' | 'poetry-lock' | 'uv-lock';
  ecosystem: Ecosystem;
  matches(fileName: string): boolean;
  read(text: string): DependencyFileRead;
  /** A manifest's syntax. */
  syntax?: DeclarationSyntax;
  /** A lock file: the manifests of its folder (of its ecosystem) resolve through it, not a workspace root's. */
  lock?: true;
}

const lockRead = (read: { locked: LockedPackage[]; workspace?: WorkspaceLock }): DependencyFileRead => ({ declared: [], includes: [], ...read });

export const DEPENDENCY_FILES: readonly DependencyFileKind[] = [
  {
    id: 'package.json',
    ecosystem: 'npm',
    matches: (name) => name === 'package.json',
    read: (text) => {
      const manifest = readPackageManifest(text);
      return { declared: manifest.declared, locked: [], includes: [], ...(manifest.workspaces.length ? { workspaces: manifest.workspaces } : {}) };
    },
    syntax: 'json',
  },
  {
    id: 'package-lock',
    ecosystem: 'npm',
    matches: (name) => name === 'package-lock.json' || name === 'npm-shrinkwrap.json',
    read: (text) => lockRead(readPackageLockFile(text)),
    lock: true,
  },
  { id: 'yarn-lock', ecosystem: 'npm', matches: (name) => name === 'yarn.lock', read: (text) => lockRead(readYarnLockFile(text)), lock: true },
  { id: 'pnpm-lock', ecosystem: 'npm', matches: (name) => name === 'pnpm-lock.yaml', read: (text) => lockRead(readPnpmLockFile(text)), lock: true },
  {
    id: 'requirements',
    ecosystem: 'PyPI',
    // requirements.txt, requirements-dev.txt, requirements/prod.txt is matched by its folder below.
    matches: (name) => /^requirements(?:[-_.][\w.-]+)?\.(?:txt|in)$/i.test(name),
    read: (text) => {
      const file = readRequirements(text);
      return { declared: file.dependencies, locked: [], includes: file.includes };
    },
    syntax: 'requirements',
  },
  {
    id: 'pyproject',
    ecosystem: 'PyPI',
    matches: (name) => name === 'pyproject.toml',
    read: (text) => ({ declared: readPyproject(text), locked: [], includes: [] }),
    syntax: 'toml',
  },
  {
    id: 'pipfile',
    ecosystem: 'PyPI',
    matches: (name) => name === 'Pipfile',
    read: (text) => ({ declared: readPipfile(text), locked: [], includes: [] }),
    syntax: 'toml',
  },
  {
    id: 'pipfile-lock',
    ecosystem: 'PyPI',
    matches: (name) => name === 'Pipfile.lock',
    read: (text) => lockRead({ locked: readPipfileLock(text) }),
    lock: true,
  },
  { id: 'poetry-lock', ecosystem: 'PyPI', matches: (name) => name === 'poetry.lock', read: (text) => lockRead(readPythonLockFile(text, 'poetry')), lock: true },
  { id: 'uv-lock', ecosystem: 'PyPI', matches: (name) => name === 'uv.lock', read: (text) => lockRead(readPythonLockFile(text, 'uv')), lock: true },
];

/** The kind of dependency file at `path` (`/`-separated), if it is one. */
export function dependencyFileKind(path: string): DependencyFileKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const kind = DEPENDENCY_FILES.find((candidate) => candidate.matches(name));
  if (kind) return kind;
  // requirements/base.txt, requirements/dev.txt: pip-tools' and cookiecutter's layout.
  return parts[parts.length - 2] === 'requirements' && /\.(?:txt|in)$/i.test(name)
    ? DEPENDENCY_FILES.find((candidate) => candidate.id === 'requirements')
    : undefined;
}

/** The kind of `path` in this project: by its name, or a requirements file because another includes it. */
export function dependencyFileKindIn(path: string, facts: { includedRequirements?: ReadonlySet<string> } | undefined): DependencyFileKind | undefined {
  return dependencyFileKind(path) ?? (facts?.includedRequirements?.has(path) ? DEPENDENCY_FILES.find((kind) => kind.id === 'requirements') : undefined);
}

/** Whether `path` names a manifest or lock file Lastline reads. */
export function isDependencyFile(path: string): boolean {
  return dependencyFileKind(path) !== undefined;
}

/** The folder of a project path, '' at the root. */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

/** The folders above `folder`, nearest first, the root ('') last; none above the root. */
export function ancestorsOf(folder: string): string[] {
  const ancestors: string[] = [];
  for (let current = folder; current !== '';) {
    current = folderOf(current);
    ancestors.push(current);
  }
  return ancestors;
}
