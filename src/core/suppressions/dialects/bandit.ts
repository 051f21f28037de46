// Bandit's `# nosec`, read the way bandit/core/manager.py reads it:
//   NOSEC_COMMENT = re.compile(r"#\s*nosec:?\s*(?P<tests>[^#]+)?#?")          (case-sensitive)
//   NOSEC_COMMENT_TESTS = re.compile(r"(?:(B\d+|[a-z\d_]+),?)+", re.IGNORECASE)
// `search` runs over the whole comment token, so `nosec` counts right after any `#` of the comment
// (`# noqa: E501  # nosec B608`) but not inside prose (`# we used to nosec this`), and there is
// no word boundary: `#nosecurity` is a blanket nosec to Bandit (its "test" `urity` is unknown and
// ignored, and a nosec naming no known test skips every test). The test list runs to the next
// `#`; each `finditer` match keeps only its last token, so `nosec: B608,B105` (no blank after the
// comma) skips B105 alone, while `nosec B608, B105` skips both. Every word is looked up as a test
// id or name, so reason words such as `eval` widen the skip; `ids` reports exactly what Bandit skips.
//
// Bandit has no reason convention. We take the text after the ids as the reason (after ` -- `,
// ` - `, `: ` or none), and the post-pass in index.ts takes a following `# …` segment. A fix should
// add reasons as `# nosec B608  # why`: after a `#` the words are no longer looked up as tests.
import { BANDIT_TEST_IDS, isBanditId } from './bandit-tests';
import type { SuppressionDirective } from '../model';
import type { DirectiveMatcher } from './context';
import { REASON_SEPARATORS, directiveWithReason, hashAnchors, isDigit, isWhitespace, isWordCharacter, readReason, segmentEnd, skipWhitespace } from './scan';

const KEYWORD = 'nosec';
const COLON = 58;
const COMMA = 44;

export const matchBanditNosec: DirectiveMatcher = (text) => {
  for (const anchor of hashAnchors(text)) {
    const keyword = skipWhitespace(text, anchor);
    if (text.startsWith(KEYWORD, keyword)) return [readNosec(text, keyword)];
  }
  return [];
};

function readNosec(text: string, keyword: number): SuppressionDirective {
  const keywordEnd = keyword + KEYWORD.length;
  const afterColon = text.charCodeAt(keywordEnd) === COLON ? keywordEnd + 1 : keywordEnd;
  const testsStart = skipWhitespace(text, afterColon);
  const testsEnd = segmentEnd(text, testsStart);
  const bodyEnd = directiveBodyEnd(text, keywordEnd, afterColon, testsStart, testsEnd);
  return directiveWithReason({
    tool: 'bandit',
    scope: 'line',
    ids: skippedTests(text, testsStart, testsEnd),
    start: keyword,
    bodyEnd,
    reason: readReason(text, bodyEnd, testsEnd, REASON_SEPARATORS, true),
    idsInsertAt: afterColon,
    reasonSeparator: '  # ',
  });
}

/** What Bandit skips for the test list [start, end): ids and names, last token of each run only. */
function skippedTests(text: string, start: number, end: number): string[] {
  const ids = new Set<string>();
  let i = start;
  while (i < end) {
    if (!isWordCharacter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let last = '';
    while (i < end && isWordCharacter(text.charCodeAt(i))) {
      const tokenEnd = testTokenEnd(text, i, end);
      last = text.slice(i, tokenEnd);
      i = tokenEnd;
      if (i < end && text.charCodeAt(i) === COMMA) i++;
    }
    const id = isBanditId(last) ? last : BANDIT_TEST_IDS.get(last);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** `B\d+` wins over `[a-z\d_]+` (case-insensitively) and stops where the digits stop. */
function testTokenEnd(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if ((code === 66 || code === 98) && isDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    return j;
  }
  let j = i;
  while (j < end && isWordCharacter(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The end of the directive proper: the keyword, a word glued to it (`nosecurity`, which Bandit
 * reads as a test list), and the test ids and names written next, separated by commas and blanks.
 */
function directiveBodyEnd(text: string, keywordEnd: number, afterColon: number, testsStart: number, testsEnd: number): number {
  let end = afterColon;
  let i = testsStart;
  if (testsStart === keywordEnd) {
    while (i < testsEnd && isWordCharacter(text.charCodeAt(i))) i++;
    end = i;
    i = skipListSeparators(text, i, testsEnd);
  }
  while (i < testsEnd) {
    let wordEnd = i;
    while (wordEnd < testsEnd && isWordCharacter(text.charCodeAt(wordEnd))) wordEnd++;
    if (wordEnd === i || !isTestWord(text.slice(i, wordEnd))) break;
    end = wordEnd;
    i = skipListSeparators(text, wordEnd, testsEnd);
  }
  return end;
}

function skipListSeparators(text: string, pos: number, end: number): number {
  while (pos < end && (text.charCodeAt(pos) === COMMA || isWhitespace(text.charCodeAt(pos)))) pos++;
  return pos;
}

function isTestWord(word: string): boolean {
  return isBanditId(word) || BANDIT_TEST_IDS.has(word);
}
