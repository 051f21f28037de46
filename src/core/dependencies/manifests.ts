// Which files declare or lock dependencies, and the reader of each: a table, so that a format is
// one row. Matched by file name (the folder does not matter).
import type { DeclaredDependency, Ecosystem, LockedPackage } from './model';
import { readPackageJson } from './package-json';
import { readPackageLock } from './package-lock';
import { readPipfile } from './pipfile';
import { readPipfileLock } from './pipfile-lock';
import { readPnpmLock } from './pnpm-lock';
import { readPyproject } from './pyproject';
import { readPythonLock } from './python-lock';
import { readRequirements } from './requirements';
import { readYarnLock } from './yarn-lock';

export interface DependencyFileRead {
  declared: DeclaredDependency[];
  locked: LockedPackage[];
  /** Other requirement files this one includes (pip's `-r`), relative to its folder. */
  includes: string[];
}

interface DependencyFileKind {
  id: 'package.json' | 'package-lock' | 'yarn-lock' | 'pnpm-lock' | 'requirements' | 'pyproject' | 'pipfile' | 'pipfile-lock' | 'poetry-lock' | 'uv-lock';
  ecosystem: Ecosystem;
  matches(fileName: string): boolean;
  read(text: string): DependencyFileRead;
}

export const DEPENDENCY_FILES: readonly DependencyFileKind[] = [
  { id: 'package.json', ecosystem: 'npm', matches: (name) => name === 'package.json', read: (text) => ({ declared: readPackageJson(text), locked: [], includes: [] }) },
  { id: 'package-lock', ecosystem: 'npm', matches: (name) => name === 'package-lock.json' || name === 'npm-shrinkwrap.json', read: (text) => ({ declared: [], locked: readPackageLock(text), includes: [] }) },
  { id: 'yarn-lock', ecosystem: 'npm', matches: (name) => name === 'yarn.lock', read: (text) => ({ declared: [], locked: readYarnLock(text), includes: [] }) },
  { id: 'pnpm-lock', ecosystem: 'npm', matches: (name) => name === 'pnpm-lock.yaml', read: (text) => ({ declared: [], locked: readPnpmLock(text), includes: [] }) },
  {
    id: 'requirements',
    ecosystem: 'PyPI',
    // requirements.txt, requirements-dev.txt, requirements/prod.txt is matched by its folder below.
    matches: (name) => /^requirements(?:[-_.][\w.-]+)?\.(?:txt|in)$/i.test(name),
    read: (text) => {
      const file = readRequirements(text);
      return { declared: file.dependencies, locked: [], includes: file.includes };
    },
  },
  { id: 'pyproject', ecosystem: 'PyPI', matches: (name) => name === 'pyproject.toml', read: (text) => ({ declared: readPyproject(text), locked: [], includes: [] }) },
  { id: 'pipfile', ecosystem: 'PyPI', matches: (name) => name === 'Pipfile', read: (text) => ({ declared: readPipfile(text), locked: [], includes: [] }) },
  { id: 'pipfile-lock', ecosystem: 'PyPI', matches: (name) => name === 'Pipfile.lock', read: (text) => ({ declared: [], locked: readPipfileLock(text), includes: [] }) },
  { id: 'poetry-lock', ecosystem: 'PyPI', matches: (name) => name === 'poetry.lock', read: (text) => ({ declared: [], locked: readPythonLock(text, 'poetry'), includes: [] }) },
  { id: 'uv-lock', ecosystem: 'PyPI', matches: (name) => name === 'uv.lock', read: (text) => ({ declared: [], locked: readPythonLock(text, 'uv'), includes: [] }) },
];

/** The kind of dependency file at `path` (`/`-separated), if it is one. */
export function dependencyFileKind(path: string): DependencyFileKind | undefined {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const kind = DEPENDENCY_FILES.find((candidate) => candidate.matches(name));
  if (kind) return kind;
  // requirements/base.txt, requirements/dev.txt: pip-tools' and cookiecutter's layout.
  return parts[parts.length - 2] === 'requirements' && /\.(?:txt|in)$/i.test(name) ? DEPENDENCY_FILES.find((candidate) => candidate.id === 'requirements') : undefined;
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
