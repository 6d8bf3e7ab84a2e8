import { countOf, formatDate, type CaseloadRow, type RulesStatus } from '../../../domain';
import { routes } from '../../routes';

const RULES_TEXT: Record<RulesStatus, string> = {
  'award-achieved': 'Award achieved',
  'route-meets-rules': 'Route meets the rules of combination',
  'route-breaks-rules': 'Route breaks the rules of combination',
  'no-route': 'No route chosen yet',
};

type Heading = 'h3' | 'h4';

/**
 * One candidate on a caseload: progress, rules, last evidence, flags, and what waits for the person. Its links are
 * plain anchors, followed through the router by the list's useListLinks.
 */
export function CaseloadCard({ row, heading: H, updating }: { row: CaseloadRow; heading: Heading; updating: boolean }) {
  const s = row.summary;
  const percent = s ? Math.round(s.coverage * 100) : 0;
  return (
    <li className="card caseload-card" data-portfolio={row.portfolioId}>
      <H>
        <a href={routes.portfolio(row.portfolioId)}>{row.candidateName}</a>
      </H>
      <p className="meta">{row.qualificationTitle}</p>
      {s ? (
        <>
          <p className="caseload-progress">
            <progress max={100} value={percent} aria-label={`Progress of ${row.candidateName}`} />{' '}
            <span>{percent}% of the route’s criteria covered</span>
          </p>
          <p className={s.rules === 'route-breaks-rules' ? 'caseload-rules broken' : 'caseload-rules'}>
            {RULES_TEXT[s.rules]} · {s.achievedUnits} of {countOf(s.routeUnits, 'unit')} achieved
          </p>
          <p className="meta">
            Last evidence: {s.lastEvidenceDate ? formatDate(s.lastEvidenceDate) : 'none yet'} ({s.evidenceCount}{' '}
            {s.evidenceCount === 1 ? 'item' : 'items'})
          </p>
        </>
      ) : (
        <p className="meta">{row.problem ?? 'Working out progress…'}</p>
      )}
      {updating && s && <p className="meta">Updating…</p>}
      {row.flags.length > 0 && (
        <ul className="caseload-flags" aria-label={`Flags for ${row.candidateName}`}>
          {row.flags.map((f) => (
            <li key={f.kind} className={`caseload-flag ${f.kind}`}>
              {f.label}
            </li>
          ))}
        </ul>
      )}
      {row.actions.length > 0 && (
        <ul className="caseload-actions" aria-label={`To do on ${row.candidateName}’s portfolio`}>
          {row.actions.map((a) => (
            <li key={a.id}>
              {a.unitCode ? <a href={routes.unit(row.portfolioId, a.unitCode)}>{a.label}</a> : a.label}
              {a.due && <span className="meta"> · due {formatDate(a.due)}</span>}
            </li>
          ))}
        </ul>
      )}
      {row.overdue && <p className="caseload-overdue">Overdue</p>}
    </li>
  );
}
