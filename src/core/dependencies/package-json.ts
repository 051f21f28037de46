// npm manifests: `dependencies`, `devDependencies` and `optionalDependencies` of a package.json.
// Requirements that are not registry versions (git, file, URL, workspace) have nothing to look
// up and are left out; `npm:` aliases count as the package they name. A workspace root's
// `workspaces` globs (an array, or yarn's `{ packages: [...] }`) are read too: for a yarn.lock,
// they are what says which folders the root's lock resolves.
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { DeclaredDependency } from './model';

const SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

export interface PackageManifest {
  declared: DeclaredDependency[];
  /** The `workspaces` globs, as written (relative to the manifest's folder). */
  workspaces: string[];
}

export function readPackageJson(text: string): DeclaredDependency[] {
  return readPackageManifest(text).declared;
}

export function readPackageManifest(text: string): PackageManifest {
  const manifest: PackageManifest = { declared: [], workspaces: [] };
  for (const entry of readConfig(text, 'json').entries) {
    if (isWorkspaceGlob(entry.keyPath)) {
      manifest.workspaces.push(entry.value);
      continue;
    }
    if (entry.keyPath.length !== 2 || !SECTIONS.has(entry.keyPath[0])) continue;
    const alias = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)@(.*)$/.exec(entry.value);
    const name = alias ? alias[1] : entry.key;
    const spec = alias ? alias[2] : entry.value;
    if (!isRegistrySpec(spec)) continue;
    const exact = valid(spec.replace(/^=/, ''));
    manifest.declared.push({
      ecosystem: 'npm',
      name,
      displayName: name,
      spec,
      ...(exact ? { pinned: exact } : {}),
      span: { start: entry.keySpan.start, end: entry.valueSpan.end },
      // The alias prefix stays: a fix rewrites the version part only.
      specSpan: { start: entry.valueSpan.end - spec.length, end: entry.valueSpan.end },
    });
  }
  return manifest;
}

/** `workspaces: [...]` (npm, yarn) or `workspaces: { packages: [...] }` (yarn 1). */
function isWorkspaceGlob(keyPath: readonly string[]): boolean {
  if (keyPath[0] !== 'workspaces') return false;
  return (keyPath.length === 2 && keyPath[1] === '[]') || (keyPath.length === 3 && keyPath[1] === 'packages' && keyPath[2] === '[]');
}

/** A version, a range or a dist-tag; not a git/file/URL/workspace requirement. */
function isRegistrySpec(spec: string): boolean {
  return !/^(?:[a-z+]+:|\.{0,2}\/|~\/|[^@\s]+\/[^@\s]+$)/i.test(spec.trim());
}
