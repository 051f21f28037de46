// What a lexical scan can tell about structure without a grammar: whether an offset is code, where
// the next code starts, which bracket closes which, and where the construct that starts at some
// code ends (the declaration an annotation sits on, the statement or function a comment alone on
// its line precedes). A construct runs to its first `;`, to the end of the first `{…}` block it
// opens, to a closer of the block around it, or, where a newline ends statements, to the end of a
// line that does not continue; bracketed groups are stepped over whole. So `if (…) {…} else {…}`
// ends with its first block: an approximation, and the only one.
//
// Every answer is memoised by position, so asking for many constructs (thousands of annotations
// stacked on one declaration) reads each character a bounded number of times.
import { partitionPoint } from '../../partition-point';
import type { LexicalScan, LexicalSpan } from './model';
import { isWordCharacter } from './reader';
import { SYNTAX } from './syntax';

type Opener = '(' | '[' | '{' | 'if' | 'case' | 'loop';

const CLOSER_OF: Record<string, Opener> = { ')': '(', ']': '[', '}': '{', fi: 'if', esac: 'case', done: 'loop' };
const SHELL_OPENERS: Record<string, Opener> = { if: 'if', case: 'case', for: 'loop', while: 'loop', until: 'loop', select: 'loop' };
/** Words after which a shell word is in command position (`then if …`, `do case …`). */
const SHELL_COMMAND_PREFIXES = new Set(['then', 'do', 'else', 'elif', 'time']);
/** How far down the bracket stack a closer looks for its opener before it is taken as stray. */
const RECOVERY_DEPTH = 8;

export class LexicalStructure {
  private matches?: Map<number, number>;
  private readonly nextCodeFrom = new Map<number, number>();
  private readonly constructEndFrom = new Map<number, number>();
  private readonly newlineEnds: boolean;
  private readonly shellKeywords: boolean;

  constructor(readonly scan: LexicalScan) {
    const syntax = SYNTAX[scan.language];
    this.newlineEnds = syntax.newlineEndsStatement;
    this.shellKeywords = syntax.shellKeywords === true;
  }

  /** The span (comment, string, text) holding `offset`, if any. */
  spanAt(offset: number): LexicalSpan | undefined {
    const span = this.scan.spans[this.spanIndexAfter(offset)];
    return span && span.start <= offset ? span : undefined;
  }

  isCode(offset: number): boolean {
    return this.spanAt(offset) === undefined;
  }

  /** The first code character at or after `from`; the text's length when there is none. */
  nextCode(from: number): number {
    const { text, spans } = this.scan;
    const visited: number[] = [];
    let at = from;
    let index = this.spanIndexAfter(at);
    let result = text.length;
    while (at < text.length) {
      const known = this.nextCodeFrom.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      const span = spans[index];
      if (span && span.start <= at) {
        visited.push(at);
        at = span.end;
        index++;
        continue;
      }
      if (!isBlank(text.charCodeAt(at))) {
        result = at;
        break;
      }
      at++;
    }
    for (const position of visited) this.nextCodeFrom.set(position, result);
    return result;
  }

  /** Where the construct whose first code is at or after `from` ends (exclusive). */
  constructEnd(from: number): number {
    const start = this.nextCode(from);
    const { text } = this.scan;
    const visited: number[] = [];
    let at = start;
    let index = this.spanIndexAfter(at);
    let result = text.length;
    while (at < text.length) {
      const known = this.constructEndFrom.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      const span = this.scan.spans[index];
      if (span && span.start <= at) {
        at = span.end;
        index++;
        visited.push(at);
        continue;
      }
      const code = text.charCodeAt(at);
      if (code === 10 || code === 13) {
        visited.push(at);
        if (this.newlineEnds && at > start && this.lineEndsStatement(start, at)) {
          result = at;
          break;
        }
        at++;
        continue;
      }
      const opener = this.openerAt(at);
      if (opener === '{') {
        result = this.matchEnd(at);
        break;
      }
      if (opener) {
        at = this.matchEnd(at);
        index = this.spanIndexAfter(at);
        visited.push(at);
        continue;
      }
      if (code === 59 && at > start) {
        result = at + 1;
        break;
      }
      if ((code === 41 || code === 93 || code === 125) && at > start) {
        result = at; // the block around the construct closes
        break;
      }
      at++;
    }
    for (const position of visited) this.constructEndFrom.set(position, result);
    return result;
  }

