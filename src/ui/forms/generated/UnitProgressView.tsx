// Form 6, the unit progress and sign-off record: the unit checklist (completed units circled) and the sign-offs.
import type { UnitProgressRecord, UnitProgressRecordRow } from '../../../domain';
import { ColumnHead, columnsOf, ScrollRegion, SheetHeader, sheetDate as date } from './sheet';

function Circled({ code, completed }: { code: string; completed: boolean }) {
  return (
    <span className={completed ? 'circled' : undefined}>
      {code}
      {completed && <span className="visually-hidden"> (completed)</span>}
    </span>
  );
}

function ProgressTable({ title, rows }: { title: string; rows: UnitProgressRecordRow[] }) {
  const cols = columnsOf('unit-progress-signoff', title === 'Mandatory units' ? 'mandatory' : 'option');
  return (
    <ScrollRegion label={title}>
      <table className="sheet-table sheet-grid">
        <caption>{title}</caption>
        <ColumnHead cols={cols} />
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={cols.length}>None in the route.</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.unitCode} data-testid={`progress-${r.unitCode}`}>
              <th scope="row">{r.unitCode}</th>
              <td>{r.title}</td>
              <td className="sign-cell">
                {r.assessorSignature}
                {r.countersignNeeded && <span className="flag-text"> Countersignature needed</span>}
                {r.countersignedBy && <span className="sheet-sub">Countersigned by {r.countersignedBy}</span>}
              </td>
              <td>{date(r.date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function UnitProgressView({ progress }: { progress: UnitProgressRecord }) {
  // Both rows as wide as the longer one, as the seed's checklist grid.
  const width = Math.max(1, progress.checklist.mandatory.length, progress.checklist.option.length);
  return (
    <>
      <SheetHeader
        label="Unit progress: qualification, candidate and assessor"
        rows={[
          ['SVQ title and level', progress.svqTitle],
          ['Candidate', progress.candidate],
          ['Assessor', progress.assessor],
        ]}
      />
      <div className="sheet-box">
        {progress.requirements.map((r) => (
          <p key={r}>{r}</p>
        ))}
        <p>
          Unit checklist: list here the units you will be undertaking, then circle the reference number of each unit as
          you complete it.
        </p>
        <ScrollRegion label="Unit checklist">
          <table className="sheet-table sheet-grid checklist">
            <tbody>
              {(
                [
                  ['Mandatory', progress.checklist.mandatory],
                  ['Option', progress.checklist.option],
                ] as const
              ).map(([label, units]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {Array.from({ length: width }, (_, i) => {
                    const u = units[i];
                    return (
                      <td key={u?.unitCode ?? `blank-${i}`}>
                        {u && <Circled code={u.unitCode} completed={u.completed} />}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      <ProgressTable title="Mandatory units" rows={progress.mandatory} />
      <ProgressTable title="Option units" rows={progress.option} />
    </>
  );
}
