// App start: a connected device loads the sync service (its own chunk, with the engine) after the first screen and
// starts syncing; a device that is not connected never downloads it until a sync screen is opened.
import { loadSyncSettings } from '../../storage';

export function startSync(): void {
  void loadSyncSettings().then(async (settings) => {
    if (settings) (await import('./syncService')).syncService.start();
  });
}
