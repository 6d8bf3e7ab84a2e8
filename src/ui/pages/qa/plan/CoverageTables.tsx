// A plan's coverage as tables a keyboard and a screen reader can use: per assessor, unit, method and site, and per
// stage (interim/summative), the items planned, done and overdue; then the gaps in words.
import {
  EVIDENCE_TYPE_LABELS,
  stageCoverage,
  type CoverageLine,
  type PlanCoverage,
  type PlanItem,
} from '../../../../domain';
import { ScrollTable } from '../../../components/ScrollTable';

interface Props {
  coverage: PlanCoverage;
  live: PlanItem[];
  done: Set<string>;
  today: string;
  name: (id: string) => string;
}

function Table({ label, lines, keyName }: { label: string; lines: CoverageLine[]; keyName: (key: string) => string }) {
  return (
    <ScrollTable label={label} className="units-table qa-coverage" columns={[label, 'Planned', 'Done', 'Overdue']}>
      {lines.map((l) => (
        <tr key={l.key}>
          <th scope="row">{keyName(l.key)}</th>
          <td>{l.planned}</td>
          <td>{l.done}</td>
          <td>{l.overdue}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function CoverageTables({ coverage, live, done, today, name }: Props) {
  const method = (key: string) => EVIDENCE_TYPE_LABELS[key as keyof typeof EVIDENCE_TYPE_LABELS] ?? key;
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage</h2>
      <p data-testid="plan-totals">
        {coverage.done} of {coverage.planned} planned samples done; {coverage.overdue.length} overdue.
      </p>
      <div className="two-up">
        <Table label="Stage" lines={stageCoverage(live, (i) => done.has(i.id), today)} keyName={(k) => k} />
        <Table label="Assessor" lines={coverage.byAssessor} keyName={name} />
        <Table label="Unit" lines={coverage.byUnit} keyName={(k) => k} />
        <Table label="Method" lines={coverage.byMethod} keyName={method} />
        <Table label="Site" lines={coverage.bySite} keyName={(k) => k || 'No site'} />
      </div>
      {coverage.gaps.length === 0 ? (
        <p>The plan covers every assessor, unit, method and site with work in the period.</p>
      ) : (
        <>
          <h3>Not yet covered</h3>
          <ul aria-label="Gaps in the plan">
            {coverage.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
