// Pipfile.lock (pipenv's lock file, JSON): each category (`default`, `develop`, and any other
// pipenv wrote) maps package names to `{ "version": "==2.2.2", "hashes": […] }`. A package from
// git or a path has no `version` and is left out. The lock is flat: every package is top-level.
import { readConfig } from '../languages/config';
import type { LockedPackage } from './model';
import { normalizePypiName } from './names';
import { isVersion } from './versions';

export function readPipfileLock(text: string): LockedPackage[] {
  const locked: LockedPackage[] = [];
  for (const entry of readConfig(text, 'json').entries) {
    if (entry.keyPath.length !== 3 || entry.keyPath[0] === '_meta' || entry.key !== 'version') continue;
    const operator = /^===?/.exec(entry.value)?.[0];
    const version = operator && entry.value.slice(operator.length);
    if (!version || !isVersion('PyPI', version)) continue;
    const start = entry.valueSpan.start + operator.length;
    locked.push({ ecosystem: 'PyPI', name: normalizePypiName(entry.keyPath[1]), version, topLevel: true, span: { start, end: start + version.length } });
  }
  return locked;
}
