import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useEnrolments, usePeople, useStoredSpecs } from '../data/hooks';
import { loadDemoPortfolio } from '../../storage';
import { StorageMeter } from '../components/StorageMeter';
import { DemoCentreButton } from '../components/DemoCentreButton';
import { routes } from '../routes';
import { ShowMore, useShownList } from '../components/ShowMore';

export function HomePage() {
  const enrolments = useEnrolments();
  const people = usePeople();
  const specs = useStoredSpecs();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useShownList(enrolments ?? []);
  if (!enrolments || !people || !specs) return <p role="status">Loading…</p>;
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown candidate';
  const title = (id: string, version: string) =>
    specs.find((s) => s.id === id && s.version === version)?.title ?? `${id} ${version}`;

  async function demo() {
    setBusy(true);
    setError(null);
    try {
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
      {busy ? (
        <p role="status">Loading the demo portfolio…</p>
      ) : enrolments.length === 0 ? (
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
          <ul className="card-list" aria-label="Portfolios">
            {list.visible.map((e) => (
              <li key={e.id} className="card">
                <h2>
                  <Link to={routes.portfolio(e.id)}>{name(e.candidateId)}</Link>
                </h2>
                <p className="meta">{title(e.specId, e.specVersion)}</p>
                <p className="meta">Started {e.startDate}</p>
              </li>
            ))}
          </ul>
          <ShowMore list={list} />
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
