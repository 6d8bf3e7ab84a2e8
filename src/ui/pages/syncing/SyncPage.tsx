// /sync: how sync stands — the run (last success, the problem in words, the next attempt), "Sync now", each
// portfolio's state, and what is held for a person to decide.
import { useState } from 'react';
import { Link } from 'react-router';
import { routes } from '../../routes';
import { usePortfolioSyncViews, useSyncService } from '../../syncing/hooks';
import { syncService } from '../../syncing/syncService';
import { runInWords } from '../../syncing/words';
import { HeldSigners } from './HeldSigners';
import { PortfolioSyncList } from './PortfolioSyncList';

function SyncNow() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      await syncService.syncNow();
      setOutcome('Sync finished.');
    } catch {
      setOutcome(null); // the reason is in the state line above, in words
    } finally {
      setBusy(false);
    }
  }
  return (
    <p className="actions">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
      {outcome && <span role="status">{outcome}</span>}
    </p>
  );
}

export function SyncPage() {
  const state = useSyncService();
  const views = usePortfolioSyncViews();
  return (
    <section>
      <h1>Sync</h1>
      {state.connection === 'loading' && <p role="status">Loading…</p>}
      {state.connection === 'not-connected' && (
        <p>
          This device is not connected to a centre’s store: open the sync link the centre sent, or{' '}
          <Link to={routes.syncSettings()}>enter the sync settings</Link>. Until then portfolios move only as bundle
          files.
        </p>
      )}
      {state.connection === 'connected' && state.snapshot && (
        <>
          <p role="status" data-testid="sync-run-state" data-phase={state.snapshot.phase}>
            {runInWords(state.snapshot)}
          </p>
          {state.clockNote && <p data-testid="clock-note">{state.clockNote}</p>}
          <SyncNow />
          {/* Links a thumb must hit, not words in a sentence: 44 px tall like the buttons. */}
          <p className="actions">
            <Link className="button secondary" to={routes.syncSettings()}>
              Sync settings
            </Link>
            <Link className="button secondary" to={routes.syncLog()}>
              Sync log
            </Link>
          </p>
          <h2>Portfolios</h2>
          {views && (
            <PortfolioSyncList
              views={views}
              storeReachable={state.snapshot.phase !== 'offline' && state.snapshot.phase !== 'failed'}
            />
          )}
          <HeldSigners />
        </>
      )}
    </section>
  );
}
