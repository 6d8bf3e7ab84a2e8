import { Link } from 'react-router';
import {
  countOf,
  describeProgress,
  type CriterionProgress,
  type CriterionStatus,
  type PortfolioProgress,
  type UnitProgress,
  formatDate,
} from '../../../domain';
import { routes } from '../../routes';
import { ScrollTable } from '../../components/ScrollTable';
import { useNarrowScreen } from '../../components/useNarrowScreen';

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

/** The unit's sign-off state in words. */
function signOffText(u: UnitProgress): string {
  if (u.achieved) return `✓ Signed off ${formatDate(u.signOff!.date)}`;
  if (u.awaitingCountersignature) return 'Awaiting countersignature';
  return '—';
}

function CriteriaChips({ unit }: { unit: UnitProgress }) {
  return (
    <ul className="chips" aria-label={`${unit.unit.code} criteria`}>
      {unit.criteria.map((c) => (
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
  );
}

function Coverage({ unit: u }: { unit: UnitProgress }) {
  return (
    <>
      <meter min={0} max={1} value={u.coverage} aria-label={`${u.unit.code} coverage`} />{' '}
      <span data-testid={`coverage-${u.unit.code}`}>{Math.round(u.coverage * 100)}%</span>
    </>
  );
}

/** Coverage, criteria and sign-off of every unit: a table on wide screens, one card per unit on a phone. */
export function ProgressMatrix({ progress, portfolioId }: { progress: PortfolioProgress; portfolioId: string }) {
  const narrow = useNarrowScreen();
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Progress</h2>
      <p>
        <strong data-testid="overall-coverage">{describeProgress(progress.summary)}</strong>
      </p>
      {narrow ? (
        <UnitCards units={progress.units} portfolioId={portfolioId} />
      ) : (
        <UnitTable units={progress.units} portfolioId={portfolioId} />
      )}
    </section>
  );
}

interface UnitsProps {
  units: UnitProgress[];
  portfolioId: string;
}

function UnitTable({ units, portfolioId }: UnitsProps) {
  return (
    <ScrollTable
      label="Progress by unit"
      className="units-table matrix"
      columns={['Unit', 'Coverage', 'Criteria (✓ has evidence, ✓✓ judged met, ✗ judged not yet)', 'Sign-off']}
    >
      {units.map((u) => (
        <tr key={u.unit.code} data-unit={u.unit.code}>
          <th scope="row">
            <Link to={routes.unit(portfolioId, u.unit.code)}>{u.unit.code}</Link>
            {!u.inRoute && <span className="tag">not in route</span>}
            <div className="meta">{u.unit.title}</div>
          </th>
          <td>
            <Coverage unit={u} />
            <div className="meta">
              {u.covered}/{u.total}
            </div>
          </td>
          <td>
            <CriteriaChips unit={u} />
          </td>
          <td className="signoff-cell">{signOffText(u)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/**
 * A phone's view: each unit a card with everything the table's row says, stacked, so nothing sits off-screen;
 * the criterion chips, the longest part, are folded away until asked for.
 */
function UnitCards({ units, portfolioId }: UnitsProps) {
  return (
    <ul className="unit-cards" aria-label="Progress by unit">
      {units.map((u) => (
        <li key={u.unit.code} className="card unit-card" data-unit={u.unit.code}>
          <h3>
            <Link to={routes.unit(portfolioId, u.unit.code)}>{u.unit.code}</Link>
            {!u.inRoute && <span className="tag">not in route</span>}
          </h3>
          <p className="meta">{u.unit.title}</p>
          <p>
            Coverage: <Coverage unit={u} />
          </p>
          <p>
            Criteria: {u.covered} of {countOf(u.total, 'criterion', 'criteria')} with evidence, {u.assessedMet} judged
            met
            {u.notYet > 0 && `, ${u.notYet} not yet`}
          </p>
          <p>Sign-off: {u.achieved || u.awaitingCountersignature ? signOffText(u) : 'not signed off'}</p>
          <details>
            <summary>Criteria of {u.unit.code}</summary>
            <CriteriaChips unit={u} />
          </details>
        </li>
      ))}
    </ul>
  );
}
