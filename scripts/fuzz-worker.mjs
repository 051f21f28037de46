// The fuzz run's analysis, in a worker thread: an input that hangs a reader is stopped from outside
// (the main thread terminates this worker at its deadline) instead of stopping the run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { analyze } = createRequire(import.meta.url)(join(workerData.root, 'dist', 'lastline.js'));

/** This thread's CPU time in µs (Linux), so that the main thread's work is not counted. */
function threadMicros() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1000;
  } catch {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
  }
}

parentPort.on('message', async ({ path, text }) => {
  const started = threadMicros();
  try {
    const result = await analyze({ path, text });
    parentPort.postMessage({ ruleErrors: result.ruleErrors, micros: threadMicros() - started });
  } catch (error) {
    parentPort.postMessage({ threw: error instanceof Error ? error.message : String(error), micros: threadMicros() - started });
  }
});
