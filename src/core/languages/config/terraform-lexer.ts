// Tokens of HCL (Terraform) as far as the structure reader needs them. Comments go straight into
// the document; strings and heredocs carry their decoded value and the span of their content.
// `${...}` and `%{...}` template sequences stay in a string's value as written.
import type { Span } from './model';
import type { ConfigDocumentBuilder } from './document';
import {
  ASTERISK,
  BACKSLASH,
  BYTE_ORDER_MARK,
  CR,
  DOLLAR,
  DOUBLE_QUOTE,
  HASH,
  LESS_THAN,
  LF,
  MINUS,
  OPEN_BRACE,
  CLOSE_BRACE,
  PERCENT,
  SLASH,
  UNDERSCORE,
  isAsciiLetter,
  isBlank,
  isDigit,
  isLineBreak,
  readHexCodePoint,
  skipBlanks,
  trimBlanksEnd,
} from './chars';

export type TokenKind = 'identifier' | 'string' | 'heredoc' | 'number' | 'punctuation' | 'newline' | 'invalid' | 'end';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The token's text for identifiers and punctuation. */
  text: string;
  /** Decoded value of a string or heredoc. */
  value: string;
  /** Where a string's content (inside the quotes) or a heredoc's body sits. */
  valueSpan: Span;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
const HEX_ESCAPE_DIGITS: Record<string, number> = { u: 4, U: 8 };
/** Operators that start with `=` must not be read as the `=` of an attribute. */
const TWO_CHARACTER_OPERATORS = new Set(['==', '=>', '!=', '<=', '>=', '&&', '||']);
/** The valueSpan of tokens that have no value; strings and heredocs get their own. */
const NO_VALUE: Span = { start: 0, end: 0 };
/** In a template sequence, -1 marks a nested string, n ≥ 0 an expression with n open braces. */
const IN_STRING = -1;

export class HclLexer {
  private pos: number;
  private peeked: Token | undefined;
  /**
   * Heredoc markers whose terminator line is missing from the given offset on. A later heredoc
   * with the same marker fails at once instead of searching to the end of the file again, which
   * would make a file full of unterminated heredocs quadratic.
   */
  private readonly missingTerminators = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly doc: ConfigDocumentBuilder,
  ) {
    this.pos = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private scan(): Token {
    const text = this.text;
    for (;;) {
      const pos = this.pos;
      if (pos >= text.length) return this.token('end', pos, pos);
      const code = text.charCodeAt(pos);
      const next = text.charCodeAt(pos + 1);
      if (isBlank(code)) {
        this.pos = skipBlanks(text, pos, text.length);
      } else if (code === LF) {
        return this.token('newline', pos, pos + 1);
      } else if (code === CR) {
        return this.token('newline', pos, next === LF ? pos + 2 : pos + 1);
      } else if (code === HASH || (code === SLASH && next === SLASH)) {
        const end = lineEnd(text, pos);
        this.doc.addComment(pos, trimBlanksEnd(text, pos, end), code === HASH ? 1 : 2);
        this.pos = end;
      } else if (code === SLASH && next === ASTERISK) {
        this.skipBlockComment(pos);
      } else if (code === DOUBLE_QUOTE) {
        return this.scanString(pos);
      } else if (code === LESS_THAN && next === LESS_THAN && this.isHeredocStart(pos)) {
        return this.scanHeredoc(pos);
      } else if (isDigit(code)) {
        let end = pos;
        while (end < text.length && isNumberCharacter(text.charCodeAt(end))) end++;
        return this.token('number', pos, end);
      } else if (isAsciiLetter(code) || code === UNDERSCORE) {
        let end = pos + 1;
        while (end < text.length && isIdentifierCharacter(text.charCodeAt(end))) end++;
        return this.token('identifier', pos, end);
      } else {
        const length = TWO_CHARACTER_OPERATORS.has(text.slice(pos, pos + 2)) ? 2 : 1;
        return this.token('punctuation', pos, pos + length);
      }
    }
  }

  private skipBlockComment(open: number): void {
    const close = this.text.indexOf('*/', open + 2);
    if (close === -1) {
      this.doc.addProblem('unterminated /* comment', open, open + 2);
      this.doc.addComment(open, this.text.length, 2);
      this.pos = this.text.length;
      return;
    }
    this.doc.addComment(open, close + 2, 2, 2);
    this.pos = close + 2;
  }

  /**
   * A quoted template. It must close on its line (HCL allows no raw line break in one); an
   * unterminated or badly escaped string becomes an `invalid` token, which yields no entry.
   */
  private scanString(open: number): Token {
    const text = this.text;
    let value = '';
    let copiedUpTo = open + 1;
    let valid = true;
    let i = open + 1;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (code === DOUBLE_QUOTE) {
        const token = this.token(valid ? 'string' : 'invalid', open, i + 1);
        token.value = value + text.slice(copiedUpTo, i);
        token.valueSpan = { start: open + 1, end: i };
        return token;
      }
      if (isLineBreak(code)) break;
      if (code === BACKSLASH) {
        value += text.slice(copiedUpTo, i);
        const escape = text[i + 1];
        if (ESCAPES[escape] !== undefined) {
          value += ESCAPES[escape];
          i += 2;
        } else if (HEX_ESCAPE_DIGITS[escape] !== undefined) {
          const codePoint = readHexCodePoint(text, i + 2, HEX_ESCAPE_DIGITS[escape], text.length);
          if (codePoint === undefined) valid = false;
          else value += String.fromCodePoint(codePoint);
          i += 2 + HEX_ESCAPE_DIGITS[escape];
        } else {
          valid = false;
          i += 2;
        }
        copiedUpTo = i;
      } else if ((code === DOLLAR || code === PERCENT) && next === code && text.charCodeAt(i + 2) === OPEN_BRACE) {
        // `$${` and `%%{` write a literal `${` / `%{`.
        value += text.slice(copiedUpTo, i + 1) + '{';
        i += 3;
        copiedUpTo = i;
      } else if ((code === DOLLAR || code === PERCENT) && next === OPEN_BRACE) {
        const after = skipTemplateSequence(text, i + 2);
        if (after === -1) break;
        i = after; // kept verbatim: the value shows the interpolation as written
      } else {
        i++;
      }
    }
    const end = lineEnd(text, i);
    this.doc.addProblem('unterminated string', open, end);
    return this.token('invalid', open, end);
  }

  /** `<<EOF` or `<<-EOF` with nothing after the marker on its line. */
  private isHeredocStart(pos: number): boolean {
    const text = this.text;
    let i = pos + 2;
    if (text.charCodeAt(i) === MINUS) i++;
    const nameStart = i;
    while (i < text.length && isIdentifierCharacter(text.charCodeAt(i))) i++;
    if (i === nameStart) return false;
    const rest = skipBlanks(text, i, text.length);
    return rest === text.length || isLineBreak(text.charCodeAt(rest));
  }

  /**
   * A heredoc's value is its body with a newline after each line; `<<-` removes the indentation
   * the body's lines share. Its span runs from the first body line to the end of the last one.
   * Without its terminator line the heredoc is reported and reading goes on after its first line.
   */
  private scanHeredoc(pos: number): Token {
    const text = this.text;
    const strips = text.charCodeAt(pos + 2) === MINUS;
    const nameStart = pos + (strips ? 3 : 2);
    let nameEnd = nameStart;
    while (isIdentifierCharacter(text.charCodeAt(nameEnd))) nameEnd++;
    const name = text.slice(nameStart, nameEnd);
    const headerEnd = lineEnd(text, nameEnd);
    const bodyStart = nextLineStart(text, headerEnd);
    const body: Span[] = [];
    let lineStart = bodyStart;
    const searchEnd = this.missingTerminators.get(name) ?? text.length;
    while (lineStart < searchEnd) {
      const end = lineEnd(text, lineStart);
      const contentStart = skipBlanks(text, lineStart, end);
      if (trimBlanksEnd(text, contentStart, end) - contentStart === name.length && text.startsWith(name, contentStart)) {
        const token = this.token('heredoc', pos, end);
        token.value = heredocValue(text, body, strips);
        token.valueSpan = body.length === 0 ? { start: bodyStart, end: bodyStart } : { start: body[0].start, end: body[body.length - 1].end };
        return token;
      }
      body.push({ start: lineStart, end });
      lineStart = nextLineStart(text, end);
    }
    this.missingTerminators.set(name, Math.min(bodyStart, searchEnd));
    this.doc.addProblem(`unterminated heredoc <<${name}`, pos, headerEnd);
    return this.token('invalid', pos, headerEnd);
  }

  private token(kind: TokenKind, start: number, end: number): Token {
    this.pos = end;
    const text = kind === 'identifier' || kind === 'punctuation' ? this.text.slice(start, end) : '';
    return { kind, start, end, text, value: '', valueSpan: NO_VALUE };
  }
}

