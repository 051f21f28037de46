// Edits that take one piece out of a TOML file and leave it valid: an array element with the
// comma that joins it to its neighbours, a `key = value` statement, a whole `[table]`. Where the
// piece has lines of its own, the lines go (a trailing comment with them); otherwise only the
// piece and its separator. Undefined when other text shares its lines and no clean cut exists.
import type { Span } from './model';
import type { TomlHeader, TomlStatement } from './toml-statements';

/** Element `index` of an array whose elements (in order) are `elements`, with one joining comma. */
export function arrayElementRemoval(text: string, elements: readonly { span: Span }[], index: number): Span {
  const { span } = elements[index];
  const lines = ownLines(text, span.start, span.end, true);
  if (lines) return lines; // a trailing comma left before it (the last element's) is valid TOML
  const separator = skipSpace(text, span.end);
  if (text[separator] === ',') {
    let end = separator + 1;
    while (text[end] === ' ' || text[end] === '\t') end++;
    return { start: span.start, end };
  }
  // The last element, no comma after it: the comma after the one before goes.
  if (index === 0) return span;
  return { start: skipSpace(text, elements[index - 1].span.end), end: span.end };
}

/** A `key = value` statement (its value may span lines), on lines of its own. */
export function statementRemoval(text: string, statement: TomlStatement): Span | undefined {
  return ownLines(text, statement.span.start, statement.span.end, false);
}

/**
 * The table under `header`: its header line through its last statement's line, and the blank
 * lines after it; comments after its last statement stay (they may head the next table).
 */
export function tableRemoval(text: string, statements: readonly TomlStatement[], header: TomlHeader): Span | undefined {
  const own = statements.filter((statement) => statement.table?.span.start === header.span.start);
  const last = own.length ? own[own.length - 1].span.end : header.span.end;
  const lines = ownLines(text, header.span.start, last, false);
  if (!lines) return undefined;
  let end = lines.end;
  const blank = /[ \t]*\r?\n/y;
  for (blank.lastIndex = end; blank.exec(text);) end = blank.lastIndex;
  return { start: lines.start, end };
}

/** [start, end) with whole lines, when only blanks are before it on its first line and only blanks, a comma (`comma`) and a comment after it on its last. */
function ownLines(text: string, start: number, end: number, comma: boolean): Span | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  const newline = text.indexOf('\n', end);
  const after = text.slice(end, newline === -1 ? text.length : newline);
  if (!(comma ? /^[ \t]*,?[ \t]*(?:#.*)?\r?$/ : /^[ \t]*(?:#.*)?\r?$/).test(after)) return undefined;
  return { start: lineStart, end: newline === -1 ? text.length : newline + 1 };
}

/** Past blanks, line breaks and comments. */
function skipSpace(text: string, pos: number): number {
  while (pos < text.length) {
    if (/[ \t\r\n]/.test(text[pos])) pos++;
    else if (text[pos] === '#') while (pos < text.length && text[pos] !== '\n') pos++;
    else break;
  }
  return pos;
}
