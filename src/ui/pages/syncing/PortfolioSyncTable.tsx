// One row per portfolio: whose it is, its sync state in words, and when it last synced.
import { Link } from 'react-router';
import { formatDateTime } from '../../../domain';
import type { PortfolioSyncView } from '../../../sync';
import { ScrollTable } from '../../components/ScrollTable';
import { useEnrolments, usePeople } from '../../data/hooks';
import { routes } from '../../routes';

export function PortfolioSyncTable({ views }: { views: PortfolioSyncView[] }) {
  const enrolments = useEnrolments();
  const people = usePeople();
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'someone not on this device yet';
  if (views.length === 0) return <p>No portfolios on this device yet: those of your people arrive by themselves.</p>;
  return (
    <ScrollTable label="Sync state of each portfolio" columns={['Portfolio', 'State', 'Last synced']}>
      {views.map((view) => {
        const enrolment = enrolments?.find((e) => e.id === view.portfolioId);
        return (
          <tr key={view.portfolioId} data-testid="portfolio-sync-row" data-state={view.status.kind}>
            <td>
              {enrolment ? (
                <Link to={routes.portfolio(enrolment.id)}>
                  {nameOf(enrolment.candidateId)} — {enrolment.specId}
                </Link>
              ) : (
                'A portfolio arriving from another device'
              )}
            </td>
            <td>{view.words}</td>
            <td>{view.lastSuccessAt ? formatDateTime(view.lastSuccessAt) : 'not yet'}</td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
