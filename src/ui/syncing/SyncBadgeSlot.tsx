// Where the header's sync state goes: empty on a device that is not connected (no sync code is loaded for it),
// the sync state once the device connects (SyncBadge, its own chunk).
import { lazy, Suspense } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadSyncSettings } from '../../storage';

const SyncBadge = lazy(() => import('./SyncBadge'));

export function SyncBadgeSlot() {
  const connected = useLiveQuery(async () => (await loadSyncSettings()) !== null, [], false);
  if (!connected) return null;
  return (
    <Suspense fallback={null}>
      <SyncBadge />
    </Suspense>
  );
}
