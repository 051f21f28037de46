// `# type: ignore[...]` (mypy, and pyright honours it too) and `# pyright: ignore[...]`.
//
// Pyright's tokenizer (packages/pyright-internal/src/parser/tokenizer.ts) matches each comment
// against /((^|#)\s*)type:\s*ignore(\[[\s\w-,]*]|\s|$)/ and the same with `pyright:`: at the start
// of the comment or after a later `#`, case-sensitive, `ignore` followed by a bracketed rule list,
// whitespace or the end (`# type: ignored` is nothing). mypy is stricter (the comment must start
// with it and only `# …` may follow the brackets) but never accepts a form pyright rejects, so the
// pyright reading is the union. Before the first statement of a file both tools read it as
// "ignore the whole file"; the caller knows where the comment sits and may widen the scope.
//
// The reason is text after the directive, or a following `# …` segment (post-pass in index.ts).
// A fix must add it as `# type: ignore[code]  # why`: mypy rejects `# type: ignore[code] -- why`.
import type { SuppressionDirective, SuppressionTool } from '../model';
import type { DirectiveMatcher } from './context';
import {
  REASON_SEPARATORS,
  directiveWithReason,
  hashAnchors,
  isComma,
  isWhitespace,
  isWordCharacter,
  readReason,
  segmentEnd,
  skipWhitespace,
  splitList,
} from './scan';

const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export const matchTypeIgnore: DirectiveMatcher = (text) => optional(findIgnore(text, 'type', 'mypy'));

export const matchPyrightIgnore: DirectiveMatcher = (text) => optional(findIgnore(text, 'pyright', 'pyright'));

function optional(directive: SuppressionDirective | undefined): SuppressionDirective[] {
  return directive ? [directive] : [];
}

function findIgnore(text: string, prefix: string, tool: SuppressionTool): SuppressionDirective | undefined {
  for (const anchor of hashAnchors(text)) {
    const start = skipWhitespace(text, anchor);
    if (!text.startsWith(`${prefix}:`, start)) continue;
    const keyword = skipWhitespace(text, start + prefix.length + 1);
    if (!text.startsWith('ignore', keyword)) continue;
    const keywordEnd = keyword + 'ignore'.length;
    let bodyEnd = keywordEnd;
    let ids: string[] = [];
    if (text.charCodeAt(keywordEnd) === OPEN_BRACKET) {
      const close = ruleListClose(text, keywordEnd + 1);
      if (close === -1) continue;
      ids = splitList(text, keywordEnd + 1, close, isComma).map((item) => item.value);
      bodyEnd = close + 1;
    } else if (keywordEnd < text.length && !isWhitespace(text.charCodeAt(keywordEnd))) {
      continue;
    }
    return directiveWithReason({
      tool,
      scope: 'line',
      ids,
      start,
      bodyEnd,
      reason: readReason(text, bodyEnd, segmentEnd(text, bodyEnd), REASON_SEPARATORS, true),
      idsInsertAt: keywordEnd,
      reasonSeparator: '  # ',
    });
  }
  return undefined;
}

/** The `]` closing a rule list of `[\s\w-,]*`; -1 when another character comes first. */
function ruleListClose(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACKET) return i;
    if (!isWordCharacter(code) && !isWhitespace(code) && code !== 45 && code !== 44) return -1;
  }
  return -1;
}
