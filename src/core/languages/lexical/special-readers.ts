// Literal forms a string table cannot describe: raw strings whose delimiter the source chooses
// (C#'s `"""…"""`, Rust's `r#"…"#`), Rust's char literals as opposed to its lifetimes (`'a'` and
// `'a`), Ruby's embedded documents, data section, percent literals and regular expressions, PHP's
// inline HTML, and shell's backslash escapes. Each reader first checks one character, so trying
// them at every code position costs little.
import type { LexicalLanguage } from './languages';
import { phpHeredoc, rubyHeredoc, shellHeredoc } from './heredocs';
import { isWordCharacter, lineEnd, type ScannerState, type SpecialReader } from './reader';

/** `"""…"""` with three or more quotes, optionally interpolated (`$"""…"""`): read to as many quotes. */
const csharpRawString: SpecialReader = (state, at) => {
  const { text } = state;
  let pos = at;
  while (text.charCodeAt(pos) === 36) pos++;
  const quotesStart = pos;
  while (text.charCodeAt(pos) === 34) pos++;
  const quotes = pos - quotesStart;
  if (quotes < 3) return undefined;
  const close = text.indexOf('"'.repeat(quotes), pos);
  const end = close === -1 ? text.length : close + quotes;
  state.record(at, end, 'string', pos, close === -1 ? text.length : close);
  return end;
};

/** `r"…"`, `r#"…"#`, `br##"…"##`, `cr"…"`: no escapes, closed by a quote and as many `#`. */
const rustRawString: SpecialReader = (state, at) => {
  const { text } = state;
  if (at > 0 && isWordCharacter(text.charCodeAt(at - 1))) return undefined;
  let pos = at;
  const first = text.charCodeAt(pos);
  if (first === 98 || first === 99) pos++; // b, c
  if (text.charCodeAt(pos) !== 114) return undefined; // r
  pos++;
  const hashesStart = pos;
  while (text.charCodeAt(pos) === 35) pos++;
  if (text.charCodeAt(pos) !== 34) return undefined;
  const closer = `"${'#'.repeat(pos - hashesStart)}`;
  const close = text.indexOf(closer, pos + 1);
  const end = close === -1 ? text.length : close + closer.length;
  state.record(at, end, 'string', pos + 1, close === -1 ? text.length : close);
  return end;
};

/** `'a'`, `'\n'`, `'\u{1F600}'` are chars; `'a` and `'outer:` are lifetimes and labels (code). */
const rustCharLiteral: SpecialReader = (state, at) => {
  const { text } = state;
  if (text.charCodeAt(at) !== 39) return undefined;
  let close = -1;
  if (text.charCodeAt(at + 1) === 92) {
    // An escape is short (`'\u{10FFFF}'` is the longest): look no further than that, nor past the line.
    for (let i = at + 3; i < Math.min(text.length, at + 12); i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) break;
      if (code === 39) {
        close = i;
        break;
      }
    }
  } else {
    const width = (text.codePointAt(at + 1) ?? 0) > 0xffff ? 2 : 1;
    const next = text.charCodeAt(at + 1);
    if (next !== 39 && next !== 10 && text.charCodeAt(at + 1 + width) === 39) close = at + 1 + width;
  }
  if (close === -1) return undefined;
  state.record(at, close + 1, 'string', at + 1, close);
  return close + 1;
};

/** `=begin` … `=end`, both at a line's start: a block comment. */
const rubyEmbeddedDoc: SpecialReader = (state, at) => {
  const { text } = state;
  if (!atLineStart(text, at) || !text.startsWith('=begin', at) || isWordCharacter(text.charCodeAt(at + 6))) return undefined;
  const close = text.indexOf('\n=end', at);
  const contentEnd = close === -1 ? text.length : close + 1;
  const end = close === -1 ? text.length : lineEnd(text, close + 1);
  state.record(at, end, 'block-comment', at + 6, contentEnd);
  return end;
};

/** `__END__` alone on a line: what follows is data, not code. */
const rubyDataSection: SpecialReader = (state, at) => {
  const { text } = state;
  if (!atLineStart(text, at) || !text.startsWith('__END__', at) || lineEnd(text, at) !== at + 7) return undefined;
  state.record(at + 7, text.length, 'text');
  return text.length;
};

