// pnpm's lock file (pnpm-lock.yaml): every package version is a key under `packages:` (and, from
// lockfileVersion 9, again under `snapshots:`), the version in the key itself:
//   v9:  '@babel/core@7.23.7':   react-dom@18.2.0(react@18.2.0):
//   v6:  /@babel/core@7.23.7:    /react-dom@18.2.0(react@18.2.0):
//   v5:  /@babel/core/7.23.7:    /react-dom/18.2.0_react@18.2.0:
// Peer and patch suffixes are dropped, so each version is listed once. Keys whose version is not
// a registry version (tarballs, git, `file:`) are left out. The root project's own requirements
// (`importers: .:` from v9 and in workspaces, the top-level `dependencies:` otherwise) say which
// versions are top-level. In a workspace, every other importer is a member (`packages/app`), its
// own requirements' versions listed the same way.
//
// The keys are read line by line: the config reader's YAML entries are scalar values only, and a
// package whose fields are all flow mappings (`resolution: {integrity: …}`, `js-tokens@4.0.0: {}`)
// has none. pnpm writes the file itself: one key per line, at the section's first indentation.
import { indentedLines } from './indented-lines';
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { ConfigEntry } from '../languages/config/model';
import type { LockedPackage, LockFileRead } from './model';

const SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

export function readPnpmLock(text: string): LockedPackage[] {
  return readPnpmLockFile(text).locked;
}

export function readPnpmLockFile(text: string): LockFileRead {
  const { roots, importers, localPackages } = importerVersions(readConfig(text, 'yaml').entries);
  const locked: LockedPackage[] = [];
  const seen = new Set<string>();
  let inPackages = false;
  let keyIndent = -1;
  for (const { line, content, indent, offset: lineOffset } of indentedLines(text)) {
    if (indent === 0) {
      inPackages = /^(?:packages|snapshots):[ \t]*(?:#.*)?$/.test(line);
      keyIndent = -1;
      continue;
    }
    if (!inPackages) continue;
    if (keyIndent === -1) keyIndent = indent;
    if (indent !== keyIndent) continue;
    const key = readKey(content);
    const parsed = key && parsePackageKey(key.text);
    if (!key || !parsed) continue;
    const id = `${parsed.name}@${parsed.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const start = lineOffset + indent + key.start + parsed.versionAt;
    locked.push({ ecosystem: 'npm', name: parsed.name, version: parsed.version, topLevel: roots.has(id), span: { start, end: start + parsed.version.length } });
  }
  return {
    locked,
    ...(importers.size ? { workspace: { kind: 'importers', importers } } : {}),
    ...(localPackages.size ? { localPackages: [...localPackages] } : {}),
  };
}

/** `'@a/b@1.0.0':`, `"x@1.0.0":` or `x@1.0.0:` (with `: {}` or a comment after): the key's text and where it starts in `content`. */
function readKey(content: string): { text: string; start: number } | undefined {
  const quote = content[0];
  if (quote === "'" || quote === '"') {
    const close = content.indexOf(quote, 1);
    return close !== -1 && content[close + 1] === ':' ? { text: content.slice(1, close), start: 1 } : undefined;
  }
  const plain = /^(.+?):(?:[ \t]|$)/.exec(content);
  return plain ? { text: plain[1], start: 0 } : undefined;
}

/** The package and version a `packages:` key (or an importer's `version:` alias) names. */
function parsePackageKey(key: string): { name: string; version: string; versionAt: number } | undefined {
  const bare = key.replace(/\(.*$/, ''); // (peer@1.0.0) and (patch_hash=…) suffixes
  const slashed = /^\/((?:@[^/@]+\/)?[^/@]+)\/([^/_]+)/.exec(bare); // v5
  if (slashed && valid(slashed[2])) return { name: slashed[1], version: slashed[2], versionAt: slashed[1].length + 2 };
  const at = /^(\/?)((?:@[^/@]+\/)?[^/@]+)@([^/@]+)$/.exec(bare); // v6 (with `/`) and v9
  if (at && valid(at[3])) return { name: at[2], version: at[3], versionAt: at[1].length + at[2].length + 1 };
  return undefined;
}

/**
 * `name@version` of each package the root project requires; and per member importer, the version
 * each of its requirements resolves to, by package name.
 */
function importerVersions(entries: readonly ConfigEntry[]): { roots: Set<string>; importers: Map<string, Map<string, string>>; localPackages: Set<string> } {
  const roots = new Set<string>();
  const importers = new Map<string, Map<string, string>>();
  /** Requirements pnpm links to a workspace folder (`version: link:../shared`). */
  const localPackages = new Set<string>();
  for (const entry of entries) {
    const importer = entry.keyPath[0] === 'importers' ? entry.keyPath[1] : '.';
    const path = entry.keyPath[0] === 'importers' ? entry.keyPath.slice(2) : entry.keyPath;
    // `react: { specifier: ^18.2.0, version: 18.2.0 }` (v6, v9), or `react: 18.2.0` (v5).
    const named = path.length === 3 && path[2] === 'version' ? path[1] : path.length === 2 ? path[1] : undefined;
    if (named === undefined || !SECTIONS.has(path[0])) continue;
    if (entry.value.startsWith('link:')) localPackages.add(named);
    const resolved = requirementVersion(named, entry.value);
    if (!resolved) continue;
    if (importer === '.') roots.add(`${resolved.name}@${resolved.version}`);
    else {
      const versions = importers.get(importer) ?? new Map<string, string>();
      importers.set(importer, versions.set(resolved.name, resolved.version));
    }
  }
  return { roots, importers, localPackages };
}

/** An importer's `version:` value: `18.2.0(react@18.2.0)`, `18.2.0_react@18.2.0`, or an alias naming its package (`string-width@4.2.3`, `/string-width@4.2.3`); not `link:`. */
function requirementVersion(named: string, value: string): { name: string; version: string } | undefined {
  const version = value.replace(/[(_].*$/, '');
  if (valid(version)) return { name: named, version };
  const alias = parsePackageKey(value.replace(/^npm:/, ''));
  return alias ? { name: alias.name, version: alias.version } : undefined;
}
