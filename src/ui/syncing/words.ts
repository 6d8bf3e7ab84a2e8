// The sync state in words: the short line the header shows, and the run's state on the Sync screen. Per-portfolio
// words come from the engine (statusInWords); these sum them up.
import { formatDateTime } from '../../domain';
import type { PortfolioSyncView, SyncSnapshot } from '../../sync';
import type { SyncServiceState } from './syncService';

export type SyncTone = 'ok' | 'busy' | 'attention' | 'problem';

/** The header's line: null when this device is not connected (there is nothing to say). */
export function headerSyncWords(
  state: SyncServiceState,
  views: readonly PortfolioSyncView[],
): { words: string; tone: SyncTone } | null {
  if (state.connection !== 'connected' || !state.snapshot) return null;
  const { phase } = state.snapshot;
  const waiting = views.reduce((sum, view) => sum + view.changesWaiting, 0);
  const sending = views.find((view) => view.status.kind === 'sending');
  const held = views.filter((view) => view.status.kind === 'held').length;
  const failed = views.filter((view) => view.status.kind === 'failed').length;
  const waitingWords = waiting === 1 ? '1 change waiting' : `${waiting} changes waiting`;
  // The header says "Offline" beside it: on a phone the longer line wrapped the header onto one more row.
  if (phase === 'offline') return { words: waiting ? `Sync: ${waiting} waiting` : 'Sync: offline', tone: 'attention' };
  if (phase === 'failed') return { words: 'Sync failed: see Sync', tone: 'problem' };
  if (sending?.status.kind === 'sending') return { words: `Sync: sending ${sending.status.percent}%`, tone: 'busy' };
  if (phase === 'syncing') return { words: 'Syncing…', tone: 'busy' };
  if (failed > 0) return { words: `Sync: ${failed} failed`, tone: 'problem' };
  if (held > 0) return { words: `Sync: ${held} held`, tone: 'attention' };
  if (waiting > 0) return { words: `Sync: ${waitingWords}`, tone: 'busy' };
  return { words: 'Sync: up to date', tone: 'ok' };
}

/** The whole run's state, for the Sync screen: what happened last and what happens next. */
export function runInWords(snapshot: SyncSnapshot): string {
  const next =
    snapshot.nextAttemptAt !== null && snapshot.phase !== 'syncing'
      ? ` Next attempt at ${formatDateTime(new Date(snapshot.nextAttemptAt).toISOString())}.`
      : '';
  switch (snapshot.phase) {
    case 'stopped':
      return 'Sync is stopped.';
    case 'syncing':
      return 'Syncing now…';
    case 'offline':
      return `${snapshot.lastError ?? 'No network: changes wait on this device and go when it is back online.'}${next}`;
    case 'failed':
      return `Sync failed: ${snapshot.lastError ?? 'no reason given'}${next}`;
    case 'idle':
      return snapshot.lastSuccessAt
        ? `Synced at ${formatDateTime(snapshot.lastSuccessAt)}.${next}`
        : `Waiting for the first sync.${next}`;
  }
}
