// One card per portfolio: whose it is and for which qualification, its sync state in words, and when it last synced.
// Cards rather than a table: at 360 px a third column squeezed "Last synced" into one letter per line.
import { Link } from 'react-router';
import { formatDateTime } from '../../../domain';
import type { PortfolioSyncView } from '../../../sync';
import { useEnrolments, usePeople, useStoredSpecs } from '../../data/hooks';
import { routes } from '../../routes';

export function PortfolioSyncList({ views }: { views: PortfolioSyncView[] }) {
  const enrolments = useEnrolments();
  const people = usePeople();
  const specs = useStoredSpecs();
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'someone not on this device yet';
  const titleOf = (specId: string) => specs?.find((s) => s.id === specId)?.title ?? specId;
  if (views.length === 0) return <p>No portfolios on this device yet: those of your people arrive by themselves.</p>;
  return (
    <ul className="card-list" aria-label="Sync state of each portfolio">
      {views.map((view) => {
        const enrolment = enrolments?.find((e) => e.id === view.portfolioId);
        return (
          <li key={view.portfolioId} className="card" data-testid="portfolio-sync-row" data-state={view.status.kind}>
            <h3>
              {enrolment ? (
                <Link to={routes.portfolio(enrolment.id)}>{nameOf(enrolment.candidateId)}</Link>
              ) : (
                'A portfolio arriving from another device'
              )}
            </h3>
            {enrolment && <p className="meta">{titleOf(enrolment.specId)}</p>}
            <p>{view.words}</p>
            <p className="meta">Last synced: {view.lastSuccessAt ? formatDateTime(view.lastSuccessAt) : 'not yet'}</p>
          </li>
        );
      })}
    </ul>
  );
}
