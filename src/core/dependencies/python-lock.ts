// poetry.lock and uv.lock (TOML): one `[[package]]` table per locked version, with `name` and
// `version`. Only registry packages are read: Poetry marks the others with a `[package.source]`
// type (git, directory, file, url); uv gives each package a `source`, where `registry` is the only
// registry one — `{ editable = "." }` and `{ virtual = "." }` are the project itself, and git,
// path, directory and URL sources name no registry version. The locks are flat: every package
// is top-level.
//
// A uv workspace locks all its members in the root's uv.lock: `[manifest] members` names them,
// and each member is a package whose editable or virtual source is its folder; their requirements
// resolve through the one set of locked packages.
import { readConfig } from '../languages/config';
import type { ConfigEntry } from '../languages/config/model';
import { readTomlStatements } from '../languages/config/toml-statements';
import type { LockedPackage, LockFileRead } from './model';
import { normalizePypiName } from './names';
import { isVersion } from './versions';

const POETRY_NOT_REGISTRY = new Set(['git', 'directory', 'file', 'url']);

export function readPythonLock(text: string, format: 'poetry' | 'uv'): LockedPackage[] {
  return readPythonLockFile(text, format).locked;
}

export function readPythonLockFile(text: string, format: 'poetry' | 'uv'): LockFileRead {
  const document = readConfig(text, 'toml');
  // The elements of the array of tables, by their `[[package]]` headers (not one inside a multi-line string).
  const strings = document.entries.filter((entry) => entry.quote !== undefined && text.slice(entry.valueSpan.start, entry.valueSpan.end).includes('\n'));
  const headers = [...text.matchAll(/^[ \t]*\[\[[ \t]*package[ \t]*\]\]/gm)]
    .map((match) => match.index)
    .filter((offset) => !strings.some((entry) => entry.valueSpan.start <= offset && offset < entry.valueSpan.end));
  const packages: { name?: ConfigEntry; version?: ConfigEntry; source: Map<string, string> }[] = headers.map(() => ({ source: new Map() }));
  let element = -1;
  for (const entry of document.entries) {
    if (entry.keyPath[0] !== 'package' || entry.keyPath[1] !== '[]') continue;
    while (element + 1 < headers.length && headers[element + 1] < entry.keySpan.start) element++;
    const found = packages[element];
    if (!found) continue;
    if (entry.keyPath.length === 3 && entry.key === 'name') found.name = entry;
    else if (entry.keyPath.length === 3 && entry.key === 'version') found.version = entry;
    else if (entry.keyPath.length === 4 && entry.keyPath[2] === 'source') found.source.set(entry.key, entry.value);
  }
  const locked: LockedPackage[] = [];
  for (const { name, version, source } of packages) {
    if (!name || !version || !isVersion('PyPI', version.value)) continue;
    const fromRegistry = format === 'poetry' ? !POETRY_NOT_REGISTRY.has(source.get('type') ?? '') : source.size === 0 || source.has('registry');
    if (!fromRegistry) continue;
    locked.push({ ecosystem: 'PyPI', name: normalizePypiName(name.value), version: version.value, topLevel: true, span: version.valueSpan });
  }
  const members = format === 'uv' ? uvMembers(text, packages) : [];
  if (!members.length) return { locked };
  const versions = new Map<string, string[]>();
  for (const { name, version } of locked) versions.set(name, [...(versions.get(name) ?? []), version]);
  return { locked, workspace: { kind: 'flat', members, versions } };
}

/** The folders of the members `[manifest] members` names (the root's own `.` left out). */
function uvMembers(text: string, packages: readonly { name?: ConfigEntry; source: Map<string, string> }[]): string[] {
  if (!/^[ \t]*\[[ \t]*manifest[ \t]*\]/m.test(text)) return [];
  const named = readTomlStatements(text).find(
    (statement) => statement.keyPath.length === 2 && statement.keyPath[0] === 'manifest' && statement.keyPath[1] === 'members',
  );
  const names = new Set((named?.strings ?? []).map((string) => normalizePypiName(string.value)));
  const folders: string[] = [];
  for (const { name, source } of packages) {
    const folder = source.get('editable') ?? source.get('virtual');
    if (!name || folder === undefined || !names.has(normalizePypiName(name.value))) continue;
    const relative = folder.replace(/^\.\//, '').replace(/\/+$/, '');
    if (relative && relative !== '.') folders.push(relative);
  }
  return folders;
}
