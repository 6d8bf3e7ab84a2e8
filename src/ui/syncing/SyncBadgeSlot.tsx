// Where the header's sync state goes: empty on a device that is not connected (no sync code is loaded for it),
// the sync state once the device connects. The check itself (SyncBadgeGate) is a chunk of its own, loaded once the
// first screen is up: the sync settings' schema stays out of the first visit's download and the first screen's start.
import { lazy, Suspense } from 'react';
import { useFirstScreenShown } from '../firstScreen';

const SyncBadgeGate = lazy(() => import('./SyncBadgeGate'));

export function SyncBadgeSlot() {
  if (!useFirstScreenShown()) return null;
  return (
    <Suspense fallback={null}>
      <SyncBadgeGate />
    </Suspense>
  );
}
