// Shell command lines split into commands and words as POSIX sh splits them, far enough to find an
// option's value and where it sits in the file: quotes ('…' literal; "…" where `\` escapes only
// $ ` " \ and a line break), backslash escapes, line continuations, `#` comments, the operators that
// end a command (; & | ( ) and line breaks), redirections (their targets are no arguments) and
// heredoc bodies (data, stepped over). Expansions ($VAR, ${…}, $(…), `…`) are not performed: a word
// holding one is marked `expands`, since its value is not in the text.
//
// Every loop moves forward, and a quote or heredoc found unclosed is remembered as such, so the
// reading is linear in the text read whatever the input.

/** Characters of the text that appear unchanged in a word's value, starting at value index `at`. */
export interface ShellRun {
  start: number;
  end: number;
  at: number;
}

export interface ShellWord {
  /** The word after quote removal (expansions left as written). */
  value: string;
  /** [start, end) of the word as written, quotes included. */
  start: number;
  end: number;
  /** Holds a parameter expansion or a command substitution: its value is not in the text. */
  expands: boolean;
  runs: ShellRun[];
}

export interface ShellReadOptions {
  /** YAML folds the lines of `>` scalars into one: their line breaks are blanks, not command ends. */
  lineBreaksAreBlanks?: boolean;
}

/** The commands (lists of words) in [start, end) of `text`; offsets are into `text`. */
export function readShellCommands(text: string, start = 0, end = text.length, options: ShellReadOptions = {}): ShellWord[][] {
  return new ShellReader(text, start, end, options.lineBreaksAreBlanks ?? false).read();
}

/** A word given whole, as an exec-form or YAML list item is: one run when its text is its value. */
export function wholeWord(value: string, start: number, end: number, verbatim: boolean): ShellWord {
  return { value, start, end, expands: EXPANSION.test(value), runs: verbatim ? [{ start, end, at: 0 }] : [] };
}

