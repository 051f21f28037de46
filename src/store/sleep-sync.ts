// A synchronous pause, for the short-lived processes (agent hooks) that wait on a lock or on a
// file an agent has not finished writing: they have nothing else to do meanwhile.
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function sleepSync(milliseconds: number): void {
  Atomics.wait(sleeper, 0, 0, milliseconds);
}
