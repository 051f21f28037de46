// `# pylint: disable=…` and friends, read like pylint/utils/pragma_parser.py:
//   OPTION_RGX   #.*?\bpylint:\s*([^;#\n]+)[;#]?        searched in the comment, case-sensitive
//   tokens       KEYWORD  \b(disable-all|skip-file|disable-next|disable|enable)\b
//                ASSIGN   =      MESSAGE_STRING  [0-9A-Za-z\-\_]{2,}      MESSAGE_NUMBER  [CREIWF]\d*
// `pylint:` may sit anywhere in the comment after a word boundary; the pragma text ends at `;`,
// `#` or the line end. One comment may hold several pragmas (`disable=a, enable=b`). `parse_pragma`
// yields a pragma when the next keyword or the end arrives and stops at the first error (`=`
// missing, a keyword without messages), so pragmas before an error still apply.
//
// Scope: `disable` on a line with code covers that line; alone on its line it covers the rest of
// the enclosing block (caller passes `standalone`); `disable-next` the next line; `enable` ends a
// block; `skip-file` and the deprecated `disable-all` the whole file. `disable=all` is a blanket.
// Pylint has no reason syntax: we take text after ` -- ` (pylint itself would read those words as
// message names, which name nothing) or a following `# …` segment (post-pass in index.ts).
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { CommentContext, DirectiveMatcher } from './context';
import { directiveWithReason, isWordCharacter, readReason, type ReasonSpan, skipWhitespace } from './scan';

const KEYWORDS = ['disable-all', 'skip-file', 'disable-next', 'disable', 'enable'] as const;
type Keyword = (typeof KEYWORDS)[number];
const MESSAGE_KEYWORDS: ReadonlySet<Keyword> = new Set(['disable', 'disable-next', 'enable']);

interface Pragma {
  action: Keyword;
  messages: string[];
  start: number;
  end: number;
}

export const matchPylint: DirectiveMatcher = (text, context) => {
  const prefix = findPrefix(text);
  if (prefix === -1) return [];
  const contentStart = skipWhitespace(text, prefix + 'pylint:'.length);
  const contentEnd = pragmaEnd(text, contentStart);
  const separator = text.indexOf(' -- ', contentStart);
  const tokensEnd = separator !== -1 && separator < contentEnd ? separator : contentEnd;
  const pragmas = parsePragmas(text, contentStart, tokensEnd);
  if (pragmas.length === 0) return [];
  pragmas[0].start = prefix;
  const last = pragmas[pragmas.length - 1];
  const reason = tokensEnd < contentEnd ? readReason(text, tokensEnd, contentEnd, ['--'], false) : undefined;
  return pragmas.map((pragma) => toDirective(pragma, context, pragma === last ? reason : undefined));
};

function toDirective(pragma: Pragma, context: CommentContext, reason: ReasonSpan | undefined): SuppressionDirective {
  return directiveWithReason({
    tool: 'pylint',
    scope: scopeOf(pragma.action, context),
    ids: pragma.messages.includes('all') ? [] : pragma.messages,
    start: pragma.start,
    bodyEnd: pragma.end,
    reason,
    reasonSeparator: '  # ',
  });
}

function scopeOf(action: Keyword, context: CommentContext): SuppressionScope {
  switch (action) {
    case 'disable':
      return context.standalone ? 'block-start' : 'line';
    case 'disable-next':
      return 'next-line';
    case 'enable':
      return 'block-end';
    case 'skip-file':
    case 'disable-all':
      return 'file';
  }
}

/** `pylint:` after a word boundary; -1 when absent. */
function findPrefix(text: string): number {
  for (let i = text.indexOf('pylint:'); i !== -1; i = text.indexOf('pylint:', i + 1)) {
    if (i === 0 || !isWordCharacter(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}

function pragmaEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 59 || code === 35 || code === 10) return i; // ; # \n
  }
  return text.length;
}

/** `parse_pragma`'s state machine over the tokens of [start, end). */
function parsePragmas(text: string, start: number, end: number): Pragma[] {
  const pragmas: Pragma[] = [];
  let current: Pragma | undefined;
  let assignmentRequired = false;
  let i = start;
  while (i < end) {
    const keyword = keywordAt(text, i, end);
    if (keyword) {
      if (assignmentRequired) return pragmas;
      if (current) {
        if (!isComplete(current)) return pragmas;
        pragmas.push(current);
      }
      current = { action: keyword, messages: [], start: i, end: i + keyword.length };
      assignmentRequired = MESSAGE_KEYWORDS.has(keyword);
      i += keyword.length;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 61) {
      if (!assignmentRequired || !current) return pragmas;
      assignmentRequired = false;
      current.end = i + 1;
      i++;
      continue;
    }
    const messageEnd = messageTokenEnd(text, i, end);
    if (messageEnd > i) {
      if (assignmentRequired || !current) return pragmas;
      current.messages.push(text.slice(i, messageEnd));
      current.end = messageEnd;
      i = messageEnd;
      continue;
    }
    i++; // blanks and commas are not tokens
  }
  if (current && !assignmentRequired && isComplete(current)) pragmas.push(current);
  return pragmas;
}

function isComplete(pragma: Pragma): boolean {
  return !MESSAGE_KEYWORDS.has(pragma.action) || pragma.messages.length > 0;
}

function keywordAt(text: string, i: number, end: number): Keyword | undefined {
  if (i > 0 && isWordCharacter(text.charCodeAt(i - 1))) return undefined;
  for (const keyword of KEYWORDS) {
    const after = i + keyword.length;
    if (after <= end && text.startsWith(keyword, i) && (after === text.length || !isWordCharacter(text.charCodeAt(after)))) return keyword;
  }
  return undefined;
}

/** MESSAGE_STRING (two or more of `[0-9A-Za-z_-]`) or MESSAGE_NUMBER (`[CREIWF]\d*`). */
function messageTokenEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isMessageCharacter(text.charCodeAt(j))) j++;
  if (j - i >= 2) return j;
  if ('CREIWF'.includes(text[i])) return i + 1;
  return i;
}

function isMessageCharacter(code: number): boolean {
  return isWordCharacter(code) || code === 45;
}
