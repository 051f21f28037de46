// Module specifiers → project files, without touching the disk: the resolver only needs to find
// files it has summaries for. JS: relative specifiers with the usual extensions and index files,
// `.js` written for a `.ts` source (TypeScript ESM), and the `@/` / `~/` aliases most templates
// map to the project or `src/`. Python: relative (dotted) and absolute modules, where an absolute
// module may live under a source folder (`src/app/auth.py`, `backend/app/auth.py`).
import { posix } from 'node:path';

const JS_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

export function resolveJsModule(fromFile: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  let bases: string[];
  if (isRelativeSpecifier(specifier)) bases = [posix.normalize(posix.join(posix.dirname(fromFile), specifier))];
  else if (specifier.startsWith('@/') || specifier.startsWith('~/'))
    bases = [posix.normalize(specifier.slice(2)), posix.normalize(`src/${specifier.slice(2)}`)];
  else return undefined; // a package
  for (const base of bases) {
    const withoutJs = base.replace(/\.(?:js|jsx|mjs|cjs)$/, '');
    const candidates = [base, ...JS_EXTENSIONS.map((extension) => withoutJs + extension), ...JS_EXTENSIONS.map((extension) => `${base}/index${extension}`)];
    const found = candidates.find((candidate) => known.has(candidate));
    if (found) return found;
  }
  return undefined;
}

/** The specifier a file at `toFile` uses to import the project file `moduleFile` (extension dropped, `./` kept). */
export function relativeJsSpecifier(toFile: string, moduleFile: string): string {
  let specifier = posix
    .relative(posix.dirname(toFile), moduleFile)
    .replace(/\.(?:ts|tsx|js|jsx|mts|cts)$/, '')
    .replace(/\/index$/, '');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

export interface PythonModuleTarget {
  /** The module's file. */
  path: string;
  /** A name inside that module, when the import named one (`from . import views` may be either). */
  member?: string;
}

/**
 * Where `from <module> import <name>` (or `import <module>`) points. Tries the submodule first
 * (`from . import views` → views.py), then a name in the package (`__init__.py`).
 */
export function resolvePythonImport(fromFile: string, module: string, name: string | undefined, known: ReadonlySet<string>): PythonModuleTarget | undefined {
  const moduleDirs = pythonModuleDirs(fromFile, module, known, name);
  for (const dir of moduleDirs) {
    if (name) {
      const submodule = findPythonModuleFile(`${dir}/${name}`, known);
      if (submodule) return { path: submodule };
    }
    const file = findPythonModuleFile(dir, known);
    if (file) return name ? { path: file, member: name } : { path: file };
  }
  return undefined;
}

/** Candidate paths (without `.py`) a dotted module may have, most likely first. */
function pythonModuleDirs(fromFile: string, module: string, known: ReadonlySet<string>, name?: string): string[] {
  if (module.startsWith('.')) return [relativePythonModulePath(fromFile, module)];
  const rest = module.split('.').filter(Boolean).join('/');
  // Absolute: at the project root, or under whichever folder holds it (a source root). In a
  // monorepo several apps may have one (`services/a/config/urls.py`, `services/b/config/urls.py`):
  // the one sharing most folders with the importing file is its own app's, then the shortest.
  // A package without `__init__.py` (a namespace package) is found by the submodule imported from it.
  const suffixes = [`${rest}.py`, `${rest}/__init__.py`, ...(name ? [`${rest}/${name}.py`] : [])];
  const dirs = [rest];
  for (const path of known) {
    for (const suffix of suffixes) {
      if (path.endsWith(`/${suffix}`)) dirs.push(path.slice(0, path.length - suffix.length) + rest);
    }
  }
  const from = posix.dirname(fromFile).split('/');
  const shared = (dir: string) => {
    const parts = dir.split('/');
    let count = 0;
    while (count < parts.length - 1 && count < from.length && parts[count] === from[count]) count++;
    return count;
  };
  return [...new Set(dirs)].sort((a, b) => shared(b) - shared(a) || a.length - b.length);
}

/** Where a relative module points from `fromFile`, without `.py`: `..core.security` → `app/core/security`. */
export function relativePythonModulePath(fromFile: string, module: string): string {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  let dir = posix.dirname(fromFile);
  for (let level = 1; level < dots; level++) dir = posix.dirname(dir);
  return normalizeDir(rest ? `${dir}/${rest}` : dir);
}

function normalizeDir(dir: string): string {
  const normalized = posix.normalize(dir);
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '');
}

function findPythonModuleFile(dir: string, known: ReadonlySet<string>): string | undefined {
  const prefix = dir ? `${dir}/` : '';
  if (dir && known.has(`${dir}.py`)) return `${dir}.py`;
  if (known.has(`${prefix}__init__.py`)) return `${prefix}__init__.py`;
  return undefined;
}

/** The module a file at `toFile` imports `moduleFile` from, relative (`.auth`, `..core.security`). */
export function relativePythonModule(toFile: string, moduleFile: string): string {
  const fromParts = posix
    .dirname(toFile)
    .split('/')
    .filter((part) => part && part !== '.');
  const target = moduleFile
    .replace(/(?:\/__init__)?\.py$/, '')
    .split('/')
    .filter(Boolean);
  // A top-level script is not in a package: relative imports fail there.
  if (fromParts.length === 0) return target.join('.');
  let common = 0;
  while (common < fromParts.length && common < target.length - 1 && fromParts[common] === target[common]) common++;
  const ups = fromParts.length - common;
  return '.'.repeat(ups + 1) + target.slice(common).join('.');
}
