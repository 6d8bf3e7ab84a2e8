// Where the header's sync state goes: empty on a device that is not connected (no sync code is loaded for it),
// the sync state once the device connects. The check itself (SyncBadgeGate) is a chunk of its own, loaded after the
// first screen's code: the sync settings' schema stays out of the first visit's download.
import { lazy, Suspense } from 'react';

const SyncBadgeGate = lazy(() => import('./SyncBadgeGate'));

export function SyncBadgeSlot() {
  return (
    <Suspense fallback={null}>
      <SyncBadgeGate />
    </Suspense>
  );
}
