// V8 reports a blown stack as a RangeError; other RangeErrors (a bad array length) are bugs, not depth.
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
