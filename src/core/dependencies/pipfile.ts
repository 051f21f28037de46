// Pipfile (pipenv's manifest, TOML): `[packages]`, `[dev-packages]` and any other package
// category (`pipenv install --categories docs`), each `name = "spec"` or
// `name = { version = "spec", extras = […] }`, in pip's specifiers: `"*"` is any version,
// `"==2.2.2"` a pin. `[[source]]`, `[requires]`, `[scripts]` and `[pipenv]` are settings.
import type { DeclaredDependency } from './model';
import { readPackageTables } from './python-tables';

const SETTINGS = new Set(['source', 'requires', 'scripts', 'pipenv']);

export function readPipfile(text: string): DeclaredDependency[] {
  return readPackageTables(text, {
    tableDepth: (keyPath) => (SETTINGS.has(keyPath[0]) ? undefined : 1),
    // As in requirements files.
    pinnedOf: (spec) => /^===?\s*([^\s,*]+)$/.exec(spec.trim())?.[1],
  });
}
