// pyproject.toml and ruff.toml as a value tree, built from the shared TOML reader's items
// (languages/config/toml-parser.ts). Unlike the config document it keeps arrays, which is where
// Bandit skips and Ruff ignores live. A statement whose value does not read in full (an invalid
// escape, an unreadable array) is left out; keys under a broken header belong nowhere; and an
// unterminated multi-line string ends the reading, since by TOML the rest of the file is its text.
import { parseToml } from '../../languages/config/toml-parser';
import type { TomlValue } from '../../languages/config/toml-values';
import type { Span } from '../../languages/config';
import { newList, newMap, type ConfigMap, type ConfigNode } from './tree';

export function readTomlTree(text: string): ConfigMap {
  const root = newMap();
  let table = root;
  let ended = false;
  parseToml(text, (item) => {
    if (ended || item.kind === 'openString') {
      ended = true;
    } else if (item.kind === 'header') {
      const { key, path, isArrayTable } = item;
      if (!key || !path) table = newMap();
      else table = isArrayTable ? appendArrayTable(root, key.segments, key.lastSpan) : openTable(root, key.segments, key.lastSpan);
    } else if (item.kind === 'keyValue') {
      const node = toNode(item.value());
      if (node) assign(table, item.key.segments, item.key.lastSpan, node);
    }
  });
  return root;
}

function toNode(value: TomlValue): ConfigNode | undefined {
  switch (value.kind) {
    case 'string':
      return value.value === undefined ? undefined : { kind: 'scalar', value: value.value, span: value.content, quoted: true };
    case 'bare':
      return value.raw === '' ? undefined : { kind: 'scalar', value: value.raw, span: { start: value.start, end: value.end }, quoted: false };
    case 'array': {
      const list = newList();
      for (const item of value.items) {
        const node = toNode(item);
        if (!node) return undefined;
        list.items.push(node);
      }
      return list;
    }
    case 'table': {
      const map = newMap();
      for (const { key, value: entryValue } of value.entries) {
        const node = toNode(entryValue);
        if (!node) return undefined;
        assign(map, key.segments, key.lastSpan, node);
      }
      return map;
    }
    case 'unreadable':
      return undefined;
  }
}

/** `[a.b]`: the table at that path, created as needed; under `[[a]]`, inside a's last element. */
function openTable(root: ConfigMap, segments: string[], keySpan: Span): ConfigMap {
  let table = root;
  for (const segment of segments) {
    const existing = table.entries.find((entry) => entry.key === segment)?.value;
    const lastElement = existing?.kind === 'list' ? existing.items[existing.items.length - 1] : undefined;
    if (existing?.kind === 'map') {
      table = existing;
    } else if (lastElement?.kind === 'map') {
      table = lastElement;
    } else if (existing) {
      return newMap(); // a table over a scalar: broken TOML
    } else {
      const created = newMap();
      table.entries.push({ key: segment, keySpan, value: created });
      table = created;
    }
  }
  return table;
}

/** `[[a.b]]`: a new table appended to the array of tables at that path. */
function appendArrayTable(root: ConfigMap, segments: string[], keySpan: Span): ConfigMap {
  const parent = openTable(root, segments.slice(0, -1), keySpan);
  const last = segments[segments.length - 1];
  const created = newMap();
  const existing = parent.entries.find((entry) => entry.key === last)?.value;
  if (existing?.kind === 'list') existing.items.push(created);
  else if (!existing) parent.entries.push({ key: last, keySpan, value: { kind: 'list', items: [created] } });
  return created;
}

/** `a.b.c = value` inside `table`: intermediate tables created as needed. */
function assign(table: ConfigMap, segments: string[], keySpan: Span, value: ConfigNode): void {
  const parent = openTable(table, segments.slice(0, -1), keySpan);
  parent.entries.push({ key: segments[segments.length - 1], keySpan, value });
}
