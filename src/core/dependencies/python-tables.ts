// Package tables as Poetry (`[tool.poetry.dependencies]`) and Pipfile (`[packages]`) write them:
// `name = "spec"`, `name = { version = "spec", extras = […] }`, or a `[….name]` table with a
// `version` key; and Poetry's multiple constraints, an array of such inline tables, each for its
// own Pythons or markers (`name = [{ version = "<2", python = "<3.8" }, { version = "^2", python = ">=3.8" }]`),
// or the same array written as `[[….name]]` tables, one declaration per constraint. A package (or constraint) from git, a path, a file or a URL
// names no registry version and is left out, as is one without a version.
import { readConfig } from '../languages/config';
import type { ConfigEntry } from '../languages/config/model';
import type { DeclaredDependency } from './model';
import { normalizePypiName } from './names';
import { ownerKeyStart, readTomlStatements, type TomlHeader, type TomlStatement } from '../languages/config/toml-statements';

const NOT_REGISTRY = new Set(['git', 'hg', 'svn', 'bzr', 'path', 'file', 'url']);

export interface PackageTables {
  /** How many leading segments of a key path name a package table (`['packages']`: 1), if they do. */
  tableDepth(keyPath: readonly string[]): number | undefined;
  /** The one version `spec` allows, if it pins one. */
  pinnedOf(spec: string): string | undefined;
  /** Whether a package may be an array of constraints (Poetry). */
  constraintArrays?: boolean;
}

/** `statements`: the file's, when the caller has read them already. */
export function readPackageTables(text: string, tables: PackageTables, statements: readonly TomlStatement[] = readTomlStatements(text)): DeclaredDependency[] {
  const packages = new Map<string, { table: string[]; name: string; spec?: ConfigEntry; inTable: boolean; keys: Set<string> }>();
  const entries = readConfig(text, 'toml').entries;
  for (const entry of entries) {
    const depth = tables.tableDepth(entry.keyPath);
    if (depth === undefined || entry.keyPath.length < depth + 1 || entry.keyPath.length > depth + 2) continue;
    const table = entry.keyPath.slice(0, depth);
    const name = entry.keyPath[depth];
    const id = [...table, name].join('\0');
    const found = packages.get(id) ?? { table, name, inTable: false, keys: new Set<string>() };
    packages.set(id, found);
    const field = entry.keyPath[depth + 1];
    if (field === undefined || field === 'version') {
      found.spec = entry;
      found.inTable = field !== undefined;
    }
    if (field !== undefined) found.keys.add(field);
  }
  const declared: DeclaredDependency[] = [];
  for (const { table, name, spec, inTable, keys } of packages.values()) {
    if (!spec || [...keys].some((key) => NOT_REGISTRY.has(key))) continue;
    // `Django = { version = "4.2.7" }`: from the package's key; a `[….Django]` table: from `version`.
    const start = inTable ? (ownerKeyStart(statements, [...table, name], spec.valueSpan.start) ?? spec.keySpan.start) : spec.keySpan.start;
    const dependency = declarationOf(text, tables, name, spec, start);
    if (dependency) declared.push(dependency);
  }
  if (tables.constraintArrays)
    declared.push(...constraintDeclarations(text, tables, statements), ...constraintTableDeclarations(text, tables, statements, entries));
  return declared.sort((a, b) => a.span.start - b.span.start);
}

/** `name = [{ version = "…", python = "…" }, …]`: each constraint from a registry, from its `{` to its version. */
function constraintDeclarations(text: string, tables: PackageTables, statements: readonly TomlStatement[]): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  for (const statement of statements) {
    const depth = tables.tableDepth(statement.keyPath);
    if (depth === undefined || statement.keyPath.length !== depth + 1 || !statement.elements) continue;
    const name = statement.keyPath[depth];
    for (const { span, entries } of statement.elements) {
      const version = entries?.find((entry) => entry.keyPath.length === 1 && entry.keyPath[0] === 'version');
      if (!version || entries!.some((entry) => NOT_REGISTRY.has(entry.keyPath[0]))) continue;
      const dependency = declarationOf(text, tables, name, version, span.start);
      if (dependency) declared.push({ ...dependency, partOf: statement.span });
    }
  }
  return declared;
}

/**
 * `[[tool.poetry.dependencies.name]]` tables, each with its `version` (and `python` or `markers`):
 * the array of constraints written as tables, one declaration per table, from its header to its
 * version. No `partOf`: removing one table would leave the package's others, so no removal is offered.
 */
function constraintTableDeclarations(
  text: string,
  tables: PackageTables,
  statements: readonly TomlStatement[],
  entries: readonly ConfigEntry[],
): DeclaredDependency[] {
  // A quoted value's entry starts one character after its statement's value (past the quote).
  const entryAt = new Map(entries.map((entry) => [entry.valueSpan.start, entry]));
  const constraints = new Map<number, { name: string; header: TomlHeader; keys: Set<string>; version?: ConfigEntry }>();
  for (const statement of statements) {
    const depth = tables.tableDepth(statement.keyPath);
    if (depth === undefined || statement.keyPath.length !== depth + 3 || statement.keyPath[depth + 1] !== '[]' || !statement.table) continue;
    const header = statement.table;
    let constraint = constraints.get(header.span.start);
    if (!constraint) constraints.set(header.span.start, (constraint = { name: statement.keyPath[depth], header, keys: new Set() }));
    const field = statement.keyPath[depth + 2];
    constraint.keys.add(field);
    if (field === 'version') constraint.version = entryAt.get(statement.valueSpan.start + 1);
  }
  const declared: DeclaredDependency[] = [];
  for (const { name, header, keys, version } of constraints.values()) {
    if (!version || [...keys].some((key) => NOT_REGISTRY.has(key))) continue;
    const dependency = declarationOf(text, tables, name, version, header.span.start);
    if (dependency) declared.push(dependency);
  }
  return declared;
}

/**
 * A package's (or one constraint's) declaration from its version string, reported from `start` to
 * the string's end. A requirement is a string as written (no escapes), so that a fix can replace
 * its text: any other is left out.
 */
function declarationOf(
  text: string,
  tables: PackageTables,
  name: string,
  version: Pick<ConfigEntry, 'quote' | 'value' | 'valueSpan'>,
  start: number,
): DeclaredDependency | undefined {
  if (!version.quote || text.slice(version.valueSpan.start, version.valueSpan.end) !== version.value) return undefined;
  const pinned = tables.pinnedOf(version.value);
  return {
    ecosystem: 'PyPI',
    name: normalizePypiName(name),
    displayName: name,
    spec: version.value,
    ...(pinned ? { pinned } : {}),
    span: { start, end: version.valueSpan.end },
    specSpan: version.valueSpan,
  };
}
