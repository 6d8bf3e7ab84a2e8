import { Link } from 'react-router';
import {
  caseloadQualifications,
  caseloadRow,
  viewCaseload,
  type CaseloadRow,
  type CaseloadView,
} from '../../../domain';
import type { Caseload, CaseloadSection } from '../../../storage';
import { ShowMore, useShownList } from '../../components/ShowMore';
import { routes } from '../../routes';
import { useCaseloadView } from '../../state/caseloadView';
import { CaseloadCard } from './CaseloadCard';
import { CaseloadControls } from './CaseloadControls';
import { useFirstScreen, useListLinks } from './useListLinks';
import './caseload.css';

const SECTION_TITLES: Record<CaseloadSection['role'], string> = {
  assessor: 'Candidates you assess',
  iqa: 'Assessors you cover',
  candidate: 'Your portfolio',
  everyone: 'All portfolios on this device',
};

const EMPTY_TEXT: Record<CaseloadSection['role'], string> = {
  assessor: 'No candidates have you as their assessor yet: a portfolio’s assessor is chosen when it is started.',
  iqa: 'No portfolios have you as their internal quality assurer yet.',
  candidate: 'You have no portfolio on this device yet.',
  everyone: 'No portfolios on this device yet.',
};

function CardList({ rows, label, stale }: { rows: CaseloadRow[]; label: string; stale: Set<string> }) {
  const list = useShownList(rows);
  const limit = useFirstScreen();
  return (
    <>
      <ul className="card-list caseload-list" aria-label={label}>
        {list.visible.slice(0, limit).map((row) => (
          <CaseloadCard key={row.portfolioId} row={row} heading="h3" updating={stale.has(row.portfolioId)} />
        ))}
      </ul>
      <ShowMore list={list} />
    </>
  );
}

/** The IQA's view: each assessor they cover, with that assessor's candidates. */
function ByAssessor({ rows, stale }: { rows: CaseloadRow[]; stale: Set<string> }) {
  const limit = useFirstScreen();
  const groups = new Map<string, CaseloadRow[]>();
  for (const row of rows.slice(0, limit)) groups.set(row.assessorName, [...(groups.get(row.assessorName) ?? []), row]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([assessor, list]) => (
      <section key={assessor} className="caseload-assessor" aria-label={assessor}>
        <h3>
          {assessor} <span className="meta">({list.length === 1 ? '1 candidate' : `${list.length} candidates`})</span>
        </h3>
        <ul className="card-list caseload-list" aria-label={`Candidates of ${assessor}`}>
          {list.map((row) => (
            <CaseloadCard key={row.portfolioId} row={row} heading="h4" updating={stale.has(row.portfolioId)} />
          ))}
        </ul>
      </section>
    ));
}

function Section({
  section,
  rows,
  stale,
  view,
}: {
  section: CaseloadSection;
  rows: CaseloadRow[];
  stale: Set<string>;
  view: CaseloadView;
}) {
  const title = SECTION_TITLES[section.role];
  const shown = viewCaseload(rows, view);
  return (
    <section className="caseload-section" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{EMPTY_TEXT[section.role]}</p>
      ) : shown.length === 0 ? (
        <p>None of these match the filter.</p>
      ) : section.role === 'iqa' ? (
        <ByAssessor rows={shown} stale={stale} />
      ) : (
        <CardList rows={shown} label={title} stale={stale} />
      )}
    </section>
  );
}

/** The acting person's work: a section per role they hold portfolios in, one set of controls for all of them. */
export function CaseloadSections({ caseload, today }: { caseload: Caseload; today: string }) {
  const view = useCaseloadView((s) => s.view);
  const stale = new Set(caseload.stale);
  const sections = caseload.sections.map((section) => ({
    section,
    rows: section.entries.map((e) => caseloadRow(e, section.actions, section.role, today)),
  }));
  const all = sections.flatMap((s) => s.rows);
  const shown = sections.reduce((n, s) => n + viewCaseload(s.rows, view).length, 0);
  const links = useListLinks<HTMLDivElement>();
  return (
    <div ref={links}>
      {all.length > 1 && (
        <CaseloadControls qualifications={caseloadQualifications(all)} shown={shown} total={all.length} />
      )}
      {sections.map(({ section, rows }) => (
        <Section key={section.role} section={section} rows={rows} stale={stale} view={view} />
      ))}
      {caseload.others.length > 0 && (
        <section aria-label="Other portfolios on this device">
          <h2>Other portfolios on this device</h2>
          <ul className="caseload-others">
            {caseload.others.map((o) => (
              <li key={o.portfolioId}>
                <Link to={routes.portfolio(o.portfolioId)}>{o.candidateName}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
