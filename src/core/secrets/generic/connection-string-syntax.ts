// Reading `key=value;key=value` connection strings (ADO.NET, ODBC, OLE DB, the `;`-part of JDBC
// SQL Server URLs) around a known position, without a full-text tokeniser: walk left over the
// pairs before the password, then parse forward. Every loop moves one way and is bounded.

export interface ConnectionPair {
  /** Key as written, trimmed (`User Id`, `PWD`, `Jet OLEDB:Database Password`). */
  key: string;
  keyStart: number;
  /** The value's content: inside quotes or braces when it has them. */
  valueStart: number;
  valueEnd: number;
  /** `{…}`: ODBC quoting, or an interpolation hole of the string the connection string is built in. */
  braced: boolean;
}

export interface ParsedConnectionString {
  start: number;
  end: number;
  /** A URL the pairs follow (`jdbc:sqlserver://host:1433;user=…`), if any. */
  prefix?: { start: number; end: number };
  pairs: ConnectionPair[];
}

/** How far left of the password key the walk may go; connection strings are short. */
const MAX_WALK = 1024;
const MAX_LENGTH = 2048;
/** Longest quoted or braced value looked for; bounds the work when a closer is missing. */
const MAX_QUOTED_VALUE = 256;
const KEY_CHAR = /[A-Za-z0-9 _.\t-]/;
const LETTER = /[A-Za-z]/;
const QUOTES = `"'\``;
const URL_PREFIX = /^(?:jdbc:)?[A-Za-z][\w+.-]*:\/\/[^\s;"'`]*$/;

/** The connection string whose pairs include the key at `keyStart`, or undefined. */
export function parseConnectionStringAround(text: string, keyStart: number): ParsedConnectionString | undefined {
  const floor = Math.max(0, keyStart - MAX_WALK);
  let start = keyStartLeftOf(text, keyStart, floor);
  let prefix: { start: number; end: number } | undefined;
  for (;;) {
    const separator = skipSpacesLeft(text, start - 1, floor);
    if (separator < floor || text[separator] !== ';') break;
    const pairStart = pairStartLeftOf(text, separator, floor);
    if (pairStart === undefined) {
      // No `key=` before this `;`: a URL the pairs follow (JDBC SQL Server), or the end of the string.
      const segmentStart = segmentStartLeftOf(text, separator, floor);
      if (URL_PREFIX.test(text.slice(segmentStart, separator))) {
        prefix = { start: segmentStart, end: separator };
        start = segmentStart;
      }
      break;
    }
    start = pairStart;
  }

  const outerQuote = start > 0 && QUOTES.includes(text[start - 1]) ? text[start - 1] : undefined;
  const pairs: ConnectionPair[] = [];
  const limit = Math.min(text.length, start + MAX_LENGTH);
  let position = prefix ? prefix.end + 1 : start;
  let end = position;
  while (position < limit) {
    const pair = pairAt(text, position, limit, outerQuote);
    if (!pair) break;
    pairs.push(pair.pair);
    end = pair.end;
    const next = skipSpacesRight(text, pair.end, limit);
    if (text[next] !== ';') break;
    end = next + 1;
    position = next + 1;
  }
  if (pairs.length === 0) return undefined;
  return { start, end, prefix, pairs };
}

function pairAt(text: string, from: number, limit: number, outerQuote: string | undefined): { pair: ConnectionPair; end: number } | undefined {
  let position = skipSpacesRight(text, from, limit);
  const keyStart = position;
  while (position < limit && text[position] !== '=' && isKeyChar(text, position)) position++;
  if (text[position] !== '=') return undefined;
  const key = text.slice(keyStart, position).trim();
  if (key.length === 0) return undefined;

  position = skipSpacesRight(text, position + 1, limit);
  const opener = text[position];
  if (opener === '{' || (opener !== undefined && opener !== outerQuote && QUOTES.includes(opener))) {
    const closer = opener === '{' ? '}' : opener;
    const close = closingIndex(text, position + 1, limit, closer);
    if (close < 0) return undefined;
    return { pair: { key, keyStart, valueStart: position + 1, valueEnd: close, braced: opener === '{' }, end: close + 1 };
  }
  const valueStart = position;
  while (position < limit && text[position] !== ';' && text[position] !== '\n' && text[position] !== '\r' && text[position] !== outerQuote) {
    position++;
  }
  let valueEnd = position;
  while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1])) valueEnd--;
  return { pair: { key, keyStart, valueStart, valueEnd, braced: false }, end: position };
}

