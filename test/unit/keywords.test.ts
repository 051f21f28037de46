import { strict as assert } from 'node:assert';
import { keywordsPresent } from '../../src/core/keywords';

describe('keyword pre-filter', () => {
  it('finds exactly the keywords that occur, like one includes() per keyword', () => {
    const keywords = ['AC', 'ACCA', 'SK', 'sk_live_', 'k_l', 'PRIVATE KEY', 'KEY', 'E K', '://', 'a.b', '$('];
    const texts = ['', 'ACCA', 'xACCAx', 'ask_live_x', 'PRIVATE KEY', 'THE KEY', 'http://x', 'a.b and $(x)', 'axb', 'SKSK', 'AC'];
    for (const text of texts) {
      const expected = new Set(keywords.filter((keyword) => text.includes(keyword)));
      assert.deepEqual(keywordsPresent(text, keywords), expected, JSON.stringify(text));
    }
  });
});
