// Context rows report a value only when the name it is assigned to says whose credential it is
// (a provider word, as a whole word: `DATADOG_API_KEY`, `datadogKey`, not `blob_key` for "lob")
// and that it is one (a secret-like name, or one ending in `key`: `MAILCHIMP_KEY`), and not a key
// meant to be public (`ALGOLIA_SEARCH_API_KEY`).
import { classifySecretName } from '../generic/secret-names';
import { identifierWords, nameSegments } from '../generic/words';
import type { NameGate } from './row';
import { isAsciiLetter, isLowerAsciiLetter, isUpperAsciiLetter } from '../../languages/ascii';

/**
 * The text at [start, end) is a whole word of a name: no letter continues it on either side,
 * except across a camelCase boundary (`myDatadogKey`). In all-capitals the boundary cannot be
 * seen, so `DATADOGKEY` is not a word match.
 */
export function isWholeWordAt(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : NaN;
  const after = end < text.length ? text.charCodeAt(end) : NaN;
  const startsWord = !isAsciiLetter(before) || (isLowerAsciiLetter(before) && isUpperAsciiLetter(text.charCodeAt(start)));
  const endsWord = !isAsciiLetter(after) || (isLowerAsciiLetter(text.charCodeAt(end - 1)) && isUpperAsciiLetter(after));
  return startsWord && endsWord;
}

/** `name` holds one of the spellings as a whole word. */
export function holdsContextWord(name: string, spellings: readonly string[]): boolean {
  return spellings.some((spelling) => {
    for (let at = name.indexOf(spelling); at >= 0; at = name.indexOf(spelling, at + 1)) {
      if (isWholeWordAt(name, at, at + spelling.length)) return true;
    }
    return false;
  });
}

/** Keys meant to be seen: Algolia's search-only key, reCAPTCHA site keys, publishable keys. */
const PUBLIC_KEY_WORDS = new Set(['public', 'publishable', 'pub', 'search', 'site', 'anon', 'browser', 'frontend']);
const KEY_WORDS = new Set(['key', 'keys', 'apikey']);

/** The name's last segment ends in `key` (`MAILCHIMP_KEY`, `twitterConsumerKey`). */
function endsInKeyWord(name: string): boolean {
  const segments = nameSegments(name);
  const words = identifierWords(segments[segments.length - 1] ?? '');
  return words.length > 0 && KEY_WORDS.has(words[words.length - 1]);
}

function namesPublicKey(name: string): boolean {
  return nameSegments(name).some((segment) => identifierWords(segment).some((word) => PUBLIC_KEY_WORDS.has(word)));
}

export function passesNameGate(name: string, gate: NameGate): boolean {
  if (gate === 'any') return true;
  if (namesPublicKey(name)) return false;
  const verdict = classifySecretName(name);
  if (gate === 'secret') return verdict.secretLike && verdict.kind !== 'API key';
  return verdict.secretLike || endsInKeyWord(name);
}