  /** For an opener at `at`, the offset just past its closer (the text's end when it has none). */
  matchEnd(at: number): number {
    return (this.matches ??= this.matchBrackets()).get(at) ?? this.scan.text.length;
  }

  /** Index of the first span that ends after `offset`. */
  private spanIndexAfter(offset: number): number {
    return partitionPoint(this.scan.spans, (span) => span.end <= offset);
  }

  private openerAt(at: number): Opener | undefined {
    const char = this.scan.text[at];
    if (char === '(' || char === '[' || char === '{') return char;
    if (!this.shellKeywords) return undefined;
    const word = this.commandWordAt(at);
    return word === undefined ? undefined : SHELL_OPENERS[word];
  }

  /** Every opener's closer, in one pass over the code; a stray closer is skipped. */
  private matchBrackets(): Map<number, number> {
    const { text, spans } = this.scan;
    const matches = new Map<number, number>();
    const stack: { at: number; opener: Opener }[] = [];
    let index = 0;
    for (let at = 0; at < text.length; at++) {
      const span = spans[index];
      if (span && span.start <= at) {
        at = span.end - 1;
        index++;
        continue;
      }
      const opener = this.openerAt(at);
      if (opener) {
        stack.push({ at, opener });
        continue;
      }
      const char = text[at];
      const closes = char === ')' || char === ']' || char === '}' ? CLOSER_OF[char] : this.shellKeywords ? closingKeyword(this, at) : undefined;
      if (!closes) continue;
      const closerLength = char === ')' || char === ']' || char === '}' ? 1 : (this.commandWordAt(at) ?? '').length;
      for (let depth = stack.length - 1; depth >= Math.max(0, stack.length - RECOVERY_DEPTH); depth--) {
        if (stack[depth].opener !== closes) continue;
        while (stack.length > depth) matches.set(stack.pop()!.at, at + closerLength);
        break;
      }
    }
    return matches;
  }

  /** The shell word at `at` when it starts a command (`if`, `fi`, `done`, …); undefined otherwise. */
  commandWordAt(at: number): string | undefined {
    const { text } = this.scan;
    if (at > 0 && isWordCharacter(text.charCodeAt(at - 1))) return undefined;
    let end = at;
    while (end < text.length && isWordCharacter(text.charCodeAt(end))) end++;
    if (end === at || end - at > 6 || isWordCharacter(text.charCodeAt(end))) return undefined;
    let before = at - 1;
    while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
    if (before >= 0 && !'\n\r;&|({!`'.includes(text[before])) {
      if (!isWordCharacter(text.charCodeAt(before))) return undefined;
      let wordStart = before;
      while (wordStart > 0 && before - wordStart < 6 && isWordCharacter(text.charCodeAt(wordStart - 1))) wordStart--;
      if (!SHELL_COMMAND_PREFIXES.has(text.slice(wordStart, before + 1))) return undefined;
    }
    return text.slice(at, end);
  }

  /**
   * Whether the line ending at `newline` ends the statement begun at `start`: it does unless its
   * last code is an operator or a comma (`a +`, `f(x,`), a shell continuation (`\`, `|`, `&&`), or
   * the next line goes on with `.` (a call chain).
   */
  private lineEndsStatement(start: number, newline: number): boolean {
    const { text } = this.scan;
    let at = newline - 1;
    while (at >= start) {
      const span = this.spanAt(at);
      if (span && span.kind !== 'string') at = span.start - 1;
      else if (span || !isBlank(text.charCodeAt(at))) break;
      else at--;
    }
    if (at < start) return false;
    if (this.isCode(at) && '+-*/%&|^<>=!,.:?\\'.includes(text[at])) return false;
    const next = this.nextCode(newline);
    return text.charCodeAt(next) !== 46 && !text.startsWith('?.', next);
  }
}

function closingKeyword(structure: LexicalStructure, at: number): Opener | undefined {
  const word = structure.commandWordAt(at);
  return word === 'fi' || word === 'esac' || word === 'done' ? CLOSER_OF[word] : undefined;
}

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
