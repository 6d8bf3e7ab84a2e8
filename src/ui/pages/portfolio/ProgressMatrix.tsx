import { Link } from 'react-router';
import {
  describeProgress,
  type CriterionProgress,
  type CriterionStatus,
  type PortfolioProgress,
  formatDate,
} from '../../../domain';
import { routes } from '../../routes';
import { ScrollTable } from '../../components/ScrollTable';

const CHIP_CLASS: Record<CriterionStatus, string> = {
  none: 'chip',
  evidence: 'chip covered',
  met: 'chip covered met',
  'not-yet': 'chip not-yet',
};
const CHIP_MARK: Record<CriterionStatus, string> = { none: '', evidence: '✓ ', met: '✓✓ ', 'not-yet': '✗ ' };

/** What a criterion chip says to a screen reader (the mark alone is not enough). */
function chipText(c: CriterionProgress): string {
  const evidence = c.evidenceIds.length ? `has ${c.evidenceIds.length} evidence` : 'no evidence';
  if (c.status === 'not-yet') return ` judged not yet by the assessor, ${evidence}`;
  if (c.status === 'met') return ` judged met by the assessor, ${evidence}`;
  return ` ${evidence}`;
}

/** Coverage, criteria and sign-off of every unit, one row each. */
export function ProgressMatrix({ progress, portfolioId }: { progress: PortfolioProgress; portfolioId: string }) {
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Progress</h2>
      <p>
        <strong data-testid="overall-coverage">{describeProgress(progress.summary)}</strong>
      </p>
      <ScrollTable
        label="Progress by unit"
        className="units-table matrix"
        columns={['Unit', 'Coverage', 'Criteria (✓ has evidence, ✓✓ judged met, ✗ judged not yet)', 'Sign-off']}
      >
        {progress.units.map((u) => (
          <tr key={u.unit.code} data-unit={u.unit.code}>
            <th scope="row">
              <Link to={routes.unit(portfolioId, u.unit.code)}>{u.unit.code}</Link>
              {!u.inRoute && <span className="tag">not in route</span>}
              <div className="meta">{u.unit.title}</div>
            </th>
            <td>
              <meter min={0} max={1} value={u.coverage} aria-label={`${u.unit.code} coverage`} />{' '}
              <span data-testid={`coverage-${u.unit.code}`}>{Math.round(u.coverage * 100)}%</span>
              <div className="meta">
                {u.covered}/{u.total}
              </div>
            </td>
            <td>
              <ul className="chips" aria-label={`${u.unit.code} criteria`}>
                {u.criteria.map((c) => (
                  <li
                    key={c.ref.key}
                    className={CHIP_CLASS[c.status]}
                    title={c.status === 'not-yet' ? `Not yet: ${c.ref.text}` : c.ref.text}
                    data-status={c.status}
                  >
                    {CHIP_MARK[c.status]}
                    {c.ref.label}
                    <span className="visually-hidden">{chipText(c)}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {u.achieved
                ? `✓ Signed off ${formatDate(u.signOff!.date)}`
                : u.awaitingCountersignature
                  ? 'Awaiting countersignature'
                  : '—'}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
