// npm manifests: `dependencies`, `devDependencies` and `optionalDependencies` of a package.json.
// Requirements that are not registry versions (git, file, URL, workspace) have nothing to look
// up and are left out; `npm:` aliases count as the package they name.
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { DeclaredDependency } from './model';

const SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

export function readPackageJson(text: string): DeclaredDependency[] {
  const dependencies: DeclaredDependency[] = [];
  for (const entry of readConfig(text, 'json').entries) {
    if (entry.keyPath.length !== 2 || !SECTIONS.has(entry.keyPath[0])) continue;
    const alias = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)@(.*)$/.exec(entry.value);
    const name = alias ? alias[1] : entry.key;
    const spec = alias ? alias[2] : entry.value;
    if (!isRegistrySpec(spec)) continue;
    const exact = valid(spec.replace(/^=/, ''));
    dependencies.push({
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
  return dependencies;
}

/** A version, a range or a dist-tag; not a git/file/URL/workspace requirement. */
function isRegistrySpec(spec: string): boolean {
  return !/^(?:[a-z+]+:|\.{0,2}\/|~\/|[^@\s]+\/[^@\s]+$)/i.test(spec.trim());
}
