// Pairing a credential part with the closest related marker (an AWS key id, a service-account type
// field) in O(log n), so that texts holding thousands of both stay linear-ish to scan.

/** Index of the value in ascending `values` closest to `target`; -1 when `values` is empty. */
export function nearestIndex(values: readonly number[], target: number): number {
  if (values.length === 0) return -1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  if (low > 0 && target - values[low - 1] <= Math.abs(values[low] - target)) return low - 1;
  return low;
}
