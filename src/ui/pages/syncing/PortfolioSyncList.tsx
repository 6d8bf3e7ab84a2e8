// One card per portfolio: whose it is and for which qualification, its sync state in words, and when it last synced.
// Cards rather than a table: at 360 px a third column squeezed "Last synced" into one letter per line.
import { Link } from 'react-router';
import { formatDateTime } from '../../../domain';
import type { PortfolioSyncStatus, PortfolioSyncView } from '../../../sync';
import { useEnrolments, usePeople, useStoredSpecs } from '../../data/hooks';
import { routes } from '../../routes';

type StatusKind = PortfolioSyncStatus['kind'];

/** Most in need of a person first: a centre's twenty portfolios put the one that failed at the top, not the middle. */
const ATTENTION_ORDER: Record<StatusKind, number> = { failed: 0, held: 1, sending: 2, waiting: 3, 'up-to-date': 4 };

/** A mark beside the words, so a state is told at a glance by shape as well as colour (the words say it all). */
const MARK: Record<StatusKind, string> = { failed: '✕', held: '⚠', sending: '↑', waiting: '○', 'up-to-date': '✓' };

export interface PortfolioSyncListProps {
  views: PortfolioSyncView[];
  /**
   * False while the store cannot be reached (offline, or the last run failed): nothing waiting here does not then
   * mean up to date, since other devices' changes may be in the store unseen.
   */
  storeReachable?: boolean;
}

/** The words of a portfolio's state, as true as this device can know them. */
export function stateWords(view: PortfolioSyncView, storeReachable: boolean): string {
  return view.status.kind === 'up-to-date' && !storeReachable ? 'Nothing waiting to send' : view.words;
}

export function PortfolioSyncList({ views, storeReachable = true }: PortfolioSyncListProps) {
  const enrolments = useEnrolments();
  const people = usePeople();
  const specs = useStoredSpecs();
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'someone not on this device yet';
  const titleOf = (specId: string) => specs?.find((s) => s.id === specId)?.title ?? specId;
  if (views.length === 0) return <p>No portfolios on this device yet: those of your people arrive by themselves.</p>;
  const cards = views.map((view) => {
    const enrolment = enrolments?.find((e) => e.id === view.portfolioId);
    return { view, enrolment, name: enrolment ? nameOf(enrolment.candidateId) : null };
  });
  cards.sort(
    (a, b) =>
      ATTENTION_ORDER[a.view.status.kind] - ATTENTION_ORDER[b.view.status.kind] ||
      (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'en-GB'),
  );
  return (
    <ul className="card-list" aria-label="Sync state of each portfolio">
      {cards.map(({ view, enrolment, name }) => (
        <li
          key={view.portfolioId}
          className="card sync-card"
          data-testid="portfolio-sync-row"
          data-state={view.status.kind}
        >
          <h3>
            {enrolment ? (
              <Link to={routes.portfolio(enrolment.id)}>{name}</Link>
            ) : (
              'A portfolio arriving from another device'
            )}
          </h3>
          {enrolment && <p className="meta">{titleOf(enrolment.specId)}</p>}
          <p className="sync-state" data-testid="portfolio-sync-state">
            <span aria-hidden="true">{MARK[view.status.kind]}</span> {stateWords(view, storeReachable)}
          </p>
          <p className="meta">Last synced: {view.lastSuccessAt ? formatDateTime(view.lastSuccessAt) : 'not yet'}</p>
        </li>
      ))}
    </ul>
  );
}
