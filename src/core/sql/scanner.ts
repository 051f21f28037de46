// The SQL tokenizer. It reads the flattened template once, left to right, and knows where every
// hole sits, so a hole inside a literal, a comment or a name is attributed to that token.
//
// Dialects disagree on backslashes inside '…': MySQL escapes with them, standard SQL does not.
// The text is scanned the standard way first; only when that leaves a literal open (`'It\'s'`)
// is it scanned again honouring backslashes. Two passes at most: still linear.
import { Char, isDigit, isSpace, isWordChar, isWordStart } from './char-classes';
import { KEYWORDS, LONGEST_KEYWORD } from './keywords';
import { dollarTagLength, findBracketClose, findClosingQuote, isLiteralPrefix } from './scan-literals';
import { operatorLengthAt, placeholderAt } from './scan-symbols';
import type { TemplateText } from './template-text';
import type { Delimiter, LiteralShape, Token, TokenKind } from './tokens';
import type { PlaceholderStyle } from './types';

export interface ScanResult {
  tokens: Token[];
  /** Ordinals of the holes that sit inside comments. */
  commentHoles: number[];
  /** A literal, quoted name or block comment is still open at the end of the text. */
  unterminated: boolean;
}

export function scanTemplate(template: TemplateText): ScanResult {
  const standard = new Scanner(template, false).run();
  if (!standard.unterminated || !template.text.includes('\\')) return standard;
  const withBackslashes = new Scanner(template, true).run();
  return withBackslashes.unterminated ? standard : withBackslashes;
}

const PUNCTUATION = '(),;.[]{}';

/** What a scanning step knows about the token beyond its kind and extent. */
interface TokenExtras {
  upper?: string;
  text?: string;
  holes?: readonly number[];
  literal?: LiteralShape;
  placeholder?: PlaceholderStyle;
}
/** Shared by every token without holes, so scanning allocates no array per token. */
const NO_HOLES: readonly number[] = [];

class Scanner {
  private readonly text: string;
  private readonly holeOffsets: readonly number[];
  private readonly holeOffsetSet: ReadonlySet<number>;
  private readonly tokens: Token[] = [];
  private readonly commentHoles: number[] = [];
  private unterminated = false;
  private position = 0;
  private nextHole = 0;
  private spaceBefore = true;

  constructor(
    template: TemplateText,
    private readonly backslashEscapes: boolean,
  ) {
    this.text = template.text;
    this.holeOffsets = template.holeOffsets;
    this.holeOffsetSet = new Set(template.holeOffsets);
  }

  run(): ScanResult {
    const text = this.text;
    while (this.position < text.length || this.nextHole < this.holeOffsets.length) {
      if (this.holePendingHere()) {
        this.scanName();
        continue;
      }
      const code = text.charCodeAt(this.position);
      if (isSpace(code)) {
        this.position++;
        this.spaceBefore = true;
      } else if (isWordStart(code)) {
        this.scanName();
      } else if (isDigit(code) || (code === Char.Dot && isDigit(text.charCodeAt(this.position + 1)) && this.startsValue())) {
        this.scanNumber();
      } else {
        this.scanSymbol(code);
      }
    }
    return { tokens: this.tokens, commentHoles: this.commentHoles, unterminated: this.unterminated };
  }

  private scanSymbol(code: number): void {
    const text = this.text;
    const next = text.charCodeAt(this.position + 1);
    switch (code) {
      case Char.Quote:
        return this.scanQuoted(this.position, 1, "'", 'string', this.backslashEscapes);
      case Char.DoubleQuote:
        return this.scanQuoted(this.position, 1, '"', 'quoted', this.backslashEscapes);
      case Char.Backtick:
        return this.scanQuoted(this.position, 1, '`', 'quoted', false);
      case Char.OpenBracket:
        return this.scanBracket();
      case Char.Dollar:
        if (this.scanDollar()) return;
        break;
      case Char.Minus:
        if (next === Char.Minus) return this.skipLineComment();
        break;
      case Char.Slash:
        if (next === Char.Star) return this.skipBlockComment();
        break;
      case Char.Hash:
        // MySQL `# comment` versus MSSQL `#temp` tables and Postgres `#>` operators.
        if (this.position + 1 >= text.length || isSpace(next)) return this.skipLineComment();
        if (isWordChar(next) || next === Char.Hash) return this.scanName();
        break;
      default:
        if (this.scanPlaceholder()) return;
    }
    this.scanOperatorOrPunctuation();
  }

