// A TOML value tree for pyproject.toml and ruff.toml: `[table]` and `[[array]]` headers, dotted
// keys, strings, arrays (over several lines, with comments and trailing commas), inline tables
// and bare values. It reuses the shared reader's key and string helpers; unlike that reader it
// keeps arrays, which is where Bandit skips and Ruff ignores live. Anything it cannot read is
// skipped up to the next line that looks like a statement, as the shared reader does.
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  DOUBLE_QUOTE,
  EQUALS,
  HASH,
  OPEN_BRACE,
  OPEN_BRACKET,
  SINGLE_QUOTE,
  findQuote,
  findUnescapedQuote,
} from '../../languages/config/chars';
import { decodeBasicString, decodeMultiLineLiteral, skipLeadingNewline } from '../../languages/config/toml-strings';
import { looksLikeStatement, readDottedKey } from '../../languages/config/toml-values';
import type { Span } from '../../languages/config';
import { newList, newMap, type ConfigMap, type ConfigNode } from './tree';

/** Deeper nesting than any real configuration; it bounds the recursion. */
const MAX_DEPTH = 64;

/** A value read, with the offset after it; or, when it could not be read, where reading resumes. */
type ValueResult = { node: ConfigNode; end: number } | { node?: undefined; resumeAt: number };

export function readTomlTree(text: string): ConfigMap {
  return new TomlTreeReader(text).read();
}

class TomlTreeReader {
  private readonly root = newMap();
  private table: ConfigMap = this.root;

  constructor(private readonly text: string) {}

  read(): ConfigMap {
    const { text } = this;
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (pos < text.length) {
      const end = lineEnd(text, pos);
      const start = skipBlanks(text, pos, end);
      const code = text.charCodeAt(start);
      if (start === end || code === HASH) {
        pos = nextLine(text, end);
      } else if (code === OPEN_BRACKET) {
        this.readHeader(start, end);
        pos = nextLine(text, end);
      } else {
        pos = this.readKeyValue(start, end);
      }
    }
    return this.root;
  }

  private readHeader(open: number, end: number): void {
    const { text } = this;
    const isArrayTable = text.charCodeAt(open + 1) === OPEN_BRACKET;
    const key = readDottedKey(text, open + (isArrayTable ? 2 : 1), end);
    const closes = key !== undefined && text.charCodeAt(key.next) === CLOSE_BRACKET && (!isArrayTable || text.charCodeAt(key.next + 1) === CLOSE_BRACKET);
    if (!key || !closes) {
      this.table = newMap(); // keys under a broken header belong nowhere we read
      return;
    }
    this.table = isArrayTable ? appendArrayTable(this.root, key.segments, key.lastSpan) : openTable(this.root, key.segments, key.lastSpan);
  }

  /** Reads `key = value`; returns the offset of the line after the value. */
  private readKeyValue(start: number, end: number): number {
    const { text } = this;
    const key = readDottedKey(text, start, end);
    if (!key || text.charCodeAt(key.next) !== EQUALS) return nextLine(text, end);
    const result = this.readValue(skipBlanks(text, key.next + 1, end), 0);
    if (result.node === undefined) return result.resumeAt;
    assign(this.table, key.segments, key.lastSpan, result.node);
    return nextLine(text, lineEnd(text, Math.max(result.end - 1, start)));
  }

  private readValue(pos: number, depth: number): ValueResult {
    const { text } = this;
    const code = text.charCodeAt(pos);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return this.readString(pos);
    if (code === OPEN_BRACKET) return depth < MAX_DEPTH ? this.readArray(pos, depth + 1) : { resumeAt: nextLine(text, lineEnd(text, pos)) };
    if (code === OPEN_BRACE) return depth < MAX_DEPTH ? this.readInlineTable(pos, depth + 1) : { resumeAt: nextLine(text, lineEnd(text, pos)) };
    let valueEnd = pos;
    while (valueEnd < text.length && !endsBareValue(text.charCodeAt(valueEnd))) valueEnd++;
    const trimmed = trimBlanks(text, pos, valueEnd);
    if (trimmed === pos) return { resumeAt: nextLine(text, lineEnd(text, pos)) };
    return { node: { kind: 'scalar', value: text.slice(pos, trimmed), span: { start: pos, end: trimmed }, quoted: false }, end: valueEnd };
  }

