import { strict as assert } from 'node:assert';
import { assertGrowth } from './scaling';

// The guard other tests rely on must tell linear work from quadratic work.
describe('assertGrowth', () => {
  const sumOfCodes = (text: string): number => {
    let sum = 0;
    for (let index = 0; index < text.length; index++) sum += text.charCodeAt(index);
    return sum;
  };
  const pairsOfEqualCodes = (text: string): number => {
    let pairs = 0;
    for (let left = 0; left < text.length; left++) {
      for (let right = left + 1; right < text.length; right++) if (text.charCodeAt(left) === text.charCodeAt(right)) pairs++;
    }
    return pairs;
  };
  const build = (size: number) => 'ab'.repeat(size / 2);

  it('passes linear work', () => assertGrowth(build, sumOfCodes, 100_000));
  it('fails quadratic work', async function () {
    // A failing guard measures every round: 5 × 64 × its 20 ms sample.
    this.timeout(120_000);
    await assert.rejects(() => assertGrowth(build, pairsOfEqualCodes, 700), /expected linear growth/);
  });
  it('passes constant work as constant', () => assertGrowth(build, (text) => text.charCodeAt(0), 100_000, 'constant'));
  it('fails linear work as constant', () => assert.rejects(() => assertGrowth(build, sumOfCodes, 100_000, 'constant'), /expected constant growth/));
});
