// npm's lock files (package-lock.json, npm-shrinkwrap.json): the version every installed package
// resolves to. Format 2 and 3 list `packages` by install path (`node_modules/a/node_modules/b`);
// format 1 nests `dependencies`. Linked (workspace) entries have no registry version.
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { LockedPackage } from './model';

export function readPackageLock(text: string): LockedPackage[] {
  const document = readConfig(text, 'json');
  const byInstallPath = document.entries.some((entry) => entry.keyPath[0] === 'packages');
  const locked: LockedPackage[] = [];
  for (const entry of document.entries) {
    if (entry.key !== 'version' || !valid(entry.value)) continue;
    const name = byInstallPath ? packagesName(entry.keyPath) : dependenciesName(entry.keyPath);
    if (!name) continue;
    const topLevel = byInstallPath ? entry.keyPath[1] === `node_modules/${name}` : entry.keyPath.length === 3;
    locked.push({ ecosystem: 'npm', name, version: entry.value, span: entry.valueSpan, topLevel });
  }
  return locked;
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
