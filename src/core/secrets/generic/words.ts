// Splitting names (identifiers, key paths, header names) into lowercase words, so that one set of
// word rules covers snake_case, camelCase, kebab-case, dotted.paths and SCREAMING_SNAKE alike.

/** Separators between the segments of a key path: `a.b`, `a["b"]`, `a/b`, `a:b`, `a->b`, `a::b`. */
const SEGMENT_SEPARATOR = /->|[.[\]'"`/:\\\s]+/;
/** Separators between words inside one segment. */
const WORD_SEPARATOR = /[^A-Za-z0-9]+/;
/**
 * `fooBar` → `foo Bar`; `APIKey` → `API Key`; digits stay glued to the word before them. The
 * acronym rule looks ahead two characters instead of matching the whole capital run, so a long
 * run of capitals costs linear time, not quadratic.
 */
const LOWER_TO_UPPER = /([a-z0-9])([A-Z])/g;
const ACRONYM_TO_WORD = /([A-Z])(?=[A-Z][a-z])/g;

/** Key-path segments, outermost first, with empty ones (`[]` list markers, doubled dots) dropped. */
export function nameSegments(name: string): string[] {
  return name.split(SEGMENT_SEPARATOR).filter((segment) => segment.length > 0);
}

/** Lowercase words of one identifier: `dbPassword` → [db, password]; `X-API-Key` → [x, api, key]. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(ACRONYM_TO_WORD, '$1 ')
    .replace(LOWER_TO_UPPER, '$1 $2')
    .split(WORD_SEPARATOR)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** The word without a trailing version/ordinal number, for matching: `password2` → `password`. */
export function wordStem(word: string): string {
  const stem = word.replace(/\d+$/, '');
  return stem.length > 0 ? stem : word;
}

/** Values spelled from words are short (`your_api_key_here`); longer ones are not checked. */
const MAX_SPELLED_LENGTH = 128;

/**
 * Whether `letters` (lowercase a–z only) can be cut into a sequence of words from `vocabulary`:
 * `mysecretpassword` → my + secret + password. Dynamic programming over end positions, so the
 * cost is O(length × longest word) whatever the input — no backtracking blow-up.
 */
export function spellsOnlyWordsFrom(letters: string, vocabulary: ReadonlySet<string>, longestWord: number): boolean {
  if (letters.length === 0 || letters.length > MAX_SPELLED_LENGTH) return false;
  const reachable = new Uint8Array(letters.length + 1);
  reachable[0] = 1;
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - longestWord); start < end; start++) {
      if (reachable[start] && vocabulary.has(letters.slice(start, end))) {
        reachable[end] = 1;
        break;
      }
    }
  }
  return reachable[letters.length] === 1;
}

export function longestWordLength(words: Iterable<string>): number {
  let longest = 0;
  for (const word of words) longest = Math.max(longest, word.length);
  return longest;
}
