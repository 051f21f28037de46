// Placeholder values: what people (and assistants) write where a secret will go later. Shared by
// every secret detector, so a provider-shaped `sk_live_xxxxxxxxxxxxxxxx` is dismissed the same way
// as a named `your_password_here`.
import { isTemplateOrReference } from './references';
import { LONGEST_PLACEHOLDER_WORD, PLACEHOLDER_WORDS } from './vocabulary';
import { spellsOnlyWordsFrom } from './words';

/** Masked or elided text: `****`, `•••`, `…`, `...`, runs of x (`AKIAXXXXXXXXXXXXXXXX`). */
const MASK = /\*{3,}|[•●]|…|\.{3,}|x{5,}/i;
/**
 * Words that only appear in stand-ins. Matched anywhere (they are long enough that random
 * tokens virtually never contain them: "example" in base62 at ~1 in 10^10 per position),
 * except `your`/`here`, which must stand as words.
 */
const MARKER = /example|placeholder|change[-_ ]?(?:me|it)(?![a-z])|replace[-_ ]?(?:me|this|with)|redacted|dummy|(?:^|[^a-z])your|[-_ ]here$/i;
/** `<token>`, `<your-key>`, `sk-<key>`, `[API_KEY]`. */
const ANGLE_OR_BRACKET_SLOT = /<[A-Za-z][\w\s.-]*>|^\[[A-Za-z_][\w\s.-]*\]$/;
/** A value that is one character repeated: `aaaa`, `0000`, `----`. */
const SINGLE_CHARACTER = /^(.)\1+$/s;
/** Text that could be base64 of a short placeholder (Kubernetes Secret `data:` values). */
const SHORT_BASE64 = /^(?:[A-Za-z0-9+/]{4}){1,16}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The body after a provider prefix such as `sk_live_` or `ghp_`: `sk-xxxx` → `xxxx`. */
const AFTER_LAST_SEPARATOR = /[^_-]*$/;
/** Separators and label punctuation ignored when spelling a value from placeholder words (`Password:`). */
const WORD_SEPARATORS = /[-_.\s:?!()]/g;

/**
 * Sample credentials from specifications and vendor docs, copied into code with the examples
 * around them: RFC 5849/6749/6750 OAuth tokens and client credentials. (AWS's documented keys
 * end in `EXAMPLE`/`EXAMPLEKEY` and are caught by MARKER.)
 */
const DOCUMENTED_EXAMPLES = new Set([
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  '8xLOxBtZp8',
  'mF_9.B5f-4.1JqM',
  's6BhdRkqt3',
  'gX1fBat3bV',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'ad180jjd733klru7',
]);
/** Parts of jwt.io's sample token (the "John Doe" payload and its HS256 signature), found inside larger values. */
const DOCUMENTED_FRAGMENTS = ['eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'];

/** Whether `value` is a stand-in for a secret rather than a secret. */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (DOCUMENTED_EXAMPLES.has(trimmed) || DOCUMENTED_FRAGMENTS.some((fragment) => trimmed.includes(fragment))) return true;
  if (isPlaceholderText(trimmed)) return true;
  const decoded = decodeShortBase64(trimmed);
  return decoded !== undefined && isPlaceholderText(decoded);
}

function isPlaceholderText(value: string): boolean {
  if (value.length === 0) return true;
  if (SINGLE_CHARACTER.test(value)) return true;
  if (MASK.test(value) || MARKER.test(value) || ANGLE_OR_BRACKET_SLOT.test(value)) return true;
  if (isTemplateOrReference(value)) return true;
  const body = AFTER_LAST_SEPARATOR.exec(value)?.[0] ?? '';
  if (body.length >= 3 && body.length < value.length && SINGLE_CHARACTER.test(body)) return true;
  if (isMostlyOneCharacter(value) || isSequential(value)) return true;
  return spelledFromPlaceholderWords(value);
}

/** A run of one character covering 40 % or more of the value: `sk_live_0000000000000000`. */
function isMostlyOneCharacter(value: string): boolean {
  let longest = 1;
  let run = 1;
  for (let index = 1; index < value.length; index++) {
    run = value.charCodeAt(index) === value.charCodeAt(index - 1) ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest >= 4 && longest >= value.length * 0.4;
}

/**
 * Counting up or down: `1234567890abcdef`, `abc123`, `sk_live_12345678`. Either half or more of
 * the adjacent pairs are steps, or one stepping run of 8 or more. Random text steps on about
 * 1 pair in 30, so neither happens by chance in a real token.
 */
function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  let steps = 0;
  let run = 1;
  let longestRun = 1;
  for (let index = 1; index < value.length; index++) {
    if (isStep(value.charCodeAt(index - 1), value.charCodeAt(index))) {
      steps++;
      run++;
      if (run > longestRun) longestRun = run;
    } else {
      run = 1;
    }
  }
  return longestRun >= 8 || steps >= (value.length - 1) * 0.5;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const LOWER_A = 97;
const UPPER_A = 65;

function isStep(previous: number, next: number): boolean {
  if (next === previous + 1 || next === previous - 1) return true;
  // 9 → 0 wraps; 0/9 → a continues `1234567890abcdef` into the letters.
  if (previous === DIGIT_9 && next === DIGIT_0) return true;
  return (previous === DIGIT_0 || previous === DIGIT_9) && (next === LOWER_A || next === UPPER_A);
}

function spelledFromPlaceholderWords(value: string): boolean {
  const letters = value.replace(WORD_SEPARATORS, '').toLowerCase();
  if (!/^[a-z]+$/.test(letters)) return false;
  return spellsOnlyWordsFrom(letters, PLACEHOLDER_WORDS, LONGEST_PLACEHOLDER_WORD);
}

/** The decoded text if `value` is base64 of short printable ASCII; undefined otherwise. */
function decodeShortBase64(value: string): string | undefined {
  if (!SHORT_BASE64.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}
