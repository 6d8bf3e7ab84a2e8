// Bounded concurrency: a few requests in flight hide the store's latency, a fixed number keeps memory bounded.

/**
 * Runs `task` over `items`, `width` at a time. After a failure no new item starts, the ones in flight finish (so the
 * journal records every part that landed), then the first failure is thrown.
 */
export async function inParallel<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined && !failure; item = queue.shift()) {
      await task(item).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
