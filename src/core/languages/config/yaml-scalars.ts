// Turns the raw text of YAML scalars into their values: escapes and line folding of quoted
// scalars, and the literal (`|`) and folded (`>`) block scalar rules with their chomping.
import { BACKSLASH, CR, DOUBLE_QUOTE, LF, SINGLE_QUOTE, isBlank, isLineBreak, decodeEscape, trimBlanksEnd } from './chars';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** The value of the quoted scalar from the quote at `quote` to its closing quote at `close`. */
export function decodeQuoted(text: string, quote: number, close: number): string | undefined {
  return decodeFlowScalar(text, quote + 1, close, text.charCodeAt(quote) === DOUBLE_QUOTE);
}

/**
 * The content [start, end) of a quoted scalar. Both quoting styles fold line breaks alike; double
 * quotes escape with a backslash, and in single quotes `''` is one quote.
 */
function decodeFlowScalar(text: string, start: number, end: number, isDouble: boolean): string | undefined {
  const escapeChar = isDouble ? BACKSLASH : SINGLE_QUOTE;
  let result = '';
  let copiedUpTo = start;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === escapeChar) {
      if (!isDouble) {
        result += text.slice(copiedUpTo, i + 1);
        i += 2;
      } else if (i + 1 < end && isLineBreak(text.charCodeAt(i + 1))) {
        // An escaped line break joins the lines without a space.
        result += text.slice(copiedUpTo, i);
        i = skipLineBreakAndIndent(text, i + 1, end);
      } else {
        const decoded = decodeEscape(text, i, end, SIMPLE_ESCAPES);
        if (!decoded) return undefined;
        result += text.slice(copiedUpTo, i) + decoded.value;
        i = decoded.next;
      }
      copiedUpTo = i;
    } else if (isLineBreak(code)) {
      const folded = foldLineBreaks(text, copiedUpTo, i, end);
      result += folded.text;
      i = copiedUpTo = folded.next;
    } else {
      i++;
    }
  }
  return result + text.slice(copiedUpTo, end);
}

/**
 * Flow folding at a line break at `lineBreak`: the text before it loses its trailing blanks, one
 * break becomes a space, and each further (empty) line becomes a newline.
 */
function foldLineBreaks(text: string, copiedUpTo: number, lineBreak: number, end: number): { text: string; next: number } {
  let folded = text.slice(copiedUpTo, trimBlanksEnd(text, copiedUpTo, lineBreak));
  let breaks = 0;
  let i = lineBreak;
  while (i < end && isLineBreak(text.charCodeAt(i))) {
    i = skipLineBreakAndIndent(text, i, end);
    breaks++;
  }
  folded += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  return { text: folded, next: i };
}

function skipLineBreakAndIndent(text: string, lineBreak: number, end: number): number {
  let i = lineBreak + (text.charCodeAt(lineBreak) === CR && text.charCodeAt(lineBreak + 1) === LF ? 2 : 1);
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

export type Chomping = 'clip' | 'strip' | 'keep';

/**
 * The value of a block scalar from its content lines, each already stripped of the block's
 * indentation ('' for empty lines).
 */
export function assembleBlockScalar(lines: string[], folded: boolean, chomping: Chomping): string {
  let last = lines.length - 1;
  while (last >= 0 && isBlankLine(lines[last])) last--;
  const body = lines.slice(0, last + 1);
  const trailingEmptyLines = lines.length - 1 - last;
  const joined = folded ? foldBlockLines(body) : body.join('\n');
  if (body.length === 0) return chomping === 'keep' ? '\n'.repeat(trailingEmptyLines) : '';
  if (chomping === 'strip') return joined;
  if (chomping === 'clip') return joined + '\n';
  return joined + '\n'.repeat(1 + trailingEmptyLines);
}

/**
 * Folded block scalars: adjacent lines join with a space, empty lines become newlines, and lines
 * indented deeper than the block keep their line breaks.
 */
function foldBlockLines(lines: string[]): string {
  let result = '';
  let pendingEmptyLines = 0;
  let previousMoreIndented = false;
  let first = true;
  for (const line of lines) {
    if (line.length === 0) {
      pendingEmptyLines++;
      continue;
    }
    const moreIndented = isBlank(line.charCodeAt(0));
    if (first) result += '\n'.repeat(pendingEmptyLines);
    else if (!moreIndented && !previousMoreIndented) result += pendingEmptyLines === 0 ? ' ' : '\n'.repeat(pendingEmptyLines);
    else result += '\n'.repeat(pendingEmptyLines + 1);
    result += line;
    pendingEmptyLines = 0;
    previousMoreIndented = moreIndented;
    first = false;
  }
  return result;
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isBlank(line.charCodeAt(i))) return false;
  return true;
}