/** The closing `closer` on the same line, where a doubled closer (`}}`, `""`) is an escaped character. */
function closingIndex(text: string, from: number, limit: number, closer: string): number {
  const bound = Math.min(limit, from + MAX_QUOTED_VALUE);
  for (let index = from; index < bound; index++) {
    const character = text[index];
    if (character === '\n') return -1;
    if (character !== closer) continue;
    if (text[index + 1] === closer) index++;
    else return index;
  }
  return -1;
}

/** Start of the `key=value` pair that ends just before the `;` at `separator`, if it is one. */
function pairStartLeftOf(text: string, separator: number, floor: number): number | undefined {
  let position = skipSpacesLeft(text, separator - 1, floor);
  if (position < floor) return undefined;
  const last = text[position];
  if (last === '}' || last === '"' || last === "'") {
    const open = openingIndexLeft(text, position - 1, floor, last === '}' ? '{' : last);
    if (open < 0) return undefined;
    position = skipSpacesLeft(text, open - 1, floor);
    if (text[position] !== '=') return undefined;
  } else {
    while (position >= floor && text[position] !== '=' && !isPairBoundary(text[position])) position--;
    if (position < floor || text[position] !== '=') return undefined;
  }
  const keyStart = keyStartLeftOf(text, position, floor);
  return keyStart < position ? keyStart : undefined;
}

/** Start of the key that ends at `end`, leading spaces excluded. */
function keyStartLeftOf(text: string, end: number, floor: number): number {
  let keyStart = end;
  while (keyStart - 1 >= floor && isKeyChar(text, keyStart - 1)) keyStart--;
  while (keyStart < end && /\s/.test(text[keyStart])) keyStart++;
  return keyStart;
}

/**
 * Keys are words with spaces (`User Id`, `Initial Catalog`); a colon only inside a word
 * (OLE DB's `Jet OLEDB:Database Password`), so `connection: Server=…` in YAML stays outside.
 */
function isKeyChar(text: string, index: number): boolean {
  const character = text[index];
  if (character === ':') return LETTER.test(text[index - 1] ?? '') && LETTER.test(text[index + 1] ?? '');
  return KEY_CHAR.test(character);
}

/** The opening quote/brace for a value read right to left; doubled quotes are escapes. */
function openingIndexLeft(text: string, from: number, floor: number, opener: string): number {
  const bound = Math.max(floor, from - MAX_QUOTED_VALUE);
  for (let index = from; index >= bound; index--) {
    if (text[index] === '\n') return -1;
    if (text[index] !== opener) continue;
    if (opener !== '{' && text[index - 1] === opener) index--;
    else return index;
  }
  return -1;
}

/** Where a segment without `key=` begins: after the last quote, whitespace or line break. */
function segmentStartLeftOf(text: string, separator: number, floor: number): number {
  let position = separator - 1;
  while (position >= floor && !/[\s"'`=]/.test(text[position])) position--;
  return position + 1;
}

function isPairBoundary(character: string): boolean {
  return character === ';' || character === '\n' || character === '\r' || QUOTES.includes(character);
}

function skipSpacesLeft(text: string, from: number, floor: number): number {
  let position = from;
  while (position >= floor && (text[position] === ' ' || text[position] === '\t')) position--;
  return position;
}

function skipSpacesRight(text: string, from: number, limit: number): number {
  let position = from;
  while (position < limit && (text[position] === ' ' || text[position] === '\t')) position++;
  return position;
}
