// TOML as a config document, from the shared reader (toml-parser.ts): headers give the keyPath
// prefix (`[]` marks an element of an array of tables), dotted and quoted keys extend it. Strings
// (basic, literal, multi-line) become entries with their decoded value; numbers, booleans and
// dates become entries with their raw text; inline tables give the entries of their strings and
// bare values at any depth; arrays give no entries. A value with anything but a comment after it
// on its line gives no entry either.
import type { Quote } from './document';
import type { ConfigDocument, Span } from './model';
import { addHashComment, ConfigDocumentBuilder, readLineTail } from './document';
import { joinPaths } from './key-paths';
import { HASH, trimBlanksEnd } from './chars';
import { parseToml, type TomlKeyValueItem } from './toml-parser';
import { isBareValue, type TomlTable, type TomlValue } from './toml-values';

export interface PendingEntry {
  keyPath: string[];
  keySpan: Span;
  value: string;
  valueSpan: Span;
  quote?: Quote;
}

export function readToml(text: string): ConfigDocument {
  const doc = new ConfigDocumentBuilder(text, 'toml');
  let tablePath: string[] = [];
  parseToml(text, (item) => {
    if (item.kind === 'comment') addHashComment(doc, text, item.start, item.end);
    else if (item.kind === 'problem') doc.addProblem(item.message, item.span.start, item.span.end);
    else if (item.kind === 'keyValue') addKeyValue(doc, text, joinPaths(tablePath, item.key.segments), item);
    else if (item.kind !== 'header') return;
    else if (item.path && item.end !== undefined) {
      readLineTail(doc, text, item.end, item.lineEnd);
      tablePath = item.path;
    } else {
      // The keys below a broken header still belong somewhere; naming the table by its raw header keeps them apart.
      tablePath = [text.slice(item.start, trimBlanksEnd(text, item.start, item.lineEnd))];
    }
  });
  return doc.build();
}

function addKeyValue(doc: ConfigDocumentBuilder, text: string, keyPath: string[], item: TomlKeyValueItem): void {
  const { lineEnd } = item;
  const keySpan = item.key.lastSpan;
  // Arrays give no entries: their inside is never read here.
  const value = item.bracket === '[' ? undefined : item.value();
  if (value?.kind === 'bare') {
    addBareValue(doc, text, keyPath, keySpan, value.start, lineEnd);
    return;
  }
  if (!readLineTail(doc, text, item.end, lineEnd) || !value) return;
  if (value.kind === 'string') {
    if (value.value === undefined) doc.addProblem('invalid escape in a string', value.start, value.end);
    else doc.addEntry(keyPath, keySpan, value.value, value.content, value.quote);
  } else {
    const entries = value.kind === 'table' ? inlineTableEntries(value, keyPath) : undefined;
    if (!entries) doc.addProblem('could not read the inline table', value.start, item.end);
    else for (const entry of entries) doc.addEntry(entry.keyPath, entry.keySpan, entry.value, entry.valueSpan, entry.quote);
  }
}

/** A number, boolean or date: everything up to a comment must be one, or there is no entry. */
function addBareValue(doc: ConfigDocumentBuilder, text: string, keyPath: string[], keySpan: Span, pos: number, lineEnd: number): void {
  let end = pos;
  while (end < lineEnd && text.charCodeAt(end) !== HASH) end++;
  const commentStart = end < lineEnd ? end : -1;
  end = trimBlanksEnd(text, pos, end);
  const raw = text.slice(pos, end);
  if (!isBareValue(raw)) {
    doc.addProblem('not a TOML value (strings need quotes)', pos, lineEnd);
    return;
  }
  doc.addEntry(keyPath, keySpan, raw, { start: pos, end });
  if (commentStart !== -1) addHashComment(doc, text, commentStart, lineEnd);
}

/**
 * The entries of an inline table's strings and bare values, nested tables included, arrays
 * stepped over. Undefined when a comma is missing or doubled, or a value is not a plain single-line
 * one (a multi-line string, an invalid escape, a bare word), so that a misread table contributes no entries at all.
 */
export function inlineTableEntries(table: TomlTable, basePath: readonly string[]): PendingEntry[] | undefined {
  if (table.loose) return undefined;
  const entries: PendingEntry[] = [];
  for (const { key, value } of table.entries) {
    const keyPath = joinPaths(basePath, key.segments);
    const added = addInlineEntries(entries, keyPath, key.lastSpan, value);
    if (!added) return undefined;
  }
  return entries;
}

function addInlineEntries(entries: PendingEntry[], keyPath: string[], keySpan: Span, value: TomlValue): boolean {
  switch (value.kind) {
    case 'string':
      if (value.multiLine || value.value === undefined) return false;
      entries.push({ keyPath, keySpan, value: value.value, valueSpan: value.content, quote: value.quote });
      return true;
    case 'bare':
      if (!isBareValue(value.raw)) return false;
      entries.push({ keyPath, keySpan, value: value.raw, valueSpan: { start: value.start, end: value.end } });
      return true;
    case 'table': {
      const inner = inlineTableEntries(value, keyPath);
      if (inner) entries.push(...inner);
      return inner !== undefined;
    }
    case 'array':
      return true;
    case 'unreadable':
      return value.opener === '[';
  }
}
