// App start: the sync service loads in its own chunk after the first screen, and starts syncing if connected.
export function startSync(): void {
  void import('./syncService').then(({ syncService }) => syncService.start());
}
