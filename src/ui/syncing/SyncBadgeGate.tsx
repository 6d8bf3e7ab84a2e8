// Where the header's sync state goes (Layout shows it once the first screen is up, from a chunk of its own): the
// sync state once the device is connected (SyncBadge, its own chunk), nothing on a device that is not. Reading the
// settings brings their schema, which the first screen does not need.
import { lazy, Suspense } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadSyncSettings } from '../../storage';

const SyncBadge = lazy(() => import('./SyncBadge'));

export default function SyncBadgeGate() {
  const connected = useLiveQuery(async () => (await loadSyncSettings()) !== null, [], false);
  if (!connected) return null;
  return (
    <Suspense fallback={null}>
      <SyncBadge />
    </Suspense>
  );
}
