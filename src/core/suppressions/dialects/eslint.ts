// ESLint's directive comments, as ESLint 9/10 reads them (@eslint/plugin-kit ConfigCommentParser
// and lib/languages/js/source-code/source-code.js):
// - the comment is split at the first /\s-{2,}\s/: before it the directive, after it the
//   justification (`// eslint-disable-next-line no-eval -- needed for the plugin loader`);
// - the trimmed directive must start with its label, /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/, so prose or
//   a URL mentioning `eslint-disable-line` is no directive, nor is `eslint-disabled`;
// - line comments only carry `eslint-disable-line` / `eslint-disable-next-line`; `eslint-disable`,
//   `eslint-enable` and the inline rule config `/* eslint rule: "off" */` need a block comment;
// - `eslint-disable-line` in a block comment spanning lines is rejected;
// - rule lists are split at commas, trimmed, surrounding quotes dropped.
// `eslint-disable` is reported as block-start wherever it sits: at the top of a file it covers the
// whole file, which the caller can tell. `/* eslint rule: "off" */` switches rules off for the
// whole file (scope 'file'); it is reported only when it turns at least one rule off.
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { CommentContext, DirectiveMatcher } from './context';
import { isComma, isDigit, isWhitespace, makeDirective, skipWhitespace, splitList, trimEnd } from './scan';
import { isLowerAsciiLetter } from '../../languages/ascii';

const LABELS: ReadonlyMap<string, SuppressionScope> = new Map([
  ['eslint-disable', 'block-start'],
  ['eslint-enable', 'block-end'],
  ['eslint-disable-line', 'line'],
  ['eslint-disable-next-line', 'next-line'],
  ['eslint', 'file'],
]);

export const matchEslint: DirectiveMatcher = (text, context) => {
  const separator = justificationSeparator(text);
  const directiveEnd = trimEnd(text, 0, separator ? separator.start : text.length);
  const labelStart = skipWhitespace(text, 0, directiveEnd);
  const labelEnd = readLabel(text, labelStart, directiveEnd);
  if (labelEnd === -1) return [];
  const label = text.slice(labelStart, labelEnd);
  const scope = LABELS.get(label);
  if (!scope || !isAllowedIn(label, text, context)) return [];

  const justificationStart = separator ? skipWhitespace(text, separator.end) : text.length;
  const justificationEnd = trimEnd(text, justificationStart, text.length);
  const reason = justificationEnd > justificationStart ? text.slice(justificationStart, justificationEnd) : undefined;
  const valueStart = skipWhitespace(text, labelEnd, directiveEnd);
  const ids = label === 'eslint' ? rulesTurnedOff(text, valueStart, directiveEnd) : listedRules(text, valueStart, directiveEnd);
  if (label === 'eslint' && ids.length === 0) return [];
  const directive: SuppressionDirective = makeDirective({
    tool: 'eslint',
    scope,
    ids,
    start: labelStart,
    end: reason ? justificationEnd : directiveEnd,
    reason,
    idsInsertAt: label === 'eslint' ? undefined : labelEnd,
    reasonInsertAt: directiveEnd,
    reasonSeparator: ' -- ',
  });
  return [directive];
};

/** The first /\s-{2,}\s/ in the comment. */
function justificationSeparator(text: string): { start: number; end: number } | undefined {
  for (let i = text.indexOf('--'); i !== -1; i = text.indexOf('--', i + 1)) {
    if (i === 0 || !isWhitespace(text.charCodeAt(i - 1))) continue;
    let j = i + 2;
    while (text.charCodeAt(j) === 45) j++;
    if (j < text.length && isWhitespace(text.charCodeAt(j))) return { start: i - 1, end: j + 1 };
    i = j - 1;
  }
  return undefined;
}

/** `[a-z]+(?:-[a-z]+)*` followed by whitespace or the end of the directive; -1 when absent. */
function readLabel(text: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    const wordStart = i;
    while (i < end && isLowerAsciiLetter(text.charCodeAt(i))) i++;
    if (i === wordStart) return -1;
    if (text.charCodeAt(i) === 45 && isLowerAsciiLetter(text.charCodeAt(i + 1)) && i + 1 < end) {
      i++;
      continue;
    }
    return i === end || isWhitespace(text.charCodeAt(i)) ? i : -1;
  }
}

function isAllowedIn(label: string, text: string, context: CommentContext): boolean {
  const isLineLabel = label === 'eslint-disable-line' || label === 'eslint-disable-next-line';
  if (context.kind === 'line' && !isLineLabel) return false;
  if (label === 'eslint-disable-line' && context.kind !== 'line' && /[\n\r]/.test(text)) return false;
  return true;
}

/** `parseListConfig`: comma-separated, trimmed, one pair of surrounding quotes dropped. */
function listedRules(text: string, start: number, end: number): string[] {
  return splitList(text, start, end, isComma).map((item) => unquote(item.value));
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.length >= 2 && value[value.length - 1] === first) return value.slice(1, -1);
  return value;
}

/**
 * The rules an inline config (`no-eval: "off", "security/detect-x": 0, no-new-func: ["off"]`) sets
 * to severity off: `"off"`, `off` or the number 0, alone or first in an array.
 */
function rulesTurnedOff(text: string, start: number, end: number): string[] {
  const ids: string[] = [];
  for (const item of splitTopLevel(text, start, end)) {
    const colon = keyColon(item);
    if (colon === -1) continue;
    const rule = unquote(item.slice(0, colon).trim());
    let severity = item.slice(colon + 1).trim();
    if (severity.startsWith('[')) severity = severity.slice(1).split(',')[0].replace(/\]$/, '').trim();
    const isQuoted = severity.startsWith('"') || severity.startsWith("'");
    const value = unquote(severity);
    if (value === 'off' || (!isQuoted && value.length > 0 && [...value].every((c) => isDigit(c.charCodeAt(0))) && Number(value) === 0)) {
      ids.push(rule);
    }
  }
  return ids;
}

/** Items separated by commas outside quotes and brackets. */
function splitTopLevel(text: string, start: number, end: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote = 0;
  let itemStart = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (quote) {
      if (code === 92) i++;
      else if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      quote = code;
    } else if (code === 91 || code === 123) {
      depth++;
    } else if (code === 93 || code === 125) {
      depth--;
    } else if (code === 44 && depth === 0) {
      items.push(text.slice(itemStart, i));
      itemStart = i + 1;
    }
  }
  items.push(text.slice(itemStart, end));
  return items;
}

/** The `:` after a rule name (quoted names may hold `:`); -1 when there is none. */
function keyColon(item: string): number {
  const trimmed = item.trimStart();
  const offset = item.length - trimmed.length;
  const quote = trimmed[0];
  if (quote === '"' || quote === "'") {
    const close = trimmed.indexOf(quote, 1);
    if (close === -1) return -1;
    const colon = trimmed.indexOf(':', close);
    return colon === -1 ? -1 : colon + offset;
  }
  return item.indexOf(':');
}
