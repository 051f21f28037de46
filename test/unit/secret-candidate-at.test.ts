import { strict as assert } from 'node:assert';
import { candidateAt, type StringCandidate } from '../../src/core/secrets/candidates';
import { assertGrowth } from './scaling';

/** A string literal whose value spans [valueStart, valueEnd) with its quotes around it. */
function literal(valueStart: number, valueEnd: number, verbatim = true): StringCandidate {
  return { value: 'x'.repeat(valueEnd - valueStart), valueStart, valueEnd, literalStart: valueStart - 1, literalEnd: valueEnd + 1, verbatim };
}

describe('candidateAt', () => {
  const outer = literal(10, 60);
  const inner = literal(20, 30);
  const escaped = literal(70, 90, false);
  const later = literal(100, 120);
  const candidates = [outer, inner, escaped, later];

  const cases: [string, number, number, StringCandidate | undefined][] = [
    ['the literal holding the range', 101, 110, later],
    ['its whole value', 100, 120, later],
    ['the first in list order when values nest', 22, 25, outer],
    ['an outer value beside a nested one', 40, 50, outer],
    ['nothing for a range crossing a value’s end', 110, 125, undefined],
    ['nothing inside a value with escapes (offsets do not map)', 75, 80, undefined],
    ['nothing between literals', 62, 65, undefined],
    ['nothing before the first literal', 0, 5, undefined],
  ];
  for (const [label, start, end, expected] of cases) {
    it(label, () => assert.equal(candidateAt(candidates, start, end), expected));
  }

  it('answers in linear time over a file of literals (one query per literal)', async () => {
    const build = (size: number) => Array.from({ length: size / 32 }, (_, index) => literal(index * 32 + 1, index * 32 + 30));
    await assertGrowth(
      build,
      (all) => {
        for (const candidate of all) candidateAt(all, candidate.valueStart, candidate.valueEnd);
      },
      16 * 1024,
    );
  });
});
