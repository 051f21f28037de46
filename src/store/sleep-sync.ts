// A synchronous pause, for the short-lived processes (agent hooks) that wait on a lock or on a
// file an agent has not finished writing: they have nothing else to do meanwhile.
// The buffer is made on first use, not at load: a V8 startup snapshot of the CLI (scan/snapshot)
// is built where SharedArrayBuffer does not exist.
let sleeper: Int32Array | undefined;

export function sleepSync(milliseconds: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, milliseconds);
}
