// gosec's nosec comment and disable directive, as analyzer.go (v2.2x) reads them:
// - `#nosec` at the start of the comment's text (markers and blanks removed) or at the start of
//   one of its lines: `// #nosec G101`, `//#nosec`, `/* #nosec */`. Prose that mentions it in
//   mid-sentence is no directive (gosec 2.0 to 2.8 took it anywhere; current gosec does not).
//   Case-sensitive, no word boundary after it: `#nosecurity` is a blanket.
// - `//gosec:disable` (no blank after `//`), then a blank or the end.
// What follows is split at the first `--`: before it every `G` and three digits anywhere is a rule
// to skip (none, or only the legacy word `block`, skips every rule); after it the justification.
// Like Bandit's, the free text after the rules counts as the reason here too.
// Scope: the node the comment belongs to: a trailing comment covers its line; a comment alone on
// its line covers the statement or declaration after it (a whole function); in the file's header,
// the file.
import type { SuppressionDirective } from '../model';
import type { CommentContext, DirectiveMatcher } from './context';
import { REASON_SEPARATORS, directiveWithReason, isBlank, isDigit, isWordCharacter, lineEnd, readReason } from './scan';

const NOSEC = '#nosec';
const DISABLE = 'gosec:disable';

export const matchGosec: DirectiveMatcher = (text, context) => {
  if (context.kind !== 'block' && text.startsWith(DISABLE) && (text.length === DISABLE.length || isBlank(text.charCodeAt(DISABLE.length)))) {
    return [readRules(text, 0, DISABLE.length, context)];
  }
  for (let lineStart = 0; lineStart < text.length;) {
    let at = lineStart;
    while (at < text.length && isBlank(text.charCodeAt(at))) at++;
    if (text.startsWith(NOSEC, at)) return [readRules(text, at, at + NOSEC.length, context)];
    const end = lineEnd(text, lineStart);
    lineStart = end + 1;
  }
  return [];
};

function readRules(text: string, start: number, keywordEnd: number, context: CommentContext): SuppressionDirective {
  const end = lineEnd(text, keywordEnd);
  const dashes = text.indexOf('--', keywordEnd);
  const rulesEnd = dashes === -1 || dashes > end ? end : dashes;
  const ids: string[] = [];
  let bodyEnd = keywordEnd;
  while (bodyEnd < rulesEnd && isWordCharacter(text.charCodeAt(bodyEnd))) bodyEnd++; // `#nosecurity`
  for (let i = keywordEnd; i + 4 <= rulesEnd; i++) {
    if (text.charCodeAt(i) !== 71 || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) continue;
    const id = text.slice(i, i + 4);
    if (!ids.includes(id)) ids.push(id);
    bodyEnd = Math.max(bodyEnd, i + 4);
    i += 3;
  }
  return directiveWithReason({
    tool: 'gosec',
    scope: !context.standalone ? 'line' : context.leading ? 'file' : 'declaration',
    ids,
    start,
    bodyEnd,
    reason: readReason(text, bodyEnd, end, REASON_SEPARATORS, true),
    idsInsertAt: keywordEnd,
    reasonSeparator: ' -- ',
  });
}
