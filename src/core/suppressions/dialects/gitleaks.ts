// gitleaks' inline allow: a finding is dropped when its line contains the MARKER below
// (detect/detect.go: strings.Contains on the finding's line). Case-sensitive, anywhere in the
// line, prose included, no word boundary; we report the first occurrence in the comment. Text
// after it is the reason. (Spelled only in the constant, so this file silences nothing itself.)
import { anywhereMarkerMatcher } from './scan';

export const matchGitleaksAllow = anywhereMarkerMatcher('gitleaks', 'gitleaks:allow');
