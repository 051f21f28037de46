// Real credentials are random strings; documentation and AI-written stand-ins are not. These checks
// reject placeholders ("xxxx…", "1234567890abcdef", "YOUR_KEY_HERE", "…EXAMPLE") while keeping the
// chance of dropping a real random token small (under about 1e-3 per token for the word list, under
// 1e-5 for each of the run checks, practically zero for the variety check).

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
