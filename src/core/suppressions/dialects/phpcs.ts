// PHP_CodeSniffer's annotations, as src/Tokenizers/Tokenizer.php (createPositionMap) reads each
// line of a comment: blanks, slashes, stars and `#` trimmed from both ends, then, compared in
// lower case at the start:
//   phpcs:ignoreFile                   the whole file
//   phpcs:disable [codes]              every line to the next phpcs:enable
//   phpcs:enable [codes]
//   phpcs:ignore [codes]               this line when code shares it; alone, the next line
// (`@phpcs:` works too; `phpcs:set` changes a setting and silences nothing). Codes are split at
// commas: a standard (`WordPress`), a category (`WordPress.DB`), a sniff
// (`WordPress.DB.PreparedSQL`) or one message of it (`….NotPrepared`); none means every sniff.
// Text after ` --` is the note phpcs allows. The older `@codingStandardsIgnoreFile`,
// `…IgnoreStart`/`…IgnoreEnd` and `…IgnoreLine` (anywhere in the comment) are blankets.
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { CommentContext, DirectiveMatcher } from './context';
import { directiveWithReason, isComma, lineEnd, readReason, splitList, startsWithIgnoringCase } from './scan';

const ANNOTATIONS: readonly [string, SuppressionScope | 'ignore'][] = [
  ['phpcs:ignorefile', 'file'],
  ['phpcs:disable', 'block-start'],
  ['phpcs:enable', 'block-end'],
  ['phpcs:ignore', 'ignore'],
];
const LEGACY: readonly [string, SuppressionScope | 'ignore'][] = [
  ['@codingStandardsIgnoreFile', 'file'],
  ['@codingStandardsIgnoreStart', 'block-start'],
  ['@codingStandardsIgnoreEnd', 'block-end'],
  ['@codingStandardsIgnoreLine', 'ignore'],
];

export const matchPhpcs: DirectiveMatcher = (text, context) => {
  const directives: SuppressionDirective[] = [];
  for (let lineStart = 0; lineStart <= text.length;) {
    const end = lineEnd(text, lineStart);
    const directive = readLine(text, lineStart, end, context);
    if (directive) directives.push(directive);
    lineStart = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return directives;
};

function readLine(text: string, lineStart: number, lineEnd: number, context: CommentContext): SuppressionDirective | undefined {
  let start = lineStart;
  while (start < lineEnd && ' \t/*#'.includes(text[start])) start++;
  let end = lineEnd;
  while (end > start && ' */\t'.includes(text[end - 1])) end--;
  const line = text.slice(start, end);
  const legacy = LEGACY.find(([marker]) => line.includes(marker));
  if (legacy) {
    const at = start + line.indexOf(legacy[0]);
    return directive(text, at, at + legacy[0].length, undefined, end, legacy[1], context);
  }
  const atSign = text.charCodeAt(start) === 64 ? 1 : 0;
  const annotation = ANNOTATIONS.find(([keyword]) => startsWithIgnoringCase(text, start + atSign, keyword));
  if (!annotation) return undefined;
  const keywordEnd = start + atSign + annotation[0].length;
  // phpcs reads the codes from one character after the keyword.
  return directive(text, start, keywordEnd, Math.min(keywordEnd + 1, end), end, annotation[1], context);
}

function directive(
  text: string,
  start: number,
  keywordEnd: number,
  /** Where the codes start; undefined for the legacy markers, which take none. */
  codesStart: number | undefined,
  end: number,
  kind: SuppressionScope | 'ignore',
  context: CommentContext,
): SuppressionDirective {
  let codesEnd = keywordEnd;
  while (codesEnd < end && !(text.charCodeAt(codesEnd) === 32 && text.startsWith('--', codesEnd + 1))) codesEnd++;
  const codes = kind === 'file' || codesStart === undefined ? [] : splitList(text, codesStart, codesEnd, isComma);
  const bodyEnd = codes.length > 0 ? codes[codes.length - 1].end : keywordEnd;
  const reason = codesEnd < end ? readReason(text, codesEnd, end, ['--'], false) : undefined;
  const scope: SuppressionScope = kind === 'ignore' ? (context.standalone ? 'next-line' : 'line') : kind;
  return directiveWithReason({
    tool: 'phpcs',
    scope,
    ids: codes.map((code) => code.value),
    start,
    bodyEnd,
    reason,
    idsInsertAt: codesStart !== undefined && (kind === 'ignore' || kind === 'block-start') ? keywordEnd : undefined,
    reasonSeparator: ' -- ',
  });
}
