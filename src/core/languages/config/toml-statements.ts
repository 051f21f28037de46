// What the config reader's TOML entries leave out and the Python manifests need: the elements of
// arrays (`dependencies = ["flask==2.2.2", …]`, `foo = [{ version = "<2" }, …]`, which readConfig
// steps over), where each statement and its table's header sit (what an edit removing one needs),
// and where the key owning an inline table or array starts (`Django = { version = "4.2.7" }`:
// readConfig's entry is the inner `version`). One pass over the file's statements — `[table]`/
// `[[array]]` headers and `key = value` lines, values of any kind and length stepped over as TOML
// defines them — never throwing: a line that does not fit is left and reading goes on at the next
// one.
import type { Span } from './model';
import { findQuote, findUnescapedQuote } from './chars';
import { decodeBasicString } from './toml-strings';
import { readDottedKey, readInlineTable as readInlineTableEntries, type PendingEntry } from './toml-values';

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

/** Deeper than any real file; keeps the recursion bounded. */
const MAX_DEPTH = 64;

export function readTomlStatements(text: string): TomlStatement[] {
  const statements: TomlStatement[] = [];
  const arrayTables = new Set<string>();
  let table: string[] = [];
  let header: TomlHeader | undefined;
  let pos = 0;
  while (pos < text.length) {
    pos = skipSpace(text, pos, true);
    if (pos >= text.length) break;
    const lineEnd = endOfLine(text, pos);
    if (text[pos] === '[') {
      const isArrayTable = text[pos + 1] === '[';
      const key = readDottedKey(text, pos + (isArrayTable ? 2 : 1), lineEnd);
      const closing = isArrayTable ? ']]' : ']';
      // A header that does not read leaves its keys in no table a reader looks for.
      table = key && text.startsWith(closing, key.next) ? tablePath(key.segments, isArrayTable, arrayTables) : ['\0'];
      header = key ? { path: table, span: { start: pos, end: key.next + closing.length } } : undefined;
      pos = lineEnd;
      continue;
    }
    const key = readDottedKey(text, pos, lineEnd);
    if (!key || text[key.next] !== '=') {
      pos = lineEnd;
      continue;
    }
    const valueStart = skipSpace(text, key.next + 1, false);
    const value = readValue(text, valueStart, 0);
    if (!value) {
      pos = lineEnd;
      continue;
    }
    const keyStart = text[pos] === '"' || text[pos] === "'" ? pos + 1 : pos;
    statements.push({
      keyPath: [...table, ...key.segments],
      keySpan: { start: keyStart, end: key.lastSpan.end },
      valueSpan: { start: valueStart, end: value.end },
      span: { start: pos, end: value.end },
      ...(value.strings ? { strings: value.strings } : {}),
      ...(value.elements ? { elements: value.elements } : {}),
      ...(header ? { table: header } : {}),
    });
    pos = endOfLine(text, value.end);
  }
  return statements;
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

function tablePath(segments: string[], isArrayTable: boolean, arrayTables: Set<string>): string[] {
  if (isArrayTable) arrayTables.add(segments.join('\0'));
  const path: string[] = [];
  for (let index = 0; index < segments.length; index++) {
    path.push(segments[index]);
    if (arrayTables.has(segments.slice(0, index + 1).join('\0'))) path.push('[]');
  }
  return path;
}

interface ValueRead {
  /** The offset after the value. */
  end: number;
  string?: TomlString;
  strings?: TomlString[];
  elements?: TomlElement[];
}

/** The value at `pos` (string, array, inline table, or a bare number, boolean or date); undefined when it does not read. */
function readValue(text: string, pos: number, depth: number): ValueRead | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const quote = text[pos];
  if (quote === '"' || quote === "'") {
    if (text.startsWith(quote.repeat(3), pos)) {
      const close = multiLineClose(text, pos + 3, quote);
      return close === -1 ? undefined : { end: close + 3 };
    }
    const lineEnd = endOfLine(text, pos);
    const close = quote === '"' ? findUnescapedQuote(text, '"', pos + 1, lineEnd) : findQuote(text, "'", pos + 1, lineEnd);
    if (close === -1) return undefined;
    const value = quote === '"' ? decodeBasicString(text, pos + 1, close, false) : text.slice(pos + 1, close);
    return value === undefined ? undefined : { end: close + 1, string: { value, span: { start: pos + 1, end: close } } };
  }
  if (quote === '[') return readArray(text, pos, depth);
  if (quote === '{') return readInlineTable(text, pos, depth);
  let end = pos;
  while (end < text.length && !/[,\]}#\r\n]/.test(text[end])) end++;
  while (end > pos && /[ \t]/.test(text[end - 1])) end--;
  return end > pos ? { end } : undefined;
}

function readArray(text: string, open: number, depth: number): ValueRead | undefined {
  const strings: TomlString[] = [];
  const elements: TomlElement[] = [];
  let pos = skipSpace(text, open + 1, true);
  while (text[pos] !== ']') {
    const element = readValue(text, pos, depth + 1);
    if (!element) return undefined;
    if (element.string) strings.push(element.string);
    const entries = text[pos] === '{' ? readInlineTableEntries(text, pos + 1, element.end - 1, []) : undefined;
    elements.push({ span: { start: pos, end: element.end }, ...(element.string ? { string: element.string } : {}), ...(entries ? { entries } : {}) });
    pos = skipSpace(text, element.end, true);
    if (text[pos] === ',') pos = skipSpace(text, pos + 1, true);
    else if (text[pos] !== ']') return undefined;
  }
  return { end: pos + 1, strings, elements };
}

function readInlineTable(text: string, open: number, depth: number): ValueRead | undefined {
  let pos = skipSpace(text, open + 1, true);
  while (text[pos] !== '}') {
    const key = readDottedKey(text, pos, text.length);
    if (!key || text[key.next] !== '=') return undefined;
    const value = readValue(text, skipSpace(text, key.next + 1, false), depth + 1);
    if (!value) return undefined;
    pos = skipSpace(text, value.end, true);
    if (text[pos] === ',') pos = skipSpace(text, pos + 1, true);
    else if (text[pos] !== '}') return undefined;
  }
  return { end: pos + 1 };
}

/** The closing `"""`/`'''` from `pos` (a basic string's escaped quotes do not count); up to two quotes before it are content. */
function multiLineClose(text: string, pos: number, quote: string): number {
  const delimiter = quote.repeat(3);
  for (let from = pos; ;) {
    let found = text.indexOf(delimiter, from);
    if (found === -1) return -1;
    let backslashes = 0;
    while (quote === '"' && text[found - backslashes - 1] === '\\' && found - backslashes - 1 >= pos) backslashes++;
    if (backslashes % 2 === 1) {
      from = found + 1;
      continue;
    }
    for (let extra = 0; extra < 2 && text[found + 3] === quote; extra++) found++;
    return found;
  }
}

/** Past blanks, and with `lines` line breaks and comments too (inside arrays and tables, between statements). */
function skipSpace(text: string, pos: number, lines: boolean): number {
  while (pos < text.length) {
    const char = text[pos];
    if (char === ' ' || char === '\t') pos++;
    else if (lines && (char === '\n' || char === '\r')) pos++;
    else if (lines && char === '#') pos = endOfLine(text, pos);
    else break;
  }
  return pos;
}

/** The offset after the line break ending the line at `pos` (the text's end on the last line). */
function endOfLine(text: string, pos: number): number {
  const at = text.indexOf('\n', pos);
  return at === -1 ? text.length : at + 1;
}
