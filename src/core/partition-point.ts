/**
 * The index of the first of `items` for which `isBefore` is false, by binary search: `items` must
 * hold every item that `isBefore` accepts ahead of every item it rejects (as sorted offsets do).
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}
