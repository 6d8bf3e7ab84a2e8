// The sync service's state for screens: the service's own (connection, run, clock note) from its subscription,
// each portfolio's state from storage (live) and the engine's progress.
import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PortfolioSyncView } from '../../sync';
import { syncService, type SyncServiceState } from './syncService';

export function useSyncService(): SyncServiceState {
  useEffect(() => void syncService.ensureStarted(), []);
  return useSyncExternalStore(syncService.subscribe, syncService.state);
}

/** Every portfolio's sync state (empty when not connected; undefined while loading). */
export function usePortfolioSyncViews(): PortfolioSyncView[] | undefined {
  const { snapshot } = useSyncService();
  const engine = syncService.engine();
  return useLiveQuery(async () => (engine ? engine.portfolioStates() : []), [engine, snapshot]);
}
