import type { CaseloadShow, CaseloadSort } from '../../../domain';
import { useCaseloadView } from '../../state/caseloadView';

const SHOW: Array<[CaseloadShow, string]> = [
  ['all', 'Everyone'],
  ['needs-action', 'Needs action'],
  ['overdue', 'Overdue'],
];

const SORT: Array<[CaseloadSort, string]> = [
  ['name', 'Name'],
  ['actions', 'Most to do first'],
  ['progress', 'Least progress first'],
  ['last-evidence', 'Longest without evidence first'],
];

/** Filter by qualification and by what needs action or is overdue; sort. Native selects: labelled, keyboard-ready. */
export function CaseloadControls({
  qualifications,
  shown,
  total,
}: {
  qualifications: Array<{ specKey: string; title: string }>;
  shown: number;
  total: number;
}) {
  const { view, change } = useCaseloadView();
  return (
    <form className="caseload-controls" aria-label="Sort and filter" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Qualification</span>
        <select value={view.qualification} onChange={(e) => change({ qualification: e.target.value })}>
          <option value="all">All qualifications</option>
          {qualifications.map((q) => (
            <option key={q.specKey} value={q.specKey}>
              {q.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Show</span>
        <select value={view.show} onChange={(e) => change({ show: e.target.value as CaseloadShow })}>
          {SHOW.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Sort by</span>
        <select value={view.sort} onChange={(e) => change({ sort: e.target.value as CaseloadSort })}>
          {SORT.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <p className="meta caseload-count" role="status">
        Showing {shown} of {total} {total === 1 ? 'portfolio' : 'portfolios'}
      </p>
    </form>
  );
}