  private readString(quote: number): ValueResult {
    const { text } = this;
    const isBasic = text.charCodeAt(quote) === DOUBLE_QUOTE;
    const delimiter = isBasic ? '"' : "'";
    if (text.startsWith(delimiter.repeat(3), quote)) {
      const contentStart = skipLeadingNewline(text, quote + 3);
      const close = findMultiLineClose(text, quote + 3, delimiter);
      if (close === -1) return { resumeAt: text.length };
      const value = isBasic ? decodeBasicString(text, contentStart, close, true) : decodeMultiLineLiteral(text, contentStart, close);
      if (value === undefined) return { resumeAt: nextLine(text, lineEnd(text, close)) };
      return { node: { kind: 'scalar', value, span: { start: contentStart, end: close }, quoted: true }, end: close + 3 };
    }
    const end = lineEnd(text, quote);
    const close = isBasic ? findUnescapedQuote(text, '"', quote + 1, end) : findQuote(text, "'", quote + 1, end);
    if (close === -1) return { resumeAt: nextLine(text, end) };
    const value = isBasic ? decodeBasicString(text, quote + 1, close, false) : text.slice(quote + 1, close);
    if (value === undefined) return { resumeAt: nextLine(text, end) };
    return { node: { kind: 'scalar', value, span: { start: quote + 1, end: close }, quoted: true }, end: close + 1 };
  }

  private readArray(open: number, depth: number): ValueResult {
    const list = newList();
    let i = open + 1;
    for (;;) {
      const next = this.skipInsideBrackets(i, true);
      if (next.resumeAt !== undefined) return { resumeAt: next.resumeAt };
      i = next.pos;
      const code = this.text.charCodeAt(i);
      if (code === CLOSE_BRACKET) return { node: list, end: i + 1 };
      if (code === COMMA) {
        i++;
        continue;
      }
      const item = this.readValue(i, depth);
      if (item.node === undefined) return item;
      list.items.push(item.node);
      i = item.end;
    }
  }

  private readInlineTable(open: number, depth: number): ValueResult {
    const { text } = this;
    const table = newMap();
    let i = open + 1;
    for (;;) {
      const next = this.skipInsideBrackets(i, false);
      if (next.resumeAt !== undefined) return { resumeAt: next.resumeAt };
      i = next.pos;
      const code = text.charCodeAt(i);
      if (code === CLOSE_BRACE) return { node: table, end: i + 1 };
      if (code === COMMA) {
        i++;
        continue;
      }
      const key = readDottedKey(text, i, lineEnd(text, i));
      if (!key || text.charCodeAt(key.next) !== EQUALS) return { resumeAt: nextLine(text, lineEnd(text, i)) };
      const value = this.readValue(skipBlanks(text, key.next + 1, lineEnd(text, i)), depth);
      if (value.node === undefined) return value;
      assign(table, key.segments, key.lastSpan, value.node);
      i = value.end;
    }
  }

  /**
   * Skips blanks, line breaks and comments inside `[...]` or `{...}`. Inside an array, a new line
   * holding `key =` or a `[table]` header means the bracket was never closed: reading resumes there.
   */
  private skipInsideBrackets(pos: number, inArray: boolean): { pos: number; resumeAt?: number } {
    const { text } = this;
    let i = pos;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 9) {
        i++;
      } else if (code === 10 || code === 13) {
        i = nextLine(text, i);
        const end = lineEnd(text, i);
        const start = skipBlanks(text, i, end);
        if (inArray && start < end && looksLikeStatement(text, start, end)) return { pos: i, resumeAt: i };
      } else if (code === HASH) {
        i = lineEnd(text, i);
      } else {
        return { pos: i };
      }
    }
    return { pos: i, resumeAt: text.length };
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

/** The closing `"""`/`'''`; up to two quotes right before it belong to the content. */
function findMultiLineClose(text: string, pos: number, quote: string): number {
  const delimiter = quote.repeat(3);
  let from = pos;
  for (;;) {
    let found = text.indexOf(delimiter, from);
    if (found === -1) return -1;
    if (quote === '"') {
      let backslashes = 0;
      while (found - backslashes - 1 >= pos && text.charCodeAt(found - backslashes - 1) === 92) backslashes++;
      if (backslashes % 2 === 1) {
        from = found + 1;
        continue;
      }
    }
    for (let extra = 0; extra < 2 && text.charCodeAt(found + 3) === quote.charCodeAt(0); extra++) found++;
    return found;
  }
}

function endsBareValue(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === HASH || code === 10 || code === 13;
}

function lineEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/** The offset after the line break at `end` (CRLF counts as one). */
function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

function skipBlanks(text: string, pos: number, end: number): number {
  while (pos < end && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
  return pos;
}

function trimBlanks(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
