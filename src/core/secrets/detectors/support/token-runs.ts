// Finding candidate tokens in raw text without backtracking traps: every pattern is a literal
// prefix followed by ONE greedy character class (`prefix[class]*`), so each match consumes its run
// and the scan is linear. Lengths and inner structure are then checked in code on the captured run,
// and a run glued to more token characters (inside a longer identifier or base64 blob) is dropped.

/** A candidate found in the text: offsets are relative to the scanned text. */
export interface TokenRun {
  start: number;
  end: number;
  value: string;
}

/**
 * Letters, digits, `_`, `-` and `+`: a credential with one of these right before or after it is
 * part of something longer (an identifier, a base64 blob, a dashed name) and is not reported.
 * `/`, `=`, `.`, `:` and `@` are not glue, so `https://ghp_…@github.com`, `KEY=value` and a
 * sentence-ending period still leave the credential standing alone; nor is the letter of a `\n`
 * escape in a string literal (see standsAlone).
 */
export function isGlueChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 45 || // -
    code === 43 // +
  );
}

/** `\n`, `\r` or `\t` written as an escape in a string literal ends before `index`: a line break, not glue. */
function followsEscapedBreak(text: string, index: number): boolean {
  return index >= 2 && text[index - 2] === '\\' && 'nrt'.includes(text[index - 1]);
}

/** True when neither the character before `start` nor the one at `end` continues the token. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : NaN;
  const after = end < text.length ? text.charCodeAt(end) : NaN;
  return (!isGlueChar(before) || followsEscapedBreak(text, start)) && !isGlueChar(after);
}

/**
 * Every match of `pattern` (which must have the `g` flag and the `prefix[class]*` shape) that
 * stands alone in `text`.
 */
export function standaloneRuns(text: string, pattern: RegExp): TokenRun[] {
  const runs: TokenRun[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (standsAlone(text, start, end)) runs.push({ start, end, value: match[0] });
  }
  return runs;
}
