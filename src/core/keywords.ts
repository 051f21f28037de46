// The keyword pre-filter (as gitleaks does): which of the rules' keywords occur in a text, found in
// one pass instead of one `includes` scan per keyword (the rule set has dozens).

const matchers = new Map<string, RegExp>();

/**
 * Every keyword of `keywords` that occurs in `text`. A non-consuming lookahead finds occurrences
 * that overlap; at a position where several keywords start, the alternation (longest first) takes
 * the longest, and every keyword that is a prefix of it is present too.
 */
export function keywordsPresent(text: string, keywords: readonly string[]): Set<string> {
  const present = new Set<string>();
  if (keywords.length === 0) return present;
  const sorted = [...new Set(keywords)].sort((a, b) => b.length - a.length);
  const key = sorted.join('\0');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new RegExp(`(?=(${sorted.map(escapeRegExp).join('|')}))`, 'g');
    matchers.set(key, matcher);
  }
  matcher.lastIndex = 0;
  for (let match = matcher.exec(text); match; match = matcher.exec(text)) {
    present.add(match[1]);
    if (present.size === sorted.length) break;
    matcher.lastIndex = match.index + 1;
  }
  for (const keyword of sorted) {
    if (!present.has(keyword) && [...present].some((found) => found.startsWith(keyword))) present.add(keyword);
  }
  return present;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
