// Calls whose result is a number whatever they are given (`Number(x)`, `parseInt(x, 10)`,
// `Math.floor(x)`): such a value can no longer carry SQL or shell syntax. Taint stops at them
// (taint.ts); the string resolver marks them numeric holes (resolve-string.ts).

/** Conversions of one value to a number. */
export const NUMERIC_CONVERSIONS: ReadonlySet<string> = new Set([
  'Number',
  'parseInt',
  'parseFloat',
  'BigInt',
  'Number.parseInt',
  'Number.parseFloat',
  'Math.floor',
  'Math.ceil',
  'Math.round',
  'Math.trunc',
  'Math.abs',
]);

/**
 * Everything the resolver counts as numeric: the conversions plus `Math.min`/`Math.max`, which also
 * return a number. Taint has never stopped at those two (it follows their arguments), and this set
 * keeps that apart so that what taint lets through stays the same.
 */
export const NUMERIC_RESULTS: ReadonlySet<string> = new Set([...NUMERIC_CONVERSIONS, 'Math.min', 'Math.max']);
