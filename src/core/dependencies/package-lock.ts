// npm's lock files (package-lock.json, npm-shrinkwrap.json): the version every installed package
// resolves to. Format 2 and 3 list `packages` by install path (`node_modules/a/node_modules/b`);
// format 1 nests `dependencies`. Linked (workspace) entries have no registry version.
//
// A workspace root's lock (format 2 and 3; format 1 has no workspaces) also lists each member by
// its folder (`"packages/app": { "name": "app", … }`) beside the root entry's `workspaces` globs;
// a member's packages install in `packages/app/node_modules/` or, hoisted, in the root's.
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { LockedPackage, LockFileRead } from './model';
import { workspaceGlobs } from './workspace-globs';

export function readPackageLock(text: string): LockedPackage[] {
  return readPackageLockFile(text).locked;
}

export function readPackageLockFile(text: string): LockFileRead {
  const document = readConfig(text, 'json');
  const byInstallPath = document.entries.some((entry) => entry.keyPath[0] === 'packages');
  const locked: LockedPackage[] = [];
  const installed = new Map<string, string | undefined>();
  const folders = new Set<string>();
  const globs: string[] = [];
  const localPackages = new Set<string>();
  for (const entry of document.entries) {
    if (byInstallPath && entry.key === 'link' && entry.value === 'true') {
      const linked = packagesName(entry.keyPath);
      if (linked) localPackages.add(linked);
    }
    if (byInstallPath && entry.keyPath[0] === 'packages' && entry.keyPath.length >= 3) {
      const path = entry.keyPath[1];
      if (path === '' && entry.keyPath[2] === 'workspaces' && entry.keyPath[3] === '[]') globs.push(entry.value);
      else if (isInstallPath(path)) {
        if (!installed.has(path)) installed.set(path, undefined); // a link, until a version shows
        if (entry.keyPath.length === 3 && entry.key === 'version' && valid(entry.value)) installed.set(path, entry.value);
      } else if (path !== '') folders.add(path);
    }
    if (entry.key !== 'version' || !valid(entry.value)) continue;
    const name = byInstallPath ? packagesName(entry.keyPath) : dependenciesName(entry.keyPath);
    if (!name) continue;
    const topLevel = byInstallPath ? entry.keyPath[1] === `node_modules/${name}` : entry.keyPath.length === 3;
    locked.push({ ecosystem: 'npm', name, version: entry.value, span: entry.valueSpan, topLevel });
  }
  // A folder entry the globs do not name is a `file:` dependency's, not a member's.
  const members = workspaceGlobs(globs).filter([...folders]);
  return {
    locked,
    ...(members.length ? { workspace: { kind: 'install-paths', members, installed } } : {}),
    ...(localPackages.size ? { localPackages: [...localPackages] } : {}),
  };
}

function isInstallPath(path: string): boolean {
  return /(?:^|\/)node_modules\//.test(path);
}

/** `packages["node_modules/a/node_modules/@s/b"].version` → `@s/b`; the root ("") is the project itself. */
function packagesName(keyPath: readonly string[]): string | undefined {
  if (keyPath.length !== 3 || keyPath[0] !== 'packages') return undefined;
  const at = keyPath[1].lastIndexOf('node_modules/');
  return at === -1 ? undefined : keyPath[1].slice(at + 'node_modules/'.length) || undefined;
}

/** `dependencies.a.dependencies.b.version` → `b` (format 1). */
function dependenciesName(keyPath: readonly string[]): string | undefined {
  if (keyPath.length < 3 || keyPath.length % 2 === 0) return undefined;
  for (let index = 0; index < keyPath.length - 1; index += 2) if (keyPath[index] !== 'dependencies') return undefined;
  return keyPath[keyPath.length - 2];
}
