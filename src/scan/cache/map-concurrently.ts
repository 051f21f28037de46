// Runs an asynchronous step over items with a bounded number in flight (file-system calls: enough
// to keep the disk busy, not so many that thousands of handles are open at once).
export async function mapConcurrently<T, R>(items: readonly T[], step: (item: T) => Promise<R>, limit = 64): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await step(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
