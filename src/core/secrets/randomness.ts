// Does a value look random, as real credentials are? Two questions, one module: a provider token's
// random part, whose alphabet is known (looksRandom, looksLikeRealId), and a value bound to a
// secret-sounding name, whose alphabet is not (looksMachineGenerated).
//
// Provider tokens. Real credentials are random strings; documentation and AI-written stand-ins are
// not. These checks reject placeholders ("xxxx…", "1234567890abcdef", "YOUR_KEY_HERE", "…EXAMPLE")
// while keeping the chance of dropping a real random token small (under about 1e-3 per token for
// the word list, under 1e-5 for each of the run checks, practically zero for the variety check).
//
// Named values. Does a value look machine-generated (a token or API key) rather than chosen by a
// person? Tokens and API keys are random by construction, so "not random" means "not a real one":
// `my-dev-api-key`, `test_token_for_local`, `ThisIsMyAppToken2024` are stand-ins.
import { characterClasses, expectedRandomEntropy, shannonEntropy } from './generic/entropy';
import { IDENTIFIER_WORDS } from './generic/vocabulary';
import { longestWordLength, spellsOnlyWordsFrom } from './generic/words';

/** Words that mark a value as a stand-in. Case-insensitive; "example" covers AWS's documented keys. */
const PLACEHOLDER_WORDS = /example|sample|placeholder|redacted|dummy|changeme|your|fake|test/i;
/** Runs are flagged only when a random string would show one with less than this probability. */
const RUN_FALSE_ALARM = 1e-5;
const MIN_RUN = 4;

export function containsPlaceholderWord(value: string): boolean {
  return PLACEHOLDER_WORDS.test(value);
}

/**
 * Shortest run (of equal, or of consecutive, characters) that a random string of this length and
 * alphabet shows with probability below RUN_FALSE_ALARM: about 5 for base62, 7 for hex, 8 for
 * decimal ids. A run of r costs (length × alphabet^-(r-1)) in expectation.
 */
function suspiciousRunLength(length: number, alphabetSize: number): number {
  let run = MIN_RUN;
  while (length * Math.pow(alphabetSize, -(run - 1)) >= RUN_FALSE_ALARM) run++;
  return run;
}

/** True when the string has a long run of one character ("xxxxx") or of consecutive characters ("abcdef", "654321"). */
export function hasFillerRun(value: string, alphabetSize: number): boolean {
  const limit = suspiciousRunLength(value.length, alphabetSize);
  let repeat = 1;
  let ascending = 1;
  let descending = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    repeat = step === 0 ? repeat + 1 : 1;
    ascending = step === 1 ? ascending + 1 : 1;
    descending = step === -1 ? descending + 1 : 1;
    if (repeat >= limit || ascending >= limit || descending >= limit) return true;
  }
  return false;
}

/**
 * Expected number of distinct characters in `length` uniform draws from `alphabetSize` symbols.
 * A random token reaches about this many; a placeholder such as "abababab…" far fewer.
 */
function expectedDistinct(length: number, alphabetSize: number): number {
  return alphabetSize * (1 - Math.pow(1 - 1 / alphabetSize, length));
}

/** True when `value` has at least half the distinct characters a random string of its length would. */
export function hasCharacterVariety(value: string, alphabetSize: number): boolean {
  return new Set(value).size >= expectedDistinct(value.length, alphabetSize) / 2;
}

/**
 * The random part of a credential (prefix removed) looks machine-generated: no placeholder word,
 * no filler run, and enough distinct characters for its alphabet (62 for base62, 16 for hex…).
 */
export function looksRandom(value: string, alphabetSize: number): boolean {
  return !containsPlaceholderWord(value) && !hasFillerRun(value, alphabetSize) && hasCharacterVariety(value, alphabetSize);
}

/** Numeric ids (Slack team/user ids, Twilio-like sids) only need to avoid filler such as 000000 or 123456789. */
export function looksLikeRealId(digits: string): boolean {
  return !hasFillerRun(digits, 10);
}

/** Alphabet sizes for `looksRandom`. */
export const BASE62 = 62;
export const BASE64 = 64;
export const HEX = 16;
export const BASE32 = 32;

