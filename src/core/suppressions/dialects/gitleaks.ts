// gitleaks' inline allow: a finding is dropped when its line contains the MARKER below
// (detect/detect.go: strings.Contains on the finding's line). Case-sensitive, anywhere in the
// line, prose included, no word boundary; we report the first occurrence in the comment. Text
// after it is the reason. (Spelled only in the constant, so this file silences nothing itself.)
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, makeDirective, readReason, reasonLimit } from './scan';

const MARKER = 'gitleaks:allow';

export const matchGitleaksAllow: DirectiveMatcher = (text, context) => {
  const start = text.indexOf(MARKER);
  if (start === -1) return [];
  const markerEnd = start + MARKER.length;
  const reason = readReason(text, markerEnd, reasonLimit(text, markerEnd, context.family), REASON_SEPARATORS, true);
  const end = reason ? reason.end : markerEnd;
  return [
    makeDirective({
      tool: 'gitleaks',
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
