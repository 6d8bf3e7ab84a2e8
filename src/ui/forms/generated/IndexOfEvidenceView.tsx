// Form 4, the index of evidence, laid out as the seed's table.
import type { IndexOfEvidence } from '../../../domain';
import { ColumnHead, columnsOf, ScrollRegion, SheetHeader, sheetDate as date } from './sheet';

export function IndexOfEvidenceView({ index }: { index: IndexOfEvidence }) {
  const cols = columnsOf('index-of-evidence', 'rows');
  return (
    <>
      <SheetHeader
        label="Index of evidence: qualification and candidate"
        rows={[
          ['SVQ title and level', index.svqTitle],
          ['Candidate', index.candidate],
        ]}
      />
      <ScrollRegion label="Index of evidence table">
        <table className="sheet-table sheet-grid" data-testid="index-of-evidence">
          <ColumnHead cols={cols} />
          <tbody>
            {index.rows.length === 0 && (
              <tr>
                <td colSpan={cols.length}>No evidence recorded yet.</td>
              </tr>
            )}
            {index.rows.map((r) => (
              <tr key={r.evidenceId}>
                <td className="num">{r.number}</td>
                <td>
                  {r.description}
                  <span className="sheet-sub">
                    {r.typeLabel} · {date(r.date)}
                    {r.simulation ? ' · simulation' : ''}
                  </span>
                </td>
                <td>{r.included}</td>
                <td>{r.links || <span className="meta">not linked to any criterion yet</span>}</td>
                <td className="sign-cell">{r.ivSampling}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
