// The value tree the config switches are read from. The shared config reader (readConfig) keeps
// scalar entries only: it steps over TOML arrays and YAML flow collections without entries and
// gives every list element the same `[]` segment. Switches live exactly there (`skips = ["B608"]`,
// `ignore = ["S"]`, `rules: { no-eval: [off] }`, which `overrides[i]` a rule belongs to), so the
// switch readers build this small tree instead: maps, lists and scalars with exact spans.
import type { Span } from '../../languages/config';

export interface ConfigScalar {
  kind: 'scalar';
  /** The value as the format defines it: unquoted and unescaped. */
  value: string;
  /** Where the value's text sits, quotes excluded. */
  span: Span;
  quoted: boolean;
}

export interface ConfigList {
  kind: 'list';
  items: ConfigNode[];
}

export interface ConfigMapEntry {
  key: string;
  keySpan: Span;
  value: ConfigNode;
}

export interface ConfigMap {
  kind: 'map';
  entries: ConfigMapEntry[];
}

export type ConfigNode = ConfigScalar | ConfigList | ConfigMap;

export function newMap(): ConfigMap {
  return { kind: 'map', entries: [] };
}

export function newList(): ConfigList {
  return { kind: 'list', items: [] };
}

/** The value under `key` (the first one when a broken file repeats the key). */
export function child(node: ConfigNode | undefined, key: string): ConfigNode | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((entry) => entry.key === key)?.value;
}

/** The value at a key path, stepping through maps only. */
export function childAt(node: ConfigNode | undefined, path: readonly string[]): ConfigNode | undefined {
  let current = node;
  for (const key of path) current = child(current, key);
  return current;
}

/** A map's entries; none for anything else. */
export function entriesOf(node: ConfigNode | undefined): ConfigMapEntry[] {
  return node?.kind === 'map' ? node.entries : [];
}

/** A list's items; none for anything else. */
export function itemsOf(node: ConfigNode | undefined): ConfigNode[] {
  return node?.kind === 'list' ? node.items : [];
}

/** The scalars of a list (nested lists flattened), or the scalar itself. */
export function scalarsOf(node: ConfigNode | undefined): ConfigScalar[] {
  if (!node) return [];
  if (node.kind === 'scalar') return [node];
  if (node.kind === 'list') return node.items.flatMap(scalarsOf);
  return [];
}
