import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { confirmCaseloadFresh, loadCaseload, refreshCaseloadSummaries, todayIso } from '../../storage';
import { DemoCentreButton } from '../components/DemoCentreButton';
import { routes } from '../routes';
import { CaseloadSections } from './home/CaseloadSections';
import { QaActionsSlot } from './home/QaActionsSlot';
import { HOME_MARKS, markAfterPaint, markOnce } from './home/marks';
import { afterFirstScreenPart, firstScreenShown } from '../firstScreen';

/** Below the caseload, once it is shown (firstScreen.tsx): it reads every media row to count them. */
const StorageMeter = afterFirstScreenPart<object>(() =>
  import('../components/StorageMeter').then((m) => ({ default: m.StorageMeter })),
);

/** The acting person's home: their caseload (see storage/caseload.ts), or every portfolio when nobody is acting. */
export function HomePage() {
  markOnce(HOME_MARKS.started);
  const today = todayIso();
  const caseload = useLiveQuery(() => loadCaseload(today), [today]);
  if (caseload) markOnce(HOME_MARKS.read);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!caseload) return;
    markOnce(HOME_MARKS.shown);
    // The deferred work (firstScreen.tsx) waits until the caseload is on screen, not merely committed: started in
    // the same frame, its chunks' evaluation held the first paint back by some 300 ms on a slow phone.
    markAfterPaint(HOME_MARKS.painted, firstScreenShown);
    if (caseload.confirm) void confirmCaseloadFresh(caseload.confirm);
    if (caseload.stale.length === 0) markOnce(HOME_MARKS.complete);
    else
      refreshCaseloadSummaries(caseload.stale).catch((e: Error) =>
        setError(`Progress could not be worked out: ${e.message}`),
      );
  }, [caseload]);

  if (!caseload) return <p role="status">Loading…</p>;
  const empty = caseload.sections.every((s) => s.entries.length === 0) && caseload.others.length === 0;

  async function demo() {
    setBusy(true);
    setError(null);
    try {
      const { loadDemoPortfolio } = await import('../data/demo');
      const id = await loadDemoPortfolio();
      void navigate(routes.portfolio(id));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Portfolios</h1>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {caseload.person && <QaActionsSlot personId={caseload.person.id} />}
      {busy ? (
        <p role="status">Loading the demo portfolio…</p>
      ) : empty ? (
        <div className="empty">
          <p>No portfolios on this device yet.</p>
          <p>
            <Link className="button" to={routes.newPortfolio()}>
              Start a portfolio
            </Link>{' '}
            <button type="button" className="secondary" onClick={() => void demo()} disabled={busy}>
              {busy ? 'Loading the demo…' : 'Load the demo portfolio'}
            </button>{' '}
            <DemoCentreButton />
          </p>
        </div>
      ) : (
        <>
          <CaseloadSections caseload={caseload} today={today} />
          <p>
            <Link className="button" to={routes.newPortfolio()}>
              Start another portfolio
            </Link>
          </p>
        </>
      )}
      <StorageMeter />
    </section>
  );
}
