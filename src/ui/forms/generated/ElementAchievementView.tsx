// Form 7, the element achievement record: per element, each performance criterion with the dates it was shown.
import type { ElementAchievement, ElementAchievementRecord } from '../../../domain';
import { ScrollRegion, SheetHeader, sheetDate as date } from './sheet';

/** Performance criteria with a date each time competence was demonstrated (at least the seed's four columns). */
export function PcDatesGrid({ element }: { element: ElementAchievement }) {
  const width = Math.max(4, ...element.criteria.map((c) => c.demonstrations.length));
  const label = `${element.outcomeKind} ${element.outcomeId}: performance criteria and dates`;
  return (
    <ScrollRegion label={label}>
      <table className="sheet-table sheet-grid pc-grid" data-testid={`pc-grid-${element.outcomeId}`}>
        <caption>
          {element.outcomeKind} {element.outcomeId} {element.outcomeTitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              Performance criteria:
              <br />
              You need to show that:
            </th>
            <th scope="colgroup" colSpan={width}>
              (Assessor to insert date each time competence is demonstrated)
            </th>
          </tr>
        </thead>
        <tbody>
          {element.criteria.length === 0 && (
            <tr>
              <td colSpan={width + 1}>The spec prints no criteria for this {element.outcomeKind.toLowerCase()}.</td>
            </tr>
          )}
          {element.criteria.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <strong>{c.ref}</strong> {c.text}
              </th>
              {Array.from({ length: width }, (_, i) => {
                const d = c.demonstrations[i];
                return (
                  <td key={i} className="date-cell">
                    {d && (
                      <>
                        {date(d.date)}
                        <span className="sheet-sub">EI {d.evidenceNumber}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ElementAchievementView({ record }: { record: ElementAchievementRecord }) {
  const units = [...new Set(record.elements.map((e) => e.unitCode))];
  return (
    <>
      <SheetHeader
        label="Element achievement: qualification, candidate and assessor"
        rows={[
          ['SVQ title and level', record.svqTitle],
          ['Candidate', record.candidate],
          ['Assessor', record.assessor],
        ]}
      />
      {units.length === 0 && <p>No units in the route yet.</p>}
      {units.map((code) => {
        const els = record.elements.filter((e) => e.unitCode === code);
        return (
          <section key={code} className="sheet-unit">
            <h3>
              Unit title: {code} {els[0]?.unitTitle}
            </h3>
            {els.map((e) => (
              <PcDatesGrid key={e.outcomeId} element={e} />
            ))}
          </section>
        );
      })}
    </>
  );
}
