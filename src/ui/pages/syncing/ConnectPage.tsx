// /connect#endpoint=…&bucket=…: the sync link a centre sends. The settings travel in the fragment, which the
// browser never sends to a server; this screen reads them, shows what will be connected (no secrets), and on
// "Connect" stores them and leaves the address without them (the history entry is replaced).
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { parseSyncLink } from '../../../domain';
import { routes } from '../../routes';
import { syncService } from '../../syncing/syncService';
import { useSyncService } from '../../syncing/hooks';
import { CredentialsNote, SettingsSummary } from './SettingsSummary';

export function ConnectPage() {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const { connection, settings: current } = useSyncService();
  const [parsed] = useState(() => parseSyncLink(hash));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function connect() {
    if (!parsed.ok) return;
    setBusy(true);
    setError(null);
    try {
      await syncService.connect(parsed.settings);
      void navigate(routes.syncSettings(), { replace: true, state: { connected: true } });
    } catch (e) {
      setError(`This device could not keep the settings: ${(e as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Connect to the centre’s store</h1>
      {!parsed.ok ? (
        <>
          <div className="alert" role="alert">
            <p>This sync link cannot be used:</p>
            <ul>
              {parsed.problems.map((problem) => (
                <li key={`${problem.field}-${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          </div>
          <p>
            Ask the centre to send the link again, or <Link to={routes.syncSettings()}>enter the settings by hand</Link>
            . Nothing was changed on this device.
          </p>
        </>
      ) : (
        <>
          <p>This device will sync its portfolios through this store:</p>
          <SettingsSummary settings={parsed.settings} />
          {connection === 'connected' && current && (
            <p className="alert" role="note">
              This device is already connected to the bucket “{current.bucket}” at {current.endpoint}; connecting
              replaces those settings.
            </p>
          )}
          <CredentialsNote />
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => void connect()} disabled={busy}>
              {busy ? 'Connecting…' : 'Connect this device'}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void navigate(routes.home(), { replace: true })}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
