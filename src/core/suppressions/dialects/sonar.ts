// SonarQube / SonarLint: an issue is not raised on a line whose comment contains the MARKER below
// (upper-case, anywhere in the comment, like the analyzers' "contains" check). Sonar has no ids in
// the marker; text after it (` - false positive, input is validated`) is the reason. (Spelled only
// in the constant, so this file silences nothing itself.)
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, makeDirective, readReason, reasonLimit } from './scan';

const MARKER = 'NOSONAR';

export const matchNosonar: DirectiveMatcher = (text, context) => {
  const start = text.indexOf(MARKER);
  if (start === -1) return [];
  const markerEnd = start + MARKER.length;
  const reason = readReason(text, markerEnd, reasonLimit(text, markerEnd, context.family), REASON_SEPARATORS, true);
  const end = reason ? reason.end : markerEnd;
  return [
    makeDirective({
      tool: 'sonar',
      scope: 'line',
      ids: [],
      start,
      end,
      reason: reason?.reason,
      reasonInsertAt: end,
      reasonSeparator: ' -- ',
    }),
  ];
};
