// Character-level helpers shared by the dialect matchers. Every matcher walks the comment by offset
// (indexOf and charCodeAt, no backtracking regular expressions), so one pass over a comment is
// linear in its length whatever it holds.
import type { SuppressionDirective, SuppressionScope, SuppressionTool } from '../model';
import { isHashFamily, type CommentFamily, type DirectiveMatcher } from './context';

const HASH = 35;

/** Python's and JavaScript's `\s` for the ASCII range: space, tab, line breaks, form feed, vertical tab. */
export function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** `[A-Za-z0-9_]`: what ends a word for `\b`. */
export function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function isUpperCaseLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function skipWhitespace(text: string, pos: number, end = text.length): number {
  while (pos < end && isWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** The offset just past the last non-whitespace character of [start, end), or `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether `word` sits at `pos`, comparing ASCII letters without regard to case. */
export function startsWithIgnoringCase(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    const a = text.charCodeAt(pos + i);
    const b = word.charCodeAt(i);
    if (a !== b && (a | 32) !== (b | 32)) return false;
    if (a !== b && !isLetter(a)) return false;
  }
  return true;
}

/** The first offset ≥ `from` where `word` starts, ignoring ASCII case; -1 when there is none. */
export function indexOfIgnoringCase(text: string, word: string, from: number): number {
  const first = word.charCodeAt(0) | 32;
  for (let i = from; i + word.length <= text.length; i++) {
    if ((text.charCodeAt(i) | 32) === first && startsWithIgnoringCase(text, i, word)) return i;
  }
  return -1;
}

/**
 * Where a Python tool that anchors at `#` may find its keyword: the start of the comment (the `#`
 * the caller stripped) and the offset after every further `#` in it (`# noqa: E501  # nosec B608`).
 */
export function* hashAnchors(text: string): Generator<number> {
  yield 0;
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) yield i + 1;
}

/** The end of the `#`-delimited segment that starts at or contains `pos`: the next `#`, or the text's end. */
export function segmentEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) if (text.charCodeAt(i) === HASH) return i;
  return text.length;
}

/** The end of the line holding `pos` (a block comment may span lines). */
export function lineEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

export interface ReasonSpan {
  reason: string;
  /** Offset just past the reason's last character. */
  end: number;
}

/**
 * A justification written after a directive: blanks, then optionally one of `separators` (a dash
 * must be followed by whitespace), then the text up to `end`. Undefined when nothing but
 * blanks and a separator is there. `plainAllowed` accepts text with no separator at all.
 */
export function readReason(text: string, pos: number, end: number, separators: readonly string[], plainAllowed: boolean): ReasonSpan | undefined {
  let start = skipWhitespace(text, pos, end);
  if (start >= end) return undefined;
  let separated = false;
  for (const separator of separators) {
    if (!text.startsWith(separator, start)) continue;
    const after = start + separator.length;
    // A dash only separates when a blank follows (`-- why`, not `--flag` or `-B608`).
    const needsBlank = separator !== ':' && separator !== '#';
    if (needsBlank && after < end && !isWhitespace(text.charCodeAt(after))) continue;
    start = skipWhitespace(text, after, end);
    separated = true;
    break;
  }
  if (!separated && (!plainAllowed || start === pos)) return undefined;
  const reasonEnd = trimEnd(text, start, end);
  if (reasonEnd <= start) return undefined;
  return { reason: text.slice(start, reasonEnd), end: reasonEnd };
}

/** The usual separators before a free-text justification: ` -- why`, ` - why`, ` — why`, `: why`. */
export const REASON_SEPARATORS: readonly string[] = ['--', '—', '–', '-', ':'];

export interface DirectiveFields {
  tool: SuppressionTool;
  scope: SuppressionScope;
  ids: string[];
  start: number;
  end: number;
  reason?: string;
  idsInsertAt?: number;
  reasonInsertAt?: number;
  reasonSeparator?: string;
  reasonTerminator?: string;
}

/**
 * A directive without undefined optional fields. `idsInsertAt` is kept only for a blanket directive
 * (there is nothing to narrow otherwise) and `reasonInsertAt` only when no reason is given.
 */
