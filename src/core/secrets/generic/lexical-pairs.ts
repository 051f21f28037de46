// The generic-secret rule's lexical pre-check: whether a JS/TS or Python file may hold a value
// that the AST pass would report, decided from the text alone, so that most files are never parsed.
import { PYTHON_ENV_GETTERS } from '../candidates/python-env-fallbacks';
import { judgeNamedValue } from './judge-named-value';
import { SECRET_NAME_WORDS } from './secret-names';

/**
 * Source files are parsed only when a lexical pass finds a `name = "value"`-shaped pair that the
 * judge itself calls a secret, or a JWT signing call whose key argument is a string literal. The
 * pass sees every pair the AST pass can report, so recall is unchanged, and most files never reach
 * the parser (parsing costs ~10× everything else). It starts from occurrences of the name gate's
 * own words, so it never tries the identifiers in between.
 */
const SECRET_WORD = new RegExp([...SECRET_NAME_WORDS].sort((a, b) => b.length - a.length).join('|'), 'gi');
/** `[\w$.-]` by character code: the name around a word is extended one character at a time. */
const IDENTIFIER_CHAR = new Uint8Array(128);
for (const char of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.-') IDENTIFIER_CHAR[char.charCodeAt(0)] = 1;
const isIdentifierChar = (code: number) => code < 128 && IDENTIFIER_CHAR[code] === 1;
/**
 * What follows a name: optional closing quote/bracket, a type annotation, a separator (`) or`
 * closes an environment getter's call, `, default=` is its keyword fallback), a quoted value. Groups: 1 the closing quote of a quoted
 * name, 2 the separator, 4 the value.
 */
const AFTER_NAME =
  /(["'`])?\]?(?:\s*:\s*[\w<>[\]|. ]{1,40})?\s*(,\s*default\s*=|:|=|,|\|\||\?\?|\)\s*or)\s*[rRbBuU]{0,2}(["'`])((?:(?!\3)[^\\\r\n]|\\.){0,512})\3/y;

/** The generic-secret rule's JWT sinks: `jwt.sign(`… and a bare imported `sign(`/`verify(`. */
const JWT_CALL = /(?:\b(?:jwt|jsonwebtoken|jose)\.(?:sign|verify|encode|decode)|(?<![\w$.])(?:sign|verify))\s*\(/g;

/**
 * Whether the AST pass can bind a value to a name across this separator, so that the pair can
 * become a report. `,` binds only in Python's `os.getenv("NAME", "…")` (a quoted name that is an
 * environment getter's first argument, also as `, default="…"`), and `) or` only in
 * `os.getenv("NAME") or "…"`; `||` and `??` only in JS's `process.env.NAME || "…"`.
 * Anything else (`["password", "search"]` in a bundle, `('splitpasswd', 'splitport')` in a list,
 * `f(pass, "x")`) would send the file to the parser for a pair no pass can report.
 * `nameStart` is where the name's identifier run starts; `closingQuote` the quote after the name.
 */
function separatorBinds(text: string, separator: string, nameStart: number, closingQuote: string | undefined, python: boolean): boolean {
  if (separator.startsWith(',') || separator.startsWith(')'))
    return python && closingQuote !== undefined && isEnvGetterFirstArgument(text, nameStart, closingQuote);
  if (separator === '||' || separator === '??') return !python;
  return true;
}

const PYTHON_STRING_PREFIX = /[rRbBuUfF]/;

/**
 * Whether the quoted name around `nameStart` is the first argument of an environment getter:
 * `getenv(` before its opening quote. Where the text before it cannot be read that simply (a
 * comment may sit between the `(` and the name), the answer is yes: the parser decides.
 */
function isEnvGetterFirstArgument(text: string, nameStart: number, quote: string): boolean {
  const lineStart = text.lastIndexOf('\n', nameStart) + 1;
  let index = text.lastIndexOf(quote, nameStart - 1);
  if (index < lineStart) return true; // the name's opening quote is not on its line: unusual, let the parser see it
  for (let prefix = 0; prefix < 2 && index > 0 && PYTHON_STRING_PREFIX.test(text[index - 1]); prefix++) index--;
  let crossedLine = false;
  while (index > 0 && /\s/.test(text[index - 1])) {
    index--;
    if (text[index] === '\n') crossedLine = true;
  }
  if (text[index - 1] !== '(') return crossedLine; // a comment line may end just before the name
  index--;
  while (index > 0 && /[ \t]/.test(text[index - 1])) index--;
  let calleeStart = index;
  while (calleeStart > 0 && /[\w.]/.test(text[calleeStart - 1])) calleeStart--;
  return PYTHON_ENV_GETTERS.has(text.slice(calleeStart, index));
}

export function mayHoldNamedSecret(text: string, path: string, python: boolean): boolean {
  if (hasJwtCallWithLiteralKey(text)) return true;
  SECRET_WORD.lastIndex = 0;
  for (let word = SECRET_WORD.exec(text); word; word = SECRET_WORD.exec(text)) {
    let nameStart = word.index;
    while (nameStart > 0 && isIdentifierChar(text.charCodeAt(nameStart - 1))) nameStart--;
    let nameEnd = word.index + word[0].length;
    while (nameEnd < text.length && isIdentifierChar(text.charCodeAt(nameEnd))) nameEnd++;
    SECRET_WORD.lastIndex = nameEnd; // one look per identifier
    AFTER_NAME.lastIndex = nameEnd;
    const pair = AFTER_NAME.exec(text);
    if (!pair || !separatorBinds(text, pair[2], nameStart, pair[1], python)) continue;
    const name = text.slice(nameStart, nameEnd);
    const innermost = name.slice(name.lastIndexOf('.') + 1);
    for (const value of decodedReadings(pair[4])) {
      if (judgeNamedValue({ name, value, path }).secret || (innermost !== name && judgeNamedValue({ name: innermost, value, path }).secret)) return true;
    }
  }
  return false;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * The value a string literal's text stands for, lexically. Known escapes decode as both JS and
 * Python do; for any other `\X`, JS reads `X` and Python keeps `\X`: both readings are returned
 * and judged, so no file needs the parser just for an unusual escape.
 */
function decodedReadings(raw: string): string[] {
  if (!raw.includes('\\')) return [raw];
  let identity = false;
  const decode = (keepUnknown: boolean) =>
    raw.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (match, escape: string) => {
      if (escape.length > 1) return String.fromCodePoint(parseInt(escape.replace(/^u\{?|^x|\}$/g, ''), 16));
      if (escape in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[escape];
      if (escape === '\n') return ''; // a line continuation
      if ('\\\'"`/'.includes(escape)) return escape;
      identity = true;
      return keepUnknown ? match : escape;
    });
  const jsReading = decode(false);
  return identity ? [jsReading, decode(true)] : [jsReading];
}

/**
 * A `jwt.sign(payload, "…")`-shaped call: the key, the second argument, is a string literal (the
 * AST pass reports only a literal that is the argument itself). From the call's `(`, brackets
 * and quoted strings in the first argument are skipped to its top-level comma. (A regex literal
 * holding a quote in the first argument would be misread; payloads are object literals or names.)
 */
function hasJwtCallWithLiteralKey(text: string): boolean {
  JWT_CALL.lastIndex = 0;
  for (let call = JWT_CALL.exec(text); call; call = JWT_CALL.exec(text)) {
    if (secondArgumentIsLiteral(text, call.index + call[0].length)) return true;
  }
  return false;
}

/** Longest first argument looked through: a payload object literal, not a whole file. */
const MAX_FIRST_ARGUMENT = 4000;

function secondArgumentIsLiteral(text: string, argumentsStart: number): boolean {
  let depth = 0;
  const end = Math.min(text.length, argumentsStart + MAX_FIRST_ARGUMENT);
  for (let index = argumentsStart; index < end; index++) {
    const char = text[index];
    if (char === '"' || char === "'" || char === '`') {
      index = closingQuote(text, index, end);
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth-- === 0) return false; // the call ended with one argument
    } else if (char === ',' && depth === 0) {
      return /^\s*[rRbBuU]{0,2}["'`]/.test(text.slice(index + 1, index + 80));
    }
  }
  // A first argument too long to follow: let the parser decide.
  return end < text.length || depth > 0;
}

/** The offset of the quote closing the string opened at `start` (or `end` if it does not close). */
function closingQuote(text: string, start: number, end: number): number {
  const quote = text[start];
  for (let index = start + 1; index < end; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote) return index;
  }
  return end;
}
