// Heredocs (shell, Ruby, PHP): the opener sits in code, the body starts on the next line and runs
// to a line that holds the terminator. The scanner queues each opener and reads the bodies at the
// end of the opener's line, in order, as text that is not code (a `#` there is no comment).
import { isWordCharacter, lineEnd, type PendingHeredoc, type ScannerState, type SpecialReader } from './reader';

/** Reads the queued bodies from `from` (the line after their openers); returns where code goes on. */
export function readHeredocBodies(state: ScannerState, from: number): number {
  const { text } = state;
  let at = from;
  for (let index = 0; state.heredocs.length > 0; index++) {
    const heredoc = state.heredocs.shift()!;
    if (index > 0) at = nextLineStart(text, at);
    at = readBody(state, heredoc, at);
  }
  return at;
}

function readBody(state: ScannerState, heredoc: PendingHeredoc, from: number): number {
  const { text } = state;
  for (let lineStart = from; lineStart < text.length; lineStart = nextLineStart(text, lineStart)) {
    const end = terminatorEnd(text, lineStart, lineEnd(text, lineStart), heredoc);
    if (end !== -1) {
      state.record(from, lineStart, 'text');
      return end;
    }
  }
  state.record(from, text.length, 'text');
  return text.length;
}

/** The offset after the terminator when the line [start, end) closes the heredoc; -1 otherwise. */
function terminatorEnd(text: string, start: number, end: number, heredoc: PendingHeredoc): number {
  let at = start;
  if (heredoc.match === 'tabs') while (at < end && text.charCodeAt(at) === 9) at++;
  else if (heredoc.match !== 'exact') while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  if (!text.startsWith(heredoc.terminator, at)) return -1;
  const after = at + heredoc.terminator.length;
  if (heredoc.match === 'php') return after < end && isWordCharacter(text.charCodeAt(after)) ? -1 : after;
  let rest = after;
  if (heredoc.match === 'indented') while (rest < end && (text.charCodeAt(rest) === 32 || text.charCodeAt(rest) === 9)) rest++;
  return rest === end ? after : -1;
}

function nextLineStart(text: string, from: number): number {
  const end = lineEnd(text, from);
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

interface Delimiter {
  word: string;
  end: number;
}

/** A quoted (`'EOF'`, `"EOF"`, `` `EOF` ``) or bare delimiter at `at`: its word and where it ends. */
function readDelimiter(text: string, at: number, bare: (code: number, first: boolean) => boolean): Delimiter | undefined {
  const quote = text.charCodeAt(at);
  if (quote === 39 || quote === 34 || quote === 96) {
    for (let close = at + 1; close < text.length; close++) {
      const code = text.charCodeAt(close);
      if (code === 10 || code === 13) return undefined;
      if (code === quote) return close === at + 1 ? undefined : { word: text.slice(at + 1, close), end: close + 1 };
    }
    return undefined;
  }
  let end = at;
  while (end < text.length && bare(text.charCodeAt(end), end === at)) end++;
  return end > at ? { word: text.slice(at, end), end } : undefined;
}

const isIdentifier = (code: number, first: boolean): boolean => isWordCharacter(code) && !(first && code >= 48 && code <= 57);
const isUpperIdentifier = (code: number, first: boolean): boolean => (code >= 65 && code <= 90) || code === 95 || (!first && code >= 48 && code <= 57);

/** `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<\EOF` (not the here-string `<<<`, nor `<< 2` in arithmetic). */
export const shellHeredoc: SpecialReader = (state, at) => {
  const { text } = state;
  if (!text.startsWith('<<', at) || text.charCodeAt(at + 2) === 60 || text.charCodeAt(at - 1) === 60) return undefined;
  let pos = at + 2;
  const tabs = text.charCodeAt(pos) === 45;
  if (tabs) pos++;
  while (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9) pos++;
  if (text.charCodeAt(pos) === 92) pos++;
  return queueHeredoc(state, at, readDelimiter(text, pos, isIdentifier), tabs ? 'tabs' : 'exact');
};

/** `<<~SQL`, `<<-EOS`, `<<'EOS'`, and bare `<<EOS` (upper case: `a <<b` appends). */
export const rubyHeredoc: SpecialReader = (state, at) => {
  const { text } = state;
  if (!text.startsWith('<<', at) || text.charCodeAt(at - 1) === 60) return undefined;
  const sigil = text.charCodeAt(at + 2);
  const indented = sigil === 126 || sigil === 45;
  const delimiter = readDelimiter(text, at + (indented ? 3 : 2), indented ? isIdentifier : isUpperIdentifier);
  return queueHeredoc(state, at, delimiter, indented ? 'indented' : 'exact');
};

/** `<<<EOT`, `<<<"EOT"` (heredoc) and `<<<'EOT'` (nowdoc), the delimiter ending its line. */
export const phpHeredoc: SpecialReader = (state, at) => {
  const { text } = state;
  if (!text.startsWith('<<<', at)) return undefined;
  let pos = at + 3;
  while (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9) pos++;
  const delimiter = readDelimiter(text, pos, isIdentifier);
  const after = delimiter ? text.charCodeAt(delimiter.end) : NaN;
  if (delimiter && delimiter.end < text.length && after !== 10 && after !== 13) return undefined;
  return queueHeredoc(state, at, delimiter, 'php');
};

/** Marks the opener at `at` as code and queues its body for its line's end; where code goes on, or undefined without a delimiter. */
function queueHeredoc(state: ScannerState, at: number, delimiter: Delimiter | undefined, match: PendingHeredoc['match']): number | undefined {
  if (!delimiter) return undefined;
  state.heredocs.push({ terminator: delimiter.word, match });
  state.markCode(at);
  return delimiter.end;
}
