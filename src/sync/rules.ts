// The numbers sync runs by (docs/sync.md), in one place; tests and the bench pass their own.
import type { OutgoingChanges, PortfolioSyncRow } from '../storage';

export interface SyncRules {
  /** A full bundle after this many incremental pushes of a portfolio from this device. */
  fullEvery: number;
  /** Pushes wait this long after a change, so a burst of saves goes as one bundle. */
  debounceMs: number;
  /** Pull this often while the app is visible. */
  pullEveryMs: number;
  /** The feed is listed from this long before the last listing: a writer's clock may be behind by up to this. */
  lookBackMs: number;
  /** Retries back off from this delay, doubling, up to the maximum, each with random jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Each held portfolio's bundle folders are listed this often, in case a feed entry was missed. */
  deepScanEveryMs: number;
}

export const DEFAULT_RULES: SyncRules = {
  fullEvery: 50,
  debounceMs: 2000,
  pullEveryMs: 60_000,
  // SigV4 refuses a request more than 15 minutes off the store's clock, so no accepted writer is further behind.
  lookBackMs: 20 * 60_000,
  backoffBaseMs: 2000,
  backoffMaxMs: 5 * 60_000,
  deepScanEveryMs: 24 * 3600_000,
};

/**
 * Full or incremental: full for the first push of a portfolio this device started (nothing of it is in the store),
 * after `fullEvery` incremental pushes, or when the incremental pushes since the last full would carry as many bytes
 * as a full bundle does — then a device that joins replays at most `fullEvery` objects and at most twice a full
 * bundle's bytes from this device's folder.
 */
export function chooseFull(state: PortfolioSyncRow, out: OutgoingChanges, rules: SyncRules): boolean {
  if (state.pushes === 0 && !state.adopted) return true;
  if (state.pushesSinceFull + 1 >= rules.fullEvery) return true;
  return state.bytesSinceFull + out.incrementalBytes >= out.fullBytes;
}

/** The delay before retry number `attempt` (1, 2, …): exponential, capped, with "equal jitter" (half fixed, half random). */
export function backoffDelay(attempt: number, rules: SyncRules, random: () => number): number {
  const ceiling = Math.min(rules.backoffMaxMs, rules.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