  private scanOperatorOrPunctuation(): void {
    const start = this.position;
    const char = this.text[start];
    if (PUNCTUATION.includes(char)) {
      this.position++;
      return this.push('punct', start);
    }
    const operatorLength = operatorLengthAt(this.text, start);
    if (operatorLength > 0) {
      this.position += operatorLength;
      return this.push('operator', start);
    }
    // A character SQL has no use for; a surrogate pair becomes two of these, which is fine.
    this.position++;
    this.push('other', start);
  }

  /** A bare name, possibly with holes glued in, a standalone hole, or a prefixed literal (N'…'). */
  private scanName(): void {
    const text = this.text;
    const start = this.position;
    let holes: number[] | undefined;
    let chars = 0;
    while (text.charCodeAt(this.position) === Char.Hash) {
      this.position++;
      chars++;
    }
    for (;;) {
      if (this.holePendingHere()) {
        (holes ??= []).push(this.nextHole++);
      } else if (this.position < text.length && isWordChar(text.charCodeAt(this.position))) {
        this.position++;
        chars++;
      } else {
        break;
      }
    }
    if (chars === 0 && holes?.length === 1) return this.push('hole', start, { holes });
    if (holes === undefined) {
      const word = text.slice(start, this.position);
      const upper = word.length <= LONGEST_KEYWORD ? word.toUpperCase() : word;
      if (text.charCodeAt(this.position) === Char.Quote && isLiteralPrefix(upper)) {
        return this.scanQuoted(start, this.position - start + 1, "'", 'string', this.backslashEscapes || upper === 'E');
      }
      if (upper === 'U' && text.startsWith("&'", this.position)) {
        return this.scanQuoted(start, 3, "'", 'string', this.backslashEscapes);
      }
      return this.push('word', start, { upper, text: word });
    }
    this.push('word', start, { holes });
  }

  private scanNumber(): void {
    const text = this.text;
    const start = this.position;
    this.skipDigits();
    if (text.charCodeAt(this.position) === Char.Dot && isDigit(text.charCodeAt(this.position + 1))) {
      this.position++;
      this.skipDigits();
    }
    const exponent = text.charCodeAt(this.position) | 0x20;
    if (exponent === 0x65) {
      const sign = text.charCodeAt(this.position + 1);
      const digitAt = sign === Char.Plus || sign === Char.Minus ? this.position + 2 : this.position + 1;
      if (isDigit(text.charCodeAt(digitAt))) {
        this.position = digitAt;
        this.skipDigits();
      }
    }
    // Glued letters stay in the token: `0x1F`, `1e10`, and prose like `12ms`.
    while (this.position < text.length && isWordChar(text.charCodeAt(this.position))) this.position++;
    this.push('number', start);
  }

  private skipDigits(): void {
    while (isDigit(this.text.charCodeAt(this.position))) this.position++;
  }

  private scanQuoted(openStart: number, openLength: number, delimiter: Delimiter, kind: TokenKind, backslashEscapes: boolean): void {
    const contentStart = openStart + openLength;
    const quote = this.text.charCodeAt(contentStart - 1);
    const close = findClosingQuote(this.text, contentStart, quote, backslashEscapes, (offset) => this.holeOffsetSet.has(offset));
    this.finishLiteral(openStart, openLength, close, 1, delimiter, kind, backslashEscapes);
  }

  private scanBracket(): void {
    const start = this.position;
    const close = this.bracketMayQuoteName() ? findBracketClose(this.text, start) : -1;
    if (close < 0) {
      this.position++;
      return this.push('punct', start);
    }
    this.finishLiteral(start, 1, close, 1, '[', 'quoted', false);
  }

  /** `[name]` quotes a name (MSSQL) unless it follows an operand: `arr[1]`, `ARRAY[1, 2]`. */
  private bracketMayQuoteName(): boolean {
    const previous = this.tokens[this.tokens.length - 1];
    if (previous === undefined) return true;
    if (previous.kind === 'punct') return previous.text !== ')' && previous.text !== ']';
    if (previous.kind === 'word') return previous.upper !== '' && previous.upper !== 'ARRAY' && KEYWORDS.has(previous.upper);
    return previous.kind === 'operator';
  }

