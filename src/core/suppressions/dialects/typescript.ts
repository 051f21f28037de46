// TypeScript's comment directives, as the compiler's scanner and pragma reader match them
// (typescript.js: commentDirectiveRegExSingleLine / commentDirectiveRegExMultiLine,
// singleLinePragmaRegEx):
// - `@ts-ignore` / `@ts-expect-error` in a line comment: /^\/\/\/?\s*@(ts-expect-error|ts-ignore)/;
//   in a block comment, on its last line: /^(?:\/|\*)*\s*@(ts-expect-error|ts-ignore)/ after
//   trimming. Both silence the line after the comment, wherever the comment sits. There is no word
//   boundary: TypeScript reads `// @ts-ignored` as `@ts-ignore`. `// ts-ignore` (no `@`) is nothing.
// - the no-check pragma only in a `//` comment: /^\/\/\/?\s*@([^\s:]+)((?:[^\S\r\n]|:).*)?$/, the name
//   compared in lower case; TypeScript honours it only among the comments before the first token,
//   which the caller knows.
// The text after the directive is the reason, as typescript-eslint's ban-ts-comment reads the
// description (`// @ts-expect-error: wrong typings upstream`, `// @ts-ignore -- reason`).
import type { SuppressionDirective } from '../model';
import type { DirectiveMatcher } from './context';
import { directiveWithTrailingReason, isWhitespace, isWordCharacter, skipWhitespace } from './scan';

const DIRECTIVES = ['@ts-expect-error', '@ts-ignore'] as const;

export const matchTypescript: DirectiveMatcher = (text, context) => {
  const directives: SuppressionDirective[] = [];
  const ignore = context.kind === 'line' ? lineIgnore(text) : blockIgnore(text);
  if (ignore) directives.push(ignore);
  if (context.kind !== 'block' && !/[\n\r]/.test(text)) {
    const noCheck = readNoCheck(text);
    if (noCheck) directives.push(noCheck);
  }
  return directives;
};

function lineIgnore(text: string): SuppressionDirective | undefined {
  const at = skipWhitespace(text, text.charCodeAt(0) === 47 ? 1 : 0);
  return ignoreAt(text, at);
}

/** The last line, trimmed, after any run of `/` and `*`. */
function blockIgnore(text: string): SuppressionDirective | undefined {
  let lastLine = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  lastLine = skipWhitespace(text, lastLine);
  while (text.charCodeAt(lastLine) === 47 || text.charCodeAt(lastLine) === 42) lastLine++;
  return ignoreAt(text, skipWhitespace(text, lastLine));
}

function ignoreAt(text: string, at: number): SuppressionDirective | undefined {
  const directive = DIRECTIVES.find((word) => text.startsWith(word, at));
  if (!directive) return undefined;
  let wordEnd = at + directive.length;
  while (wordEnd < text.length && (isWordCharacter(text.charCodeAt(wordEnd)) || text.charCodeAt(wordEnd) === 45)) wordEnd++;
  return withReason(text, at, wordEnd, 'next-line');
}

function readNoCheck(text: string): SuppressionDirective | undefined {
  const at = skipWhitespace(text, text.charCodeAt(0) === 47 ? 1 : 0);
  if (text.charCodeAt(at) !== 64) return undefined;
  let nameEnd = at + 1;
  while (nameEnd < text.length && !isWhitespace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 58) nameEnd++;
  if (text.slice(at + 1, nameEnd).toLowerCase() !== 'ts-nocheck') return undefined;
  return withReason(text, at, nameEnd, 'file');
}

function withReason(text: string, start: number, wordEnd: number, scope: 'next-line' | 'file'): SuppressionDirective {
  return directiveWithTrailingReason(text, { tool: 'typescript', scope, start, keywordEnd: wordEnd, limit: text.length, reasonSeparator: ': ' });
}
