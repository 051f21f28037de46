// yarn's lock file, in both of its formats. Yarn 1 writes its own text format, one entry per
// resolved version under the requirements (descriptors) it satisfies:
//   "@babel/code-frame@^7.0.0", "@babel/code-frame@^7.22.13":
//     version "7.23.5"
// Yarn 2+ (berry) writes YAML, with `__metadata` first and the protocol in every descriptor:
//   "lodash@npm:^4.17.21":
//     version: 4.17.21
//     resolution: "lodash@npm:4.17.21"
// Only registry packages are read (not git, file, link, workspace or patch entries); an alias
// (`string-width-cjs@npm:string-width@^4.2.0`) counts as the package it names, as in package.json.
// Yarn does not record where a package installs: every entry is top-level, except in a berry lock
// that lists the root workspace, whose own descriptors then say which entries it requires.
// Every descriptor's version is kept too (`lodash@^4.17.21` → 4.17.21, `npm:` left out): a
// workspace member's requirement resolves through the root's lock by its name and range.
import { indentedLines } from './indented-lines';
import { valid } from 'semver';
import { readConfig } from '../languages/config';
import type { ConfigEntry } from '../languages/config/model';
import type { LockedPackage, LockFileRead } from './model';

export function readYarnLock(text: string): LockedPackage[] {
  return readYarnLockFile(text).locked;
}

export function readYarnLockFile(text: string): LockFileRead {
  const descriptors = new Map<string, string>();
  const localPackages = new Set<string>();
  const locked = /^__metadata:/m.test(text) ? readBerryLock(text, descriptors, localPackages) : readClassicLock(text, descriptors);
  return {
    locked,
    ...(descriptors.size ? { workspace: { kind: 'descriptors', descriptors } } : {}),
    ...(localPackages.size ? { localPackages: [...localPackages] } : {}),
  };
}

function readClassicLock(text: string, descriptors: Map<string, string>): LockedPackage[] {
  const locked: LockedPackage[] = [];
  /** The entry being read, while it is a registry one and its version is still to come. */
  let entry: { name: string; descriptors: string[] } | undefined;
  let fieldIndent = -1;
  for (const { line, content, indent, offset: lineOffset } of indentedLines(text)) {
    if (indent === 0) {
      entry = line.endsWith(':') ? classicEntry(line.slice(0, -1)) : undefined;
      fieldIndent = -1;
      continue;
    }
    if (entry === undefined) continue;
    // The entry's own fields sit at its first indentation; deeper lines (its `dependencies`) are not its version.
    if (fieldIndent === -1) fieldIndent = indent;
    if (indent !== fieldIndent) continue;
    const field = /^version[ \t]+(?:"([^"]*)"|([^\s"]+))[ \t]*$/.exec(content);
    const version = field?.[1] ?? field?.[2];
    if (!field || !version || !valid(version)) continue;
    const start = lineOffset + indent + field[0].indexOf(version, 'version'.length);
    locked.push({ ecosystem: 'npm', name: entry.name, version, topLevel: true, span: { start, end: start + version.length } });
    for (const descriptor of entry.descriptors) descriptors.set(descriptor, version);
    entry = undefined;
  }
  return locked;
}

/** `"a@^1.0.0", a@~1.1.0` → `a` and its descriptors, when every one is a registry requirement of one package. */
function classicEntry(header: string): { name: string; descriptors: string[] } | undefined {
  let name: string | undefined;
  const descriptors: string[] = [];
  for (const written of header.split(',')) {
    const descriptor = parseDescriptor(unquote(written.trim()));
    if (!descriptor || isNonRegistryRange(descriptor.range) || (name !== undefined && descriptor.name !== name)) return undefined;
    name = descriptor.name;
    descriptors.push(`${descriptor.name}@${descriptor.range}`);
  }
  return name === undefined ? undefined : { name, descriptors };
}

/** `localPackages` gets the workspace's own packages (`shared@workspace:packages/shared`); yarn 1 does not list them. */
function readBerryLock(text: string, descriptors: Map<string, string>, localPackages: Set<string>): LockedPackage[] {
  const entries = new Map<string, { version?: ConfigEntry; resolution?: string }>();
  /** The descriptors the root workspace (`app@workspace:.`) requires, when the lock lists it. */
  let rootRequires: Set<string> | undefined;
  for (const entry of readConfig(text, 'yaml').entries) {
    const [header, field] = entry.keyPath;
    if (header === '__metadata') continue;
    if (entry.keyPath.length === 2 && (field === 'version' || field === 'resolution')) {
      const fields = entries.get(header) ?? {};
      if (field === 'version') fields.version = entry;
      else fields.resolution = entry.value;
      entries.set(header, fields);
    } else if (entry.keyPath.length === 3 && field === 'dependencies' && berryDescriptors(header).some((descriptor) => descriptor.endsWith('@workspace:.'))) {
      // Older locks leave out the default `npm:` protocol here, never in the entries' headers.
      rootRequires ??= new Set();
      rootRequires.add(`${entry.key}@${/^[a-z]+:/i.test(entry.value) ? entry.value : `npm:${entry.value}`}`);
    }
  }
  const locked: LockedPackage[] = [];
  for (const [header, { version, resolution }] of entries) {
    // The resolution names the package and its source: `lodash@npm:4.17.21`; an alias resolves to the real name.
    const resolved = resolution === undefined ? undefined : parseDescriptor(resolution);
    if (resolved?.range.startsWith('workspace:')) localPackages.add(resolved.name);
    if (!resolved || !version || !resolved.range.startsWith('npm:') || !valid(resolved.range.slice('npm:'.length)) || !valid(version.value)) continue;
    const topLevel = !rootRequires || berryDescriptors(header).some((descriptor) => rootRequires!.has(descriptor));
    locked.push({ ecosystem: 'npm', name: resolved.name, version: version.value, topLevel, span: version.valueSpan });
    // `lodash@npm:^4.17.21`, as package.json writes it: `^4.17.21`.
    for (const descriptor of berryDescriptors(header).map(parseDescriptor))
      if (descriptor) descriptors.set(`${descriptor.name}@${descriptor.range.replace(/^npm:/, '')}`, version.value);
  }
  return locked;
}

function berryDescriptors(header: string): string[] {
  return header.split(',').map((descriptor) => descriptor.trim());
}

/** `name@range`, `@scope/name@range`; an `npm:other@range` alias gives the package it names. */
function parseDescriptor(descriptor: string): { name: string; range: string } | undefined {
  const at = descriptor.indexOf('@', 1);
  if (at <= 0) return undefined;
  const alias = /^npm:((?:@[^/@\s]+\/)?[^/@\s]+)@(.*)$/.exec(descriptor.slice(at + 1));
  return alias ? { name: alias[1], range: alias[2] } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** A git, URL, file, link or workspace requirement, or a `user/repo` shorthand (as package.json's reader decides). */
function isNonRegistryRange(range: string): boolean {
  return /^(?:[a-z+]+:|\.{0,2}\/|~\/|[^@\s]+\/[^@\s]+$)/i.test(range.trim());
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