/** `$VAR`, `${…}`, `$(…)`: shells, compose and Kubernetes (`$(VAR)`) replace these. */
const EXPANSION = /\$[A-Za-z_{(]/;

/**
 * Where `word.value.slice(from)` starts in the text, to the word's end: for a value that more than
 * one run holds (`-pab"cd"`), so that a finding still points past the option.
 */
export function spanFrom(word: ShellWord, from: number): { start: number; end: number } {
  const run = runAt(word, from);
  return { start: run ? run.start + (from - run.at) : word.start, end: word.end };
}

/** The span of the text holding `word.value.slice(from, to)`, when one run holds all of it. */
export function valueSpan(word: ShellWord, from: number, to = word.value.length): { start: number; end: number } | undefined {
  const run = runAt(word, from);
  if (!run || run.at + (run.end - run.start) < to) return undefined;
  return { start: run.start + (from - run.at), end: run.start + (to - run.at) };
}

function runAt(word: ShellWord, at: number): ShellRun | undefined {
  return word.runs.find((run) => run.at <= at && at - run.at < run.end - run.start);
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKTICK = 96;
const DOLLAR = 36;
const HASH = 35;
const LESS = 60;
const GREATER = 62;
const OPEN_PAREN = 40;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const CLOSE_PAREN = 41;

/** ; & | ( ) end a command. */
const OPERATOR = new Set([59, 38, 124, 40, 41]);
/** Characters after `$` that make a parameter expansion. */
const PARAMETER_START = /[A-Za-z0-9_@*#?$!-]/;
/** Deepest `$(…)`/`${…}` nesting followed; deeper input is read as one expansion to its end. */
const MAX_NESTING = 64;

/** Past the closing quote at `close`; at `close` itself when the quote was closed at a line end (or the end). */
function afterQuote(text: string, close: number, quote: number): number {
  return text.charCodeAt(close) === quote ? close + 1 : close;
}

class ShellReader {
  private pos: number;
  private readonly commands: ShellWord[][] = [];
  private current: ShellWord[] = [];
  private heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  /** From these offsets on, no closing quote / heredoc terminator exists (searched once). */
  private noSingleQuoteFrom = Infinity;
  private noDoubleQuoteFrom = Infinity;
  private noBacktickFrom = Infinity;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly lineBreaksAreBlanks: boolean,
  ) {
    this.pos = start;
  }

  read(): ShellWord[][] {
    const { text, end } = this;
    while (this.pos < end) {
      const code = text.charCodeAt(this.pos);
      if (code === SPACE || code === TAB || code === CR) {
        this.pos++;
      } else if (code === LF) {
        this.pos++;
        if (this.lineBreaksAreBlanks) continue;
        this.endCommand();
        this.skipHeredocBodies();
      } else if (code === BACKSLASH && text.charCodeAt(this.pos + 1) === LF) {
        this.pos += 2; // a line continuation between words
      } else if (code === HASH) {
        this.skipToLineEnd();
      } else if (OPERATOR.has(code)) {
        this.endCommand();
        this.pos++;
      } else if (code === LESS || code === GREATER) {
        this.readRedirection();
      } else {
        const word = this.readWord();
        // `2>&1`, `3<file`: a file descriptor number, no argument.
        const next = text.charCodeAt(this.pos);
        if (!((next === LESS || next === GREATER) && /^\d+$/.test(word.value))) this.current.push(word);
      }
    }
    this.endCommand();
    return this.commands;
  }

  private endCommand(): void {
    if (this.current.length > 0) this.commands.push(this.current);
    this.current = [];
  }

  private skipToLineEnd(): void {
    const lineEnd = this.text.indexOf('\n', this.pos);
    this.pos = lineEnd < 0 || lineEnd > this.end ? this.end : lineEnd;
  }

  /** `> file`, `>> file`, `>&2`, `< in`, `<<EOF`, `<<-'EOF'`, `<<< word`: the target is consumed. */
  private readRedirection(): void {
    const { text } = this;
    const operatorStart = this.pos;
    while (this.pos < this.end && /[<>&|-]/.test(text[this.pos])) this.pos++;
    const operator = text.slice(operatorStart, this.pos);
    while (this.pos < this.end && (text.charCodeAt(this.pos) === SPACE || text.charCodeAt(this.pos) === TAB)) this.pos++;
    if (this.pos >= this.end || /[\n;&|()<>]/.test(text[this.pos])) return;
    const target = this.readWord();
    if (operator === '<<' || operator === '<<-') this.heredocs.push({ delimiter: target.value, stripTabs: operator === '<<-' });
  }

  /** After the line that opened them, heredoc bodies run to a line that is only their delimiter. */
  private skipHeredocBodies(): void {
    const { text, end } = this;
    for (const { delimiter, stripTabs } of this.heredocs) {
      let found = false;
      while (!found && this.pos < end) {
        const lineEnd = text.indexOf('\n', this.pos);
        const stop = lineEnd < 0 || lineEnd > end ? end : lineEnd;
        let lineStart = this.pos;
        if (stripTabs) while (lineStart < stop && text.charCodeAt(lineStart) === TAB) lineStart++;
        found = text.slice(lineStart, stop).replace(/\r$/, '') === delimiter;
        this.pos = Math.min(end, stop + 1);
      }
    }
    this.heredocs = [];
  }

  private readWord(): ShellWord {
    const { text, end } = this;
    const start = this.pos;
    let value = '';
    const runs: ShellRun[] = [];
    let expands = false;
    let runStart = this.pos;
    const flush = (upTo: number) => {
      if (upTo > runStart) {
        runs.push({ start: runStart, end: upTo, at: value.length });
        value += text.slice(runStart, upTo);
      }
    };
    while (this.pos < end) {
      const code = text.charCodeAt(this.pos);
      if (code === SPACE || code === TAB || code === LF || code === CR || OPERATOR.has(code) || code === LESS || code === GREATER) break;
      if (code === BACKSLASH) {
        flush(this.pos);
        this.pos += this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1; // continuation, or the escaped character stays as a run
        runStart = this.pos;
        if (this.pos < end && text.charCodeAt(this.pos - 1) === BACKSLASH) this.pos++;
      } else if (code === SINGLE_QUOTE) {
        flush(this.pos);
        const close = this.closingQuote(this.pos + 1, SINGLE_QUOTE);
        runs.push({ start: this.pos + 1, end: close, at: value.length });
        value += text.slice(this.pos + 1, close);
        this.pos = Math.min(end, afterQuote(text, close, SINGLE_QUOTE));
        runStart = this.pos;
      } else if (code === DOUBLE_QUOTE) {
        flush(this.pos);
        const inner = this.readDoubleQuoted(this.pos + 1, value.length);
        runs.push(...inner.runs);
        value += inner.value;
        expands ||= inner.expands;
        this.pos = Math.min(end, afterQuote(text, inner.close, DOUBLE_QUOTE));
        runStart = this.pos;
      } else if (code === DOLLAR || code === BACKTICK) {
        const after = this.skipExpansion(this.pos);
        expands ||= after > this.pos + 1 || code === BACKTICK;
        this.pos = Math.min(end, Math.max(after, this.pos + 1));
      } else {
        this.pos++;
      }
    }
    flush(this.pos);
    return { value, start, end: this.pos, expands, runs };
  }

  /** The content of "…" from `from`: runs between escapes, and whether it expands anything. */
  private readDoubleQuoted(from: number, at: number): { value: string; runs: ShellRun[]; expands: boolean; close: number } {
    const { text } = this;
    const close = this.closingQuote(from, DOUBLE_QUOTE);
    const runs: ShellRun[] = [];
    let value = '';
    let expands = false;
    let runStart = from;
    const flush = (upTo: number) => {
      if (upTo > runStart) {
        runs.push({ start: runStart, end: upTo, at: at + value.length });
        value += text.slice(runStart, upTo);
      }
    };
    for (let index = from; index < close; index++) {
      const code = text.charCodeAt(index);
      if (code === BACKSLASH && /[$`"\\\n]/.test(text[index + 1] ?? '')) {
        flush(index);
        runStart = text[index + 1] === '\n' ? index + 2 : index + 1;
        index++;
      } else if (code === DOLLAR || code === BACKTICK) {
        const after = Math.min(close, this.skipExpansion(index));
        if (after > index + 1 || code === BACKTICK) expands = true;
        index = Math.max(index, after - 1);
      }
    }
    flush(close);
    return { value, runs, expands, close };
  }

  /**
   * The offset of the quote closing a quoted run that starts at `from`. An unclosed quote closes
   * at the end of its line (the shell would fail; reading on keeps the rest of the file).
   */
  private closingQuote(from: number, quote: number): number {
    const { text, end } = this;
    const noneFrom = quote === SINGLE_QUOTE ? this.noSingleQuoteFrom : quote === DOUBLE_QUOTE ? this.noDoubleQuoteFrom : this.noBacktickFrom;
    if (from < noneFrom) {
      for (let index = from; index < end; index++) {
        const code = text.charCodeAt(index);
        if (code === quote) return index;
        if (code === BACKSLASH && quote !== SINGLE_QUOTE) index++;
      }
      if (quote === SINGLE_QUOTE) this.noSingleQuoteFrom = from;
      else if (quote === DOUBLE_QUOTE) this.noDoubleQuoteFrom = from;
      else this.noBacktickFrom = from;
    }
    const lineEnd = text.indexOf('\n', from);
    return lineEnd < 0 || lineEnd > end ? end : lineEnd;
  }

  /** The offset after `$NAME`, `${…}`, `$(…)`, `$((…))` or `` `…` `` at `at`; `at + 1` for a lone `$`. */
  private skipExpansion(at: number): number {
    const { text, end } = this;
    if (text.charCodeAt(at) === BACKTICK) return afterQuote(text, this.closingQuote(at + 1, BACKTICK), BACKTICK);
    const next = text.charCodeAt(at + 1);
    if (next === OPEN_PAREN || next === OPEN_BRACE) {
      const close = next === OPEN_PAREN ? CLOSE_PAREN : CLOSE_BRACE;
      let depth = 0;
      for (let index = at + 1; index < end; index++) {
        const code = text.charCodeAt(index);
        if (code === next) depth = Math.min(depth + 1, MAX_NESTING);
        else if (code === close && --depth === 0) return index + 1;
        else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) index = this.closingQuote(index + 1, code);
        else if (code === BACKSLASH) index++;
      }
      return end;
    }
    if (!PARAMETER_START.test(text[at + 1] ?? '')) return at + 1;
    let index = at + 1;
    if (/[A-Za-z_]/.test(text[index])) while (index < end && /\w/.test(text[index])) index++;
    else index++; // $1, $@, $?, $$
    return index;
  }
}
