// Is a bounded candidate a credential of this row? Length, layout, randomness (the entropy floor),
// then the row's checksum or structure check. Placeholders fail the randomness part: `xxxx…`,
// `1234…`, `…EXAMPLE…`, a handful of distinct characters.
import { expectedRandomEntropy, shannonEntropy } from '../generic/entropy';
import { ENTROPY_RATIO_THRESHOLD, looksRandom } from '../randomness';
import type { CompiledRow } from './compile';

/**
 * Below this length the entropy of a random string varies too much to set a floor on (16 hex
 * digits measured as low as 0.68 of the expectation); looksRandom's run and variety checks still apply.
 */
const MIN_ENTROPY_CHECKED_LENGTH = 20;

/** The entropy floor: observed Shannon entropy at least ENTROPY_RATIO_THRESHOLD of a random string's. */
export function reachesEntropyFloor(part: string, alphabet: number): boolean {
  if (part.length < MIN_ENTROPY_CHECKED_LENGTH) return true;
  return shannonEntropy(part) >= ENTROPY_RATIO_THRESHOLD * expectedRandomEntropy(part.length, alphabet);
}

/** The random part(s) of `token`: the layout's capture groups joined, or the body; undefined when the layout does not match. */
function randomPart(compiled: CompiledRow, token: string, bodyLength: number): string | undefined {
  const layout = compiled.row.token.layout;
  if (!layout) return token.slice(token.length - bodyLength);
  const match = layout.exec(token);
  if (!match) return undefined;
  const groups = match.slice(1).filter((group): group is string => group !== undefined);
  return groups.length > 0 ? groups.join('') : token.slice(token.length - bodyLength);
}

/** `token` is lead + prefix + body, with the given body and lead lengths. */
export function acceptsToken(compiled: CompiledRow, token: string, bodyLength: number, leadLength: number): boolean {
  if (bodyLength < compiled.minBody || bodyLength > compiled.maxBody) return false;
  if (compiled.lead ? leadLength < compiled.lead.min || leadLength > compiled.lead.max : leadLength !== 0) return false;
  const random = randomPart(compiled, token, bodyLength);
  if (random === undefined || random.length === 0) return false;
  if (!looksRandom(random, compiled.alphabet) || !reachesEntropyFloor(random, compiled.alphabet)) return false;
  return compiled.row.validate ? compiled.row.validate(token) : true;
}
