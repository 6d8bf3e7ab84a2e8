// /sync/settings: where this device syncs to — shown without secrets, changed by hand, tested step by step,
// shown as a QR code for another device, or disconnected.
import { lazy, Suspense, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { SyncSettings } from '../../../domain';
import { routes } from '../../routes';
import { useSyncService } from '../../syncing/hooks';
import { syncService } from '../../syncing/syncService';
import { ConnectionTest } from './ConnectionTest';
import { DeviceLabelForm } from './DeviceLabelForm';
import { CredentialsNote, SettingsSummary } from './SettingsSummary';
import { SettingsForm } from './SettingsForm';

const SyncLinkQr = lazy(() => import('./SyncLinkQr'));

function Disconnect() {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Disconnect…
      </button>
    );
  }
  return (
    <div className="panel" role="group" aria-label="Disconnect this device">
      <p>
        Stop syncing and forget the store’s address and key on this device? Portfolios stay on this device; changes made
        from now on wait here until it is connected again.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void syncService.disconnect()}>
          Disconnect
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Keep syncing
        </button>
      </div>
    </div>
  );
}

function ConnectedSettings({ settings }: { settings: SyncSettings }) {
  const [showQr, setShowQr] = useState(false);
  return (
    <>
      <p>This device syncs through:</p>
      <SettingsSummary settings={settings} />
      <ConnectionTest settings={settings} />
      <DeviceLabelForm />
      <section aria-labelledby="qr-heading">
        <h2 id="qr-heading">Connect another device</h2>
        <button type="button" className="secondary" onClick={() => setShowQr(!showQr)} aria-expanded={showQr}>
          {showQr ? 'Hide the QR code' : 'Show the sync link as a QR code'}
        </button>
        {showQr && (
          <Suspense fallback={<p role="status">Making the QR code…</p>}>
            <SyncLinkQr settings={settings} />
          </Suspense>
        )}
      </section>
      <SettingsForm key={JSON.stringify(settings)} saved={settings} onSave={(next) => syncService.connect(next)} />
      <section aria-labelledby="disconnect-heading">
        <h2 id="disconnect-heading">Disconnect</h2>
        <Disconnect />
      </section>
    </>
  );
}

export function SyncSettingsPage() {
  const { connection, settings } = useSyncService();
  const justConnected = (useLocation().state as { connected?: boolean } | null)?.connected === true;
  return (
    <section>
      <h1>Sync settings</h1>
      <CredentialsNote />
      {connection === 'loading' && <p role="status">Loading…</p>}
      {connection === 'connected' && settings && (
        <>
          {justConnected && (
            <p role="status" data-testid="connected-note">
              Connected. Test the connection below, then see the state of each portfolio on{' '}
              <Link to={routes.sync()}>Sync</Link>.
            </p>
          )}
          <ConnectedSettings settings={settings} />
        </>
      )}
      {connection === 'not-connected' && (
        <>
          <p role="status">
            This device is not connected to a centre’s store. Open the sync link the centre sent (or scan its QR code on
            a connected device), or enter the settings below.
          </p>
          <SettingsForm saved={null} onSave={(next) => syncService.connect(next)} />
        </>
      )}
    </section>
  );
}
