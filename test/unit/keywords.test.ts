import { strict as assert } from 'node:assert';
import { keywordsPresent } from '../../src/core/keywords';

/** What the pre-filter must equal: one `includes` per keyword. */
const expected = (text: string, keywords: readonly string[]) => new Set(keywords.filter((keyword) => text.includes(keyword)));

describe('keyword pre-filter', () => {
  it('finds exactly the keywords that occur, like one includes() per keyword', () => {
    const keywords = ['AC', 'ACCA', 'SK', 'sk_live_', 'k_l', 'PRIVATE KEY', 'KEY', 'E K', '://', 'a.b', '$('];
    const texts = ['', 'A', 'ACCA', 'xACCAx', 'ask_live_x', 'PRIVATE KEY', 'THE KEY', 'http://x', 'a.b and $(x)', 'axb', 'SKSK', 'AC', 'xAC'];
    for (const text of texts) assert.deepEqual(keywordsPresent(text, keywords), expected(text, keywords), JSON.stringify(text));
  });

  it('handles one-character keywords, keywords beyond Latin-1, duplicates and overlaps', () => {
    const keywords = ['$', 'é', 'ß=', 'Ωmega', '日本', 'a😀', 'aa', 'aaa', 'aa', 'ab'];
    const texts = ['$', 'café', 'ß=1', 'xΩmega', '日本語', 'a😀b', 'aab', 'aaab', 'ba', 'ÿa'];
    for (const text of texts) assert.deepEqual(keywordsPresent(text, keywords), expected(text, keywords), JSON.stringify(text));
  });

  it('tells apart keywords sharing a bigram by their third character, and keeps two-character ones', () => {
    const keywords = ['co', 'cohere', 'codecov', 'confluent', 'const', 'da', 'datadog', 'dapi'];
    const texts = ['const x', 'cohere_key', 'a codecov badge', 'confluence', 'dat', 'da', 'DATADOG', 'datadog', 'xdapi1', 'c', 'cod'];
    for (const text of texts) assert.deepEqual(keywordsPresent(text, keywords), expected(text, keywords), JSON.stringify(text));
  });

  it('agrees with includes() on random texts', () => {
    // A small alphabet makes keywords, partial keywords and overlaps frequent.
    const alphabet = ['A', 'C', 'K', 'S', 'a', 'b', ':', '/', '_', 'é', 'Ω', '😀', ' '];
    const keywords = ['AC', 'ACCA', 'SK', 'a:/', '://', 'S_a', 'é', 'Ωa', 'a😀', 'bb', 'CAK', 'K'];
    let seed = 12345;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('');
      const subset = keywords.filter(() => random(3) > 0);
      assert.deepEqual(keywordsPresent(text, subset), expected(text, subset), `${JSON.stringify(text)} ${JSON.stringify(subset)}`);
    }
  });
});
