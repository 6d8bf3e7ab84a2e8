// The numbers sync runs by (docs/sync.md), in one place; tests and the bench pass their own.
import type { OutgoingChanges, PortfolioSyncRow } from '../storage';

export interface SyncRules {
  /** What one request costs a reading device, in bytes it could have downloaded meanwhile (about 50 ms). */
  requestBytes: number;
  /** A full bundle once replaying this device's folder since its last full would cost this many times a full. */
  fullWhenReplayExceeds: number;
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
  requestBytes: 64 * 1024,
  fullWhenReplayExceeds: 2,
  debounceMs: 2000,
  pullEveryMs: 60_000,
  // SigV4 refuses a request more than 15 minutes off the store's clock, so no accepted writer is further behind.
  lookBackMs: 20 * 60_000,
  backoffBaseMs: 2000,
  backoffMaxMs: 5 * 60_000,
  deepScanEveryMs: 24 * 3600_000,
};

/**
 * Full or incremental (docs/sync.md, "The full-bundle rule"): full for the first push of a portfolio this device
 * started (nothing of it is in the store); after that, full once a device that joins would pay more to replay this
 * device's folder from its last full bundle — one request and the bytes of each object since, this push included —
 * than `fullWhenReplayExceeds` times what reading one full bundle costs. Portfolios that only grow (new evidence,
 * new photos) never reach it: their replay is no dearer than their full. Portfolios whose records are edited over
 * and over do, and a full bundle costs the pushing device at most half of what it sent since the last one.
 */
export function chooseFull(state: PortfolioSyncRow, out: OutgoingChanges, rules: SyncRules): boolean {
  if (state.pushes === 0 && !state.adopted) return true;
  const replay = (state.pushesSinceFull + 1) * rules.requestBytes + state.bytesSinceFull + out.incrementalBytes;
  return replay > rules.fullWhenReplayExceeds * (rules.requestBytes + out.fullBytes);
}

/** The delay before retry number `attempt` (1, 2, …): exponential, capped, with "equal jitter" (half fixed, half random). */
export function backoffDelay(attempt: number, rules: SyncRules, random: () => number): number {
  const ceiling = Math.min(rules.backoffMaxMs, rules.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
