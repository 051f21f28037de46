// Which files declare or lock dependencies, and the reader of each: a table, so that a format is
// one row. Matched by file name (the folder does not matter).
import type { DeclaredDependency, LockedPackage } from './model';
import { readPackageJson } from './package-json';
import { readPackageLock } from './package-lock';
import { readRequirements } from './requirements';

export interface DependencyFileRead {
  declared: DeclaredDependency[];
  locked: LockedPackage[];
  /** Other requirement files this one includes (pip's `-r`), relative to its folder. */
  includes: string[];
}

interface DependencyFileKind {
  id: 'package.json' | 'package-lock' | 'requirements';
  matches(fileName: string): boolean;
  read(text: string): DependencyFileRead;
}

export const DEPENDENCY_FILES: readonly DependencyFileKind[] = [
  { id: 'package.json', matches: (name) => name === 'package.json', read: (text) => ({ declared: readPackageJson(text), locked: [], includes: [] }) },
  { id: 'package-lock', matches: (name) => name === 'package-lock.json' || name === 'npm-shrinkwrap.json', read: (text) => ({ declared: [], locked: readPackageLock(text), includes: [] }) },
  {
    id: 'requirements',
    // requirements.txt, requirements-dev.txt, requirements/prod.txt is matched by its folder below.
    matches: (name) => /^requirements(?:[-_.][\w.-]+)?\.(?:txt|in)$/i.test(name),
    read: (text) => {
      const file = readRequirements(text);
      return { declared: file.dependencies, locked: [], includes: file.includes };
    },
  },
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

/** The folder of a project path, '' at the root. */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}
