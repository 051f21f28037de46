// Checkstyle's suppression comments, with the filters' default formats (checkstyle.org,
// SuppressionCommentFilter and SuppressWithNearbyCommentFilter):
//   CHECKSTYLE:OFF … CHECKSTYLE:ON     every check between them (offCommentFormat/onCommentFormat,
//                                      searched anywhere in a `//` or block comment)
//   SUPPRESS CHECKSTYLE <check>        the named check on the comment's line
// Checkstyle checks style, not security: these never hide what Lastline finds, but the OFF form
// is as blanket as any. Text after the marker is the reason.
import type { SuppressionDirective, SuppressionScope } from '../model';
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, directiveWithReason, isWordCharacter, lineEnd, readReason } from './scan';

const SWITCHES: readonly [string, SuppressionScope][] = [
  ['CHECKSTYLE:OFF', 'block-start'],
  ['CHECKSTYLE:ON', 'block-end'],
];
const NEARBY = 'SUPPRESS CHECKSTYLE ';

export const matchCheckstyle: DirectiveMatcher = (text) => {
  const directives: SuppressionDirective[] = [];
  for (const [marker, scope] of SWITCHES) {
    const at = text.indexOf(marker);
    if (at !== -1) directives.push(withReason(text, at, at + marker.length, scope, []));
  }
  const nearby = text.indexOf(NEARBY);
  if (nearby !== -1) {
    let nameEnd = nearby + NEARBY.length;
    while (isWordCharacter(text.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd > nearby + NEARBY.length) directives.push(withReason(text, nearby, nameEnd, 'line', [text.slice(nearby + NEARBY.length, nameEnd)]));
  }
  return directives;
};

function withReason(text: string, start: number, keywordEnd: number, scope: SuppressionScope, ids: string[]): SuppressionDirective {
  const reason = readReason(text, keywordEnd, lineEnd(text, keywordEnd), REASON_SEPARATORS, true);
  return directiveWithReason({ tool: 'checkstyle', scope, ids, start, bodyEnd: keywordEnd, reason, reasonSeparator: ' -- ' });
}
