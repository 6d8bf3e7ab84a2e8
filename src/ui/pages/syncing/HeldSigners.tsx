// Changes pulled from the store but signed by a key this device does not accept: one line per key with its full
// fingerprint, to compare with the key's holder and accept (the Trust screen's form); the held changes then apply
// and sync runs again, so the changes that waited behind them arrive too.
import { useLiveQuery } from 'dexie-react-hooks';
import { listHeld } from '../../../storage';
import { useKeyAcceptance } from '../trust/AcceptKeyForm';
import { FullFingerprint } from '../trust/common';
import { syncService } from '../../syncing/syncService';
import { useDeviceNames } from '../../syncing/deviceLabel';

export function HeldSigners() {
  const held = useLiveQuery(() => listHeld(), []);
  // Once a key is accepted its held changes apply, and sync runs again for the changes that waited behind them.
  const { accept, form, said } = useKeyAcceptance(() => void syncService.syncNow().catch(() => undefined));
  const deviceName = useDeviceNames();
  const byKey = new Map<string, { deviceId: string; count: number }>();
  for (const row of held ?? []) {
    const seen = byKey.get(row.deviceKey);
    byKey.set(row.deviceKey, { deviceId: row.deviceId, count: (seen?.count ?? 0) + 1 });
  }
  if (byKey.size === 0 && !said) return null;
  return (
    <section aria-labelledby="held-signers-heading">
      <h2 id="held-signers-heading">Held: signed by keys this device does not accept</h2>
      {said}
      {form}
      <ul className="card-list">
        {[...byKey].map(([deviceKey, { deviceId, count }]) => (
          <li key={deviceKey} className="card" data-testid="held-signer">
            <p>
              {count} {count === 1 ? 'change' : 'changes'} held, sent by{' '}
              <strong data-testid="held-device">{deviceName(deviceId)}</strong>, signed by the key with fingerprint
            </p>
            <p>
              <FullFingerprint fingerprint={deviceKey} />
            </p>
            <button type="button" className="secondary" onClick={() => accept({ deviceId, deviceKey })}>
              Accept this key…
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