  /** `$1` placeholders and `$$…$$` / `$tag$…$tag$` literals; false when the `$` is neither. */
  private scanDollar(): boolean {
    const text = this.text;
    const start = this.position;
    if (isDigit(text.charCodeAt(start + 1))) {
      this.position++;
      this.skipDigits();
      this.push('placeholder', start, { placeholder: 'numeric' });
      return true;
    }
    const tagLength = dollarTagLength(text, start);
    if (tagLength === 0) return false;
    const close = text.indexOf(text.slice(start, start + tagLength), start + tagLength);
    this.finishLiteral(start, tagLength, close, tagLength, '$', 'string', false);
    return true;
  }

  private finishLiteral(
    openStart: number,
    openLength: number,
    close: number,
    closeLength: number,
    delimiter: Delimiter,
    kind: TokenKind,
    backslashEscapes: boolean,
  ): void {
    const terminated = close >= 0;
    const end = terminated ? close + closeLength : this.text.length;
    const holes = terminated ? this.takeHolesBefore(end) : this.takeHolesBefore(end + 1);
    if (!terminated) this.unterminated = true;
    const literal: LiteralShape = {
      delimiter,
      openStart,
      openLength,
      closeStart: terminated ? close : end,
      closeLength: terminated ? closeLength : 0,
      terminated,
      backslashEscapes,
    };
    this.position = end;
    this.push(kind, openStart, { holes, literal });
  }

  private scanPlaceholder(): boolean {
    const start = this.position;
    const found = placeholderAt(this.text, start, this.startsValue());
    if (found === undefined) return false;
    this.position = start + found.length;
    if (found.kind === 'variable') this.push('variable', start);
    else this.push('placeholder', start, { placeholder: found.style });
    return true;
  }

  /** Nothing operand-like touches the current position on the left: a value may start here. */
  private startsValue(): boolean {
    if (this.spaceBefore) return true;
    const previous = this.tokens[this.tokens.length - 1];
    if (previous === undefined) return true;
    if (previous.kind === 'operator') return true;
    return previous.kind === 'punct' && previous.text !== ')' && previous.text !== ']';
  }

  private skipLineComment(): void {
    const newline = this.text.indexOf('\n', this.position);
    const end = newline < 0 ? this.text.length : newline;
    // A hole right before the line break is still on the commented line.
    this.takeCommentHoles(end + 1);
    this.position = end;
    this.spaceBefore = true;
  }

  private skipBlockComment(): void {
    const close = this.text.indexOf('*/', this.position + 2);
    if (close < 0) this.unterminated = true;
    const end = close < 0 ? this.text.length : close + 2;
    this.takeCommentHoles(close < 0 ? end + 1 : end);
    this.position = end;
    this.spaceBefore = true;
  }

  private takeCommentHoles(endExclusive: number): void {
    // One at a time: spreading a huge list into push() would overflow the call stack.
    while (this.holeBefore(endExclusive)) this.commentHoles.push(this.nextHole++);
  }

  /** `<=`, not `===`: a hole a token stepped over without claiming it is still taken next. */
  private holePendingHere(): boolean {
    return this.nextHole < this.holeOffsets.length && this.holeOffsets[this.nextHole] <= this.position;
  }

  private takeHolesBefore(endExclusive: number): readonly number[] {
    if (!this.holeBefore(endExclusive)) return NO_HOLES;
    const taken: number[] = [];
    while (this.holeBefore(endExclusive)) taken.push(this.nextHole++);
    return taken;
  }

  private holeBefore(endExclusive: number): boolean {
    return this.nextHole < this.holeOffsets.length && this.holeOffsets[this.nextHole] < endExclusive;
  }

  private push(kind: TokenKind, start: number, extra: TokenExtras = {}): void {
    const end = Math.max(start, this.position);
    // Holes inside a number or an operator (`1{x}2`) belong to it; names and literals took theirs.
    const holes = this.holeBefore(end) ? [...(extra.holes ?? []), ...this.takeHolesBefore(end)] : (extra.holes ?? NO_HOLES);
    // Optional fields only when present: most tokens have neither, and a smaller object per
    // token is what keeps a multi-megabyte input cheap to scan.
    const token: Token = {
      kind,
      start,
      end,
      text: extra.text ?? this.text.slice(start, end),
      upper: extra.upper ?? '',
      spaceBefore: this.spaceBefore,
      holes,
    };
    if (extra.literal !== undefined) token.literal = extra.literal;
    if (extra.placeholder !== undefined) token.placeholder = extra.placeholder;
    this.tokens.push(token);
    this.spaceBefore = false;
  }
}
