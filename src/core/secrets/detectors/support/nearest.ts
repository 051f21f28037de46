// Pairing a credential part with the closest related marker (an AWS key id, a service-account type
// field) in O(log n), so that texts holding thousands of both stay linear-ish to scan.
import { partitionPoint } from '../../../partition-point';

/** Index of the value in ascending `values` closest to `target`; -1 when `values` is empty. */
export function nearestIndex(values: readonly number[], target: number): number {
  if (values.length === 0) return -1;
  // The first value at or above the target (the last one when all are below it); the one before it may be closer.
  const low = Math.min(
    partitionPoint(values, (value) => value < target),
    values.length - 1,
  );
  if (low > 0 && target - values[low - 1] <= Math.abs(values[low] - target)) return low - 1;
  return low;
}
