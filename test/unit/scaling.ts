// A complexity guard for tests that never asserts a time. CI machines are shared: a fresh-clone
// `npm test` on a busy one failed three "< 2 s of CPU" asserts. What a test can hold steady is a
// ratio measured in one process: the same work on an input of size n and of size 8n. Linear work
// costs ~8×, quadratic ~64×; a load spike lifts both sides alike, and the best of a few interleaved
// rounds drops the rounds it hit. The work may be asynchronous (the engine's analyze()): it is
// awaited. Keep both inputs small (8n ≲ 128 KB): past the CPU's caches the cost per character of
// the same linear work was seen to triple (a detector at 8.3 ns/char on 128 KB and 24.5 on 1 MB),
// which a ratio cannot tell from super-linear work.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SCALE = 8;
/** Constant work measures ~1, linear ~8, n log n ~9, quadratic ~64. */
const MAX_RATIO = { constant: 2.5, linear: 36 } as const;
const ROUNDS = 5;
/** A verdict needs this many rounds: one inflated small sample must not decide it. */
const MIN_ROUNDS = 3;
/** Below this much CPU time a measurement is mostly timer and scheduler noise: repeat the work. */
const MIN_SAMPLE_MICROS = 20_000;

/** `gc` exists when mocha runs node with --expose-gc (.mocharc): collecting first keeps one sample's garbage out of the next. */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * CPU time of this (the main) thread, in microseconds. process.cpuUsage() counts every thread of
 * the process, and late in a test run V8's helper threads mark and sweep a large heap concurrently:
 * charged to whichever sample triggered them, that work once made linear work measure 42×. Linux
 * reports one thread's own CPU time, in nanoseconds, in /proc/thread-self/schedstat.
 */
/**
 * The kernel brings a running thread's schedstat up to date only at a scheduler tick or when the
 * thread leaves the CPU; on an idle tickless machine a reading can be several milliseconds old
 * (a CI run measured a 20 ms sample as 0 and failed linear work at 46,152×). A 1 ms sleep first
 * makes the thread leave the CPU, so the figure is current. Sleeping costs no CPU time.
 */
const settle = (() => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return () => void Atomics.wait(cell, 0, 0, 1);
})();

const cpuMicros: () => number = (() => {
  const readThread = () => {
    settle();
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1000;
  };
  try {
    if (Number.isFinite(readThread())) return readThread;
  } catch {
    // not Linux, or no schedstat: the whole process it is
  }
  return () => {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  };
})();

/** CPU time of `repeats` runs of `work`; an asynchronous work is awaited (the engine's analyze()). */
async function measure(work: () => unknown, repeats: number): Promise<number> {
  collectGarbage();
  const start = cpuMicros();
  for (let repeat = 0; repeat < repeats; repeat++) {
    const pending = work();
    if (pending instanceof Promise) await pending;
  }
  return cpuMicros() - start;
}

/**
 * Fails when `work` on an input built for 8 × `size` costs more than MAX_RATIO[growth] times the
 * same work on an input built for `size`. `build` must make inputs whose size grows with its argument.
 */
export async function assertGrowth<T>(
  build: (size: number) => T,
  work: (input: T) => unknown,
  size: number,
  growth: keyof typeof MAX_RATIO = 'linear',
): Promise<void> {
  const small = build(size);
  const large = build(size * SCALE);
  // Warm both paths up so that compilation is not charged to one of them.
  await measure(() => work(small), 1);
  await measure(() => work(large), 1);
  let repeats = 1;
  while ((await measure(() => work(small), repeats)) < MIN_SAMPLE_MICROS && repeats < 1 << 16) repeats *= 4;
  // The best of each side over the rounds drops the samples a load spike inflated. A CI run once
  // let quadratic work pass on a single first round whose small sample was inflated 3.5×, so a
  // verdict takes MIN_ROUNDS rounds; a ratio still within reach of the bound is measured every
  // round. Alternating the order (small, large / large, small) keeps a slow drift of the machine's
  // speed from favouring one side.
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < ROUNDS && (round < MIN_ROUNDS || bestLarge / bestSmall >= MAX_RATIO[growth] / 2); round++) {
    const measureSmall = async () => (bestSmall = Math.min(bestSmall, Math.max(await measure(() => work(small), repeats), 1)));
    const measureLarge = async () => (bestLarge = Math.min(bestLarge, await measure(() => work(large), repeats)));
    if (round % 2 === 0) {
      await measureSmall();
      await measureLarge();
    } else {
      await measureLarge();
      await measureSmall();
    }
  }
  const ratio = bestLarge / bestSmall;
  assert.ok(ratio < MAX_RATIO[growth], `${SCALE}× the input cost ${ratio.toFixed(1)}× the work (expected ${growth} growth)`);
}