const BRACKET_PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** `%q(…)`, `%w[…]`, `%i{…}`, `%r{…}`, `%(…)`: brackets nest, other delimiters close themselves. */
const rubyPercentLiteral: SpecialReader = (state, at) => {
  const { text } = state;
  if (text.charCodeAt(at) !== 37) return undefined;
  let pos = at + 1;
  if (/[qQwWiIrsx]/.test(text[pos] ?? '') && !isWordCharacter(text.charCodeAt(pos + 1))) pos++;
  const open = text[pos];
  if (open === undefined || /[\s\w=]/.test(open) || !startsExpression(state, at)) return undefined;
  const close = BRACKET_PAIRS[open] ?? open;
  let depth = 0;
  for (let i = pos + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === close && depth === 0) {
      state.record(at, i + 1, 'string', pos + 1, i);
      return i + 1;
    } else if (char === close) depth--;
    else if (char === open && close !== open) depth++;
  }
  state.record(at, text.length, 'string', pos + 1, text.length);
  return text.length;
};

/** `/…/` where an expression starts (`x =~ /#\d+/`, `split /,/`); a division elsewhere. One line. */
const rubyRegex: SpecialReader = (state, at) => {
  const { text } = state;
  if (text.charCodeAt(at) !== 47 || !startsExpression(state, at)) return undefined;
  const next = text.charCodeAt(at + 1);
  if (next === 32 || next === 9 || next === 61) return undefined;
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) break;
    if (code === 92) i++;
    else if (code === 47) {
      state.record(at, i + 1, 'string', at + 1, i);
      return i + 1;
    }
  }
  return undefined;
};

const EXPRESSION_KEYWORDS = new Set(['if', 'unless', 'while', 'until', 'when', 'and', 'or', 'not', 'return', 'in', 'case', 'then', 'else', 'elsif', 'do']);

/**
 * Whether an operand may start at `at` (so `/` opens a regular expression and `%` a literal): at
 * a line's start, after an operator, an opening bracket or a keyword, or after a method name and a
 * blank when no blank follows (`split /,/`, Ruby's own reading of the ambiguity).
 */
function startsExpression(state: ScannerState, at: number): boolean {
  const { text, lastCode } = state;
  if (lastCode === -1 || lineBreakBetween(text, lastCode + 1, at)) return true;
  const previous = text[lastCode];
  if ('(,=~!|&{[;:?+-*<>%^'.includes(previous)) return true;
  if (!isWordCharacter(text.charCodeAt(lastCode))) return false;
  let wordStart = lastCode;
  while (wordStart > 0 && lastCode - wordStart < 12 && isWordCharacter(text.charCodeAt(wordStart - 1))) wordStart--;
  if (EXPRESSION_KEYWORDS.has(text.slice(wordStart, lastCode + 1))) return true;
  const blankBefore = lastCode < at - 1;
  const after = text.charCodeAt(at + 1);
  return blankBefore && after !== 32 && after !== 9;
}

/** Only what is not code (blanks, comments, strings) lies between the last code and `at`: each such stretch is looked at once. */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function atLineStart(text: string, at: number): boolean {
  return at === 0 || text.charCodeAt(at - 1) === 10;
}

/** PHP outside its tags: text up to `<?php`, `<?=` or `<?`; returns the offset after the tag. */
export function readInlineText(state: ScannerState, at: number): number {
  const { text } = state;
  const open = text.indexOf('<?', at);
  if (open === -1) {
    state.record(at, text.length, 'text');
    return text.length;
  }
  state.record(at, open, 'text');
  if (text.slice(open + 2, open + 5).toLowerCase() === 'php') return open + 5;
  return open + (text.charCodeAt(open + 2) === 61 ? 3 : 2);
}

const phpCloseTag: SpecialReader = (state, at) => (state.text.startsWith('?>', at) ? readInlineText(state, at + 2) : undefined);

/** A backslash in shell code escapes the next character: `\#` starts no comment, `\"` no string. */
const shellEscape: SpecialReader = (state, at) => {
  if (state.text.charCodeAt(at) !== 92) return undefined;
  state.markCode(at);
  return at + 2;
};

export const SPECIAL_READERS: Partial<Record<LexicalLanguage, readonly SpecialReader[]>> = {
  csharp: [csharpRawString],
  rust: [rustRawString, rustCharLiteral],
  ruby: [rubyEmbeddedDoc, rubyDataSection, rubyHeredoc, rubyPercentLiteral, rubyRegex],
  php: [phpCloseTag, phpHeredoc],
  shell: [shellEscape, shellHeredoc],
};
