// Measures of how random a string looks. Counted over UTF-16 code units: secrets are ASCII, and
// for anything else the figure only needs to be comparable, not exact.

/** Shannon entropy in bits per character: 0 for `aaaa`, 4 for 16 distinct characters equally used. */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}

export interface CharacterClasses {
  lower: number;
  upper: number;
  digit: number;
  /** Anything else (punctuation, symbols, non-ASCII). */
  other: number;
}

export function characterClasses(value: string): CharacterClasses {
  const classes: CharacterClasses = { lower: 0, upper: 0, digit: 0, other: 0 };
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 97 && code <= 122) classes.lower++;
    else if (code >= 65 && code <= 90) classes.upper++;
    else if (code >= 48 && code <= 57) classes.digit++;
    else classes.other++;
  }
  return classes;
}

/**
 * The entropy a uniformly random string of this length over this alphabet typically shows.
 * Short strings cannot reach log2(alphabet): 16 characters have at most 4 bits each whatever
 * the alphabet, and repeats pull the figure lower still. This is the value thresholds scale.
 */
export function expectedRandomEntropy(length: number, alphabetSize: number): number {
  if (length <= 1) return 0;
  // Expected number of distinct symbols among `length` draws, then the entropy of a uniform
  // spread over that many — a close, cheap stand-in for the true expectation.
  const distinct = alphabetSize * (1 - Math.pow(1 - 1 / alphabetSize, length));
  return Math.log2(Math.min(distinct, length));
}
