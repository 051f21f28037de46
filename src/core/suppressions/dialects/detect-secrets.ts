// detect-secrets' `pragma: allowlist secret`, as detect_secrets/filters/allowlist.py matches it on
// the source line (case-sensitive), for comment openers #, //, /*, ', --:
//   same line  [ \t]+{opener} *pragma: ?(allow|white)list[ -]secret.*?$
//   next line  ^[ \t]*{opener} *pragma: ?allowlist[ -]nextline[ -]secret.*?$   (on the line above)
// So the pragma must start its comment (only spaces between the opener and `pragma`), but a later
// opener inside the comment counts too (a second `#` after a noqa, say); `whitelist` is the
// legacy spelling, accepted only for the same-line form. The nextline form only works in a comment
// alone on its line: with `standalone: false` it is not reported. `;` comments (INI) are not among
// detect-secrets' openers; the config reader strips the opener before we see it, so we cannot tell
// and accept the pragma there too. Text after `secret` is the reason.
import type { SuppressionDirective } from '../model';
import type { CommentFamily, DirectiveMatcher } from './context';
import { directiveWithTrailingReason, isBlank, reasonLimit } from './scan';

const INNER_OPENERS = ['#', '//', '/*', "'", '--'];

export const matchDetectSecrets: DirectiveMatcher = (text, context) => {
  for (let at = text.indexOf('pragma:'); at !== -1; at = text.indexOf('pragma:', at + 1)) {
    const opener = openerBefore(text, at);
    if (opener === 'none') continue;
    let pos = at + 'pragma:'.length;
    if (text.charCodeAt(pos) === 32) pos++;
    const isAllowlist = text.startsWith('allowlist', pos);
    if (!isAllowlist && !text.startsWith('whitelist', pos)) continue;
    pos += 'allowlist'.length;
    if (!isSpaceOrDash(text, pos)) continue;
    pos++;
    if (text.startsWith('secret', pos)) return [pragma(text, at, pos + 'secret'.length, 'line', context.family)];
    const nextLine = isAllowlist && opener === 'comment-start' && context.standalone !== false && text.startsWith('nextline', pos);
    if (nextLine && isSpaceOrDash(text, pos + 'nextline'.length) && text.startsWith('secret', pos + 'nextline'.length + 1)) {
      return [pragma(text, at, pos + 'nextline'.length + 1 + 'secret'.length, 'next-line', context.family)];
    }
  }
  return [];
};

function pragma(text: string, start: number, keywordEnd: number, scope: 'line' | 'next-line', family: CommentFamily): SuppressionDirective {
  return directiveWithTrailingReason(text, {
    tool: 'detect-secrets',
    scope,
    start,
    keywordEnd,
    limit: reasonLimit(text, keywordEnd, family),
    reasonSeparator: ' -- ',
  });
}

/** Whether only spaces separate `pos` from the comment's start or from a blank-preceded opener. */
function openerBefore(text: string, pos: number): 'comment-start' | 'inner' | 'none' {
  let i = pos;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  if (i === 0) return 'comment-start';
  for (const opener of INNER_OPENERS) {
    const openerStart = i - opener.length;
    if (openerStart > 0 && text.startsWith(opener, openerStart) && isBlank(text.charCodeAt(openerStart - 1))) return 'inner';
  }
  return 'none';
}

function isSpaceOrDash(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  return code === 32 || code === 45;
}