export function makeDirective(fields: DirectiveFields): SuppressionDirective {
  const directive: SuppressionDirective = { tool: fields.tool, scope: fields.scope, ids: fields.ids, start: fields.start, end: fields.end };
  if (fields.reason !== undefined) directive.reason = fields.reason;
  if (fields.idsInsertAt !== undefined && fields.ids.length === 0) directive.idsInsertAt = fields.idsInsertAt;
  if (fields.reasonInsertAt !== undefined && fields.reason === undefined) directive.reasonInsertAt = fields.reasonInsertAt;
  if (fields.reasonSeparator !== undefined) directive.reasonSeparator = fields.reasonSeparator;
  if (fields.reasonTerminator !== undefined && fields.reason === undefined) directive.reasonTerminator = fields.reasonTerminator;
  return directive;
}

/** Splits `a, b ,c` into trimmed non-empty items with their offsets. */
export function splitList(text: string, start: number, end: number, isSeparator: (code: number) => boolean): { value: string; start: number; end: number }[] {
  const items: { value: string; start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    while (i < end && (isSeparator(text.charCodeAt(i)) || isWhitespace(text.charCodeAt(i)))) i++;
    const itemStart = i;
    while (i < end && !isSeparator(text.charCodeAt(i))) i++;
    const itemEnd = trimEnd(text, itemStart, i);
    if (itemEnd > itemStart) items.push({ value: text.slice(itemStart, itemEnd), start: itemStart, end: itemEnd });
  }
  return items;
}

export const isComma = (code: number): boolean => code === 44;
export const isCommaOrWhitespace = (code: number): boolean => code === 44 || isWhitespace(code);

/**
 * Where free text after a directive stops: the line's end, and in `#`-comment families (Python,
 * config, Ruby, shell) also the next `#`, which starts another comment with its own directive or reason.
 */
export function reasonLimit(text: string, pos: number, family: CommentFamily): number {
  const end = lineEnd(text, pos);
  if (!isHashFamily(family)) return end;
  for (let i = pos; i < end; i++) if (text.charCodeAt(i) === HASH) return i;
  return end;
}

/**
 * A directive whose body (keyword and ids) ends at `bodyEnd`, with the `reason` read after it: the
 * directive runs to the reason's end, and where there is no reason, one would be written at `bodyEnd`.
 */
export function directiveWithReason(
  fields: Omit<DirectiveFields, 'end' | 'reason' | 'reasonInsertAt'> & { bodyEnd: number; reason: ReasonSpan | undefined },
): SuppressionDirective {
  const { bodyEnd, reason, ...rest } = fields;
  const end = reason ? reason.end : bodyEnd;
  return makeDirective({ ...rest, end, reason: reason?.reason, reasonInsertAt: end });
}

/**
 * A directive without ids whose reason is whatever text follows its keyword (up to `limit`):
 * gitleaks' and Sonar's markers, detect-secrets' pragma, TypeScript's comments.
 */
export function directiveWithTrailingReason(
  text: string,
  fields: { tool: SuppressionTool; scope: SuppressionScope; start: number; keywordEnd: number; limit: number; reasonSeparator: string },
): SuppressionDirective {
  return directiveWithReason({
    tool: fields.tool,
    scope: fields.scope,
    ids: [],
    start: fields.start,
    bodyEnd: fields.keywordEnd,
    reason: readReason(text, fields.keywordEnd, fields.limit, REASON_SEPARATORS, true),
    reasonSeparator: fields.reasonSeparator,
  });
}

/**
 * A tool that honours a fixed marker anywhere in a comment (case-sensitive, no ids), with any text
 * after it as the reason: gitleaks' allow marker, Sonar's no-sonar marker and PMD's work this way
 * (PMD's only in `//` comments: `lineCommentsOnly`).
 */
export function anywhereMarkerMatcher(tool: SuppressionTool, marker: string, lineCommentsOnly = false): DirectiveMatcher {
  return (text, context) => {
    if (lineCommentsOnly && context.kind === 'block') return [];
    const start = text.indexOf(marker);
    if (start === -1) return [];
    const keywordEnd = start + marker.length;
    return [
      directiveWithTrailingReason(text, {
        tool,
        scope: 'line',
        start,
        keywordEnd,
        limit: reasonLimit(text, keywordEnd, context.family),
        reasonSeparator: ' -- ',
      }),
    ];
  };
}