/**
 * The offset after the `}` closing a `${`/`%{` sequence whose content starts at `pos`, or -1 when
 * the line ends first. Nested strings and braces are tracked on an explicit stack, so that deeply
 * nested input cannot exhaust the call stack.
 */
function skipTemplateSequence(text: string, pos: number): number {
  const stack: number[] = [0];
  let i = pos;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) return -1;
    const top = stack.length - 1;
    if (stack[top] === IN_STRING) {
      if (code === BACKSLASH) i++;
      else if (code === DOUBLE_QUOTE) stack.pop();
      else if ((code === DOLLAR || code === PERCENT) && text.charCodeAt(i + 1) === OPEN_BRACE) {
        stack.push(0);
        i++;
      }
    } else if (code === DOUBLE_QUOTE) {
      stack.push(IN_STRING);
    } else if (code === OPEN_BRACE) {
      stack[top]++;
    } else if (code === CLOSE_BRACE) {
      if (stack[top] > 0) stack[top]--;
      else {
        stack.pop();
        if (stack.length === 0) return i + 1;
      }
    }
    i++;
  }
  return -1;
}

function heredocValue(text: string, body: Span[], strips: boolean): string {
  let indent = 0;
  if (strips) {
    indent = Number.MAX_SAFE_INTEGER;
    for (const line of body) {
      const contentStart = skipBlanks(text, line.start, line.end);
      if (contentStart < line.end) indent = Math.min(indent, contentStart - line.start);
    }
    if (indent === Number.MAX_SAFE_INTEGER) indent = 0;
  }
  let value = '';
  for (const line of body) value += text.slice(Math.min(line.start + indent, line.end), line.end) + '\n';
  return value;
}

/** The offset of the line break ending the line that holds `pos` (or the text's end). */
function lineEnd(text: string, pos: number): number {
  while (pos < text.length && !isLineBreak(text.charCodeAt(pos))) pos++;
  return pos;
}

function nextLineStart(text: string, lineBreak: number): number {
  if (text.charCodeAt(lineBreak) === CR && text.charCodeAt(lineBreak + 1) === LF) return lineBreak + 2;
  return Math.min(lineBreak + 1, text.length);
}

function isIdentifierCharacter(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === UNDERSCORE || code === MINUS;
}

function isNumberCharacter(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code) || code === 46 /* . */ || code === UNDERSCORE;
}