/**
 * Shortest random token worth reporting. Real API keys and tokens carry at least ~80 bits;
 * 16 base62 characters are ~95 bits. Shorter "tokens" in code are ids, codes or stand-ins.
 */
export const MIN_TOKEN_LENGTH = 16;
/**
 * Observed entropy must reach this share of `expectedRandomEntropy` for the value's length and
 * alphabet. Measured over 2000 random strings per shape (hex, base36, base62, base64, base64url;
 * 16–64 characters): the lowest ratio seen was 0.68 (16 hex digits, where chance repeats weigh
 * most), the 1st percentile 0.79+. Hand-made fillers that pass the other checks
 * (`aaaabbbb11112222`, `abcabcabc123123123`, `test1test2test3test4`) score 0.5–0.65.
 * 0.7 sits between the two; the test file re-checks both sides.
 */
export const ENTROPY_RATIO_THRESHOLD = 0.7;
/**
 * A value with visible word boundaries (separators or camelCase) reads as words when 75 %+ of its
 * letters sit in pronounceable runs (3+ letters, 25 %+ vowels a/e/i/o/u, no 3-consonant cluster)
 * and at least two of those runs have 4+ letters: `CorrectHorseBatteryStaple9`,
 * `prod-backend-signing-2024`. Measured on 20 000 random base62/base64url strings per length,
 * this misreads 0.18 % of 16-character ones, 0.07 % at 24, 0.015 % at 32 — the price of not
 * calling hand-typed stand-ins "tokens".
 */
export const WORDLIKE_LETTER_SHARE = 0.75;
const MIN_LONG_WORDLIKE_RUNS = 2;

const LONGEST_IDENTIFIER_WORD = longestWordLength(IDENTIFIER_WORDS);
const HEX_DIGITS = /^[0-9a-f]+$|^[0-9A-F]+$/;
const LETTER_RUN = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;
const VOWEL = /[aeiou]/gi;
const CONSONANT_CLUSTER = /[b-df-hj-np-tv-xz]{3}/i;
/** `-`, `_`, `.` between letter runs, or a capital after a lowercase letter. */
const WORD_BOUNDARY = /[A-Za-z][-_.][A-Za-z]|[a-z][A-Z]/;

export function looksMachineGenerated(value: string): boolean {
  if (value.length < MIN_TOKEN_LENGTH || /\s/.test(value)) return false;
  const classes = characterClasses(value);
  const classCount = Number(classes.lower > 0) + Number(classes.upper > 0) + Number(classes.digit > 0);
  // One class only is a word, a number or a run of capitals — not a generated credential.
  if (classCount < 2) return false;
  const alphabet = alphabetSize(value, classes.lower > 0 && classes.upper > 0, classes.other > 0);
  if (shannonEntropy(value) < ENTROPY_RATIO_THRESHOLD * expectedRandomEntropy(value.length, alphabet)) return false;
  return !readsAsWords(value);
}

function alphabetSize(value: string, mixedCase: boolean, hasSymbols: boolean): number {
  if (HEX_DIGITS.test(value)) return HEX;
  if (hasSymbols) return 64;
  return mixedCase ? 62 : 36;
}

/**
 * Letters spelled from identifier words (digits aside), or — when the value shows word
 * boundaries — mostly in pronounceable runs (see WORDLIKE_LETTER_SHARE).
 */
function readsAsWords(value: string): boolean {
  const letters = value.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length === 0) return false;
  if (spellsOnlyWordsFrom(letters, IDENTIFIER_WORDS, LONGEST_IDENTIFIER_WORD)) return true;
  if (!WORD_BOUNDARY.test(value)) return false;
  let wordlikeLetters = 0;
  let longRuns = 0;
  for (const run of value.matchAll(LETTER_RUN)) {
    const text = run[0];
    const vowels = text.match(VOWEL)?.length ?? 0;
    if (text.length >= 3 && vowels >= text.length * 0.25 && !CONSONANT_CLUSTER.test(text)) {
      wordlikeLetters += text.length;
      if (text.length >= 4) longRuns++;
    }
  }
  return longRuns >= MIN_LONG_WORDLIKE_RUNS && wordlikeLetters >= letters.length * WORDLIKE_LETTER_SHARE;
}
