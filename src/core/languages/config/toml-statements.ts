// What the config document's TOML entries leave out and the Python manifests need: the elements
// of arrays (`dependencies = ["flask==2.2.2", …]`, `foo = [{ version = "<2" }, …]`, which readConfig
// steps over), where each statement and its table's header sit (what an edit removing one needs),
// and where the key owning an inline table or array starts (`Django = { version = "4.2.7" }`:
// readConfig's entry is the inner `version`). Built from the shared reader's items (toml-parser.ts);
// a statement whose value does not read in full is left out.
import type { Span } from './model';
import { joinPaths } from './key-paths';
import { inlineTableEntries, type PendingEntry } from './toml';
import { parseToml, type TomlKeyValueItem } from './toml-parser';
import type { TomlValue } from './toml-values';

export interface TomlString {
  /** Decoded. */
  value: string;
  /** The content, quotes excluded. */
  span: Span;
}

export interface TomlStatement {
  /** Table path then the dotted key; an array-of-tables element is `[]`, as in readConfig. */
  keyPath: string[];
  /** From the first key segment (inside its quotes) to the end of the last. */
  keySpan: Span;
  /** The whole value, brackets and quotes included. */
  valueSpan: Span;
  /** The whole statement: from the key's first character (its quote included) to the value's end. */
  span: Span;
  /** For an array: its string elements (nested arrays and tables not included). */
  strings?: TomlString[];
  /** For an array: every element, in order. */
  elements?: TomlElement[];
  /** The `[table]` or `[[array]]` header the statement sits under; absent above the first. */
  table?: TomlHeader;
}

export interface TomlElement {
  /** The element's value, brackets and quotes included. */
  span: Span;
  string?: TomlString;
  /** An inline table's entries (scalars; their key paths relative to the table). */
  entries?: PendingEntry[];
}

export interface TomlHeader {
  /** As the statements' key paths begin. */
  path: string[];
  /** From its `[` to its last `]`. */
  span: Span;
}

export function readTomlStatements(text: string): TomlStatement[] {
  const statements: TomlStatement[] = [];
  let table: string[] = [];
  let header: TomlHeader | undefined;
  parseToml(text, (item) => {
    if (item.kind === 'header') {
      // A header that does not read leaves its keys in no table a reader looks for.
      table = item.path ?? ['\0'];
      header = item.key ? { path: table, span: { start: item.start, end: item.end ?? item.key.next + (item.isArrayTable ? 2 : 1) } } : undefined;
    } else if (item.kind === 'keyValue' && isWellFormed(item.value())) {
      statements.push(toStatement(text, item, table, header));
    }
  });
  return statements;
}

function toStatement(text: string, item: TomlKeyValueItem, table: string[], header: TomlHeader | undefined): TomlStatement {
  const { key } = item;
  const value = item.value();
  const keyStart = text[item.start] === '"' || text[item.start] === "'" ? item.start + 1 : item.start;
  const statement: TomlStatement = {
    keyPath: joinPaths(table, key.segments),
    keySpan: { start: keyStart, end: key.lastSpan.end },
    valueSpan: { start: value.start, end: value.end },
    span: { start: item.start, end: value.end },
  };
  if (value.kind === 'array') {
    // Plain loops: a lock file's arrays run to thousands of elements.
    const strings: TomlString[] = [];
    const elements: TomlElement[] = [];
    for (const element of value.items) {
      const read: TomlElement = { span: { start: element.start, end: element.end } };
      const string = singleLineString(element);
      if (string) read.string = string;
      if (string) strings.push(string);
      const entries = element.kind === 'table' ? inlineTableEntries(element, []) : undefined;
      if (entries) read.entries = entries;
      elements.push(read);
    }
    statement.strings = strings;
    statement.elements = elements;
  }
  if (header) statement.table = header;
  return statement;
}

function singleLineString(value: TomlValue): TomlString | undefined {
  return value.kind === 'string' && !value.multiLine && value.value !== undefined ? { value: value.value, span: value.content } : undefined;
}

/**
 * What the manifests may trust: no empty or unreadable value, no missing or doubled comma, and no
 * invalid escape in a single-line string (multi-line ones are only stepped over) anywhere inside.
 */
function isWellFormed(value: TomlValue): boolean {
  switch (value.kind) {
    case 'string':
      return value.multiLine || value.value !== undefined;
    case 'bare':
      return value.raw !== '';
    case 'array':
      return !value.loose && value.items.every(isWellFormed);
    case 'table':
      return !value.loose && value.entries.every((entry) => isWellFormed(entry.value));
    case 'unreadable':
      return false;
  }
}

/**
 * Where the key owning the value at `offset` starts: the statement at `keyPath` whose value holds
 * it (`Django = { version = "4.2.7" }` for the `version` entry of ['…', 'Django']).
 */
export function ownerKeyStart(statements: readonly TomlStatement[], keyPath: readonly string[], offset: number): number | undefined {
  const owner = statements.find(
    (statement) =>
      statement.valueSpan.start <= offset &&
      offset < statement.valueSpan.end &&
      statement.keyPath.length === keyPath.length &&
      statement.keyPath.every((segment, index) => segment === keyPath[index]),
  );
  return owner?.keySpan.start;
}
