// golangci-lint's nolint comment, as pkg/result/processors/nolint_filter.go reads it:
//   text = strings.TrimLeft(comment, "/ ")      (the `//`, further slashes and spaces)
//   pattern ^nolint( |:|$)                       (case-sensitive; line comments only, since a
//                                                 block comment's text starts with `*`)
//   "nolint:all…" or anything but "nolint:…"     → every linter (a blanket)
//   otherwise: cut at "//", split at ",", trim, lower-case each; "all" among them → a blanket.
// So `//nolint gosec` (a blank, no colon) is a blanket, and `//nolint:gosec because` names the
// unknown linter `gosec because`, which silences nothing gosec reports. We report the names as
// golangci-lint reads them; `//nolint:` names only the empty linter and silences nothing at all.
// The explanation nolintlint asks for follows a second `//`: `//nolint:gosec // the key is a test key`.
// Scope: the comment's own line; alone on its line it covers the node that starts on the next
// line (a whole function, a whole `if`), and in the file's header (before `package`) the file.
import type { DirectiveMatcher } from './context';
import { directiveWithReason, lineEnd, readReason, skipWhitespace, trimEnd } from './scan';

const KEYWORD = 'nolint';

export const matchNolint: DirectiveMatcher = (text, context) => {
  if (context.kind === 'block') return [];
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 47 || text.charCodeAt(start) === 32)) start++;
  if (!text.startsWith(KEYWORD, start)) return [];
  const keywordEnd = start + KEYWORD.length;
  const end = lineEnd(text, keywordEnd);
  const next = text.charCodeAt(keywordEnd);
  if (keywordEnd < end && next !== 32 && next !== 58) return [];

  const explanation = text.indexOf('//', keywordEnd);
  const listEnd = explanation === -1 || explanation > end ? end : explanation;
  let ids: string[] = [];
  let bodyEnd = keywordEnd;
  if (next === 58 && !text.startsWith('all', keywordEnd + 1)) {
    const items = text
      .slice(keywordEnd + 1, listEnd)
      .split(',')
      .map((item) => item.trim().toLowerCase());
    if (items.includes('all')) ids = [];
    else if (items.every((item) => item === '')) return [];
    else ids = items;
    bodyEnd = trimEnd(text, keywordEnd + 1, listEnd);
  } else if (next === 58) {
    bodyEnd = keywordEnd + 1 + 'all'.length;
  }
  const reason = explanation === -1 || explanation > end ? undefined : readReason(text, explanation, end, ['//'], false);
  const scope = !context.standalone ? 'line' : context.leading ? 'file' : 'declaration';
  // Only a bare keyword can take a list: `//nolint gosec` + `:gosec` would name `gosec gosec`.
  const bare = next !== 58 && skipWhitespace(text, keywordEnd, listEnd) === listEnd;
  return [
    directiveWithReason({
      tool: 'golangci-lint',
      scope,
      ids,
      start,
      bodyEnd,
      reason,
      idsInsertAt: bare ? keywordEnd : undefined,
      reasonSeparator: ' // ',
    }),
  ];
};
