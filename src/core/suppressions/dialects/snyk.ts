// Snyk Code's ignore comments (docs.snyk.io, "Exclude code and ignore issues"):
//   // deepcode ignore <IssueType>: <reason>        the next line
//   // file deepcode ignore <IssueType>: <reason>   the whole file
// Snyk's matcher is not public; we take the documented form: the comment starts with it (after
// blanks), case-sensitive, issue types before the `:` (comma-separated when there are several),
// the reason after it. Snyk's IDE plugins write `<please specify a reason of ignoring this>` as a
// placeholder, which we report as the reason text it is.
import type { DirectiveMatcher } from './context';
import { directiveWithReason, isComma, isWhitespace, readReason, reasonLimit, skipWhitespace, splitList } from './scan';

const KEYWORD = 'deepcode ignore';

export const matchDeepcodeIgnore: DirectiveMatcher = (text, context) => {
  const start = skipWhitespace(text, 0);
  const isFile = text.startsWith('file ', start);
  const keyword = isFile ? skipWhitespace(text, start + 'file '.length) : start;
  if (!text.startsWith(KEYWORD, keyword)) return [];
  const keywordEnd = keyword + KEYWORD.length;
  if (keywordEnd < text.length && !isWhitespace(text.charCodeAt(keywordEnd))) return [];
  const end = reasonLimit(text, keywordEnd, context.family);
  let colon = text.indexOf(':', keywordEnd);
  if (colon === -1 || colon > end) colon = end;
  const ids = splitList(text, keywordEnd, colon, isComma);
  const bodyEnd = ids.length > 0 ? ids[ids.length - 1].end : keywordEnd;
  const hasColon = colon < end;
  const reason = hasColon ? readReason(text, colon, end, [':'], false) : undefined;
  return [
    directiveWithReason({
      tool: 'snyk',
      scope: isFile ? 'file' : 'next-line',
      ids: ids.map((item) => item.value),
      start,
      // `deepcode ignore Sqli:` with nothing after the colon: the reason goes after the colon.
      bodyEnd: hasColon ? colon + 1 : bodyEnd,
      reason,
      idsInsertAt: keywordEnd,
      reasonSeparator: hasColon && !reason ? ' ' : ': ',
    }),
  ];
};
