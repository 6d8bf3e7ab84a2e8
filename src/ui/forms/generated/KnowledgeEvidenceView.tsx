// Form 8, the knowledge evidence record: per unit, each knowledge item with the evidence numbers and types.
import { KNOWLEDGE_EVIDENCE_COLUMNS, type KnowledgeEvidenceRecord } from '../../../domain';
import { ScrollRegion, SheetHeader, sheetDate as date, Tick } from './sheet';

export function KnowledgeGrid({ record }: { record: KnowledgeEvidenceRecord }) {
  const cols = KNOWLEDGE_EVIDENCE_COLUMNS;
  return (
    <ScrollRegion label={`Knowledge and understanding for unit ${record.unitCode}: type of evidence`}>
      <table className="sheet-table sheet-grid knowledge-grid" data-testid={`knowledge-grid-${record.unitCode}`}>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Knowledge and understanding for this unit:
            </th>
            <th scope="colgroup" colSpan={cols.length}>
              Type of evidence
            </th>
          </tr>
          <tr>
            {cols.map((c) => (
              <th key={c.key} scope="col">
                <abbr title={c.name}>{c.label}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {record.rows.length === 0 && (
            <tr>
              <td colSpan={cols.length + 1}>The spec lists no knowledge items for this unit.</td>
            </tr>
          )}
          {record.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <strong>{r.ref}</strong> {r.text}
              </th>
              {cols.map((c) => (
                <td key={c.key} className={c.key === 'EI' || c.key === 'QA' ? undefined : 'tick'}>
                  {c.key === 'EI' ? (
                    r.evidenceNumbers.join(', ')
                  ) : c.key === 'QA' ? (
                    r.qaDates.map(date).join(', ')
                  ) : (
                    <Tick on={r.types[c.key]} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ColumnKey() {
  return (
    <dl className="column-key" aria-label="Column key">
      {KNOWLEDGE_EVIDENCE_COLUMNS.map((c) => (
        <div key={c.key}>
          <dt>{c.key === 'QA' ? 'Q&A' : c.label}</dt>
          <dd>{c.name}</dd>
        </div>
      ))}
    </dl>
  );
}

export function KnowledgeEvidenceView({
  records,
  svqTitle,
  candidate,
  assessor,
}: {
  records: KnowledgeEvidenceRecord[];
  svqTitle: string;
  candidate: string;
  assessor: string;
}) {
  return (
    <>
      <SheetHeader
        label="Knowledge evidence: qualification, candidate and assessor"
        rows={[
          ['SVQ title and level', svqTitle],
          [
            ['Candidate', candidate],
            ['Assessor', assessor],
          ],
        ]}
      />
      {records.length === 0 && <p>No unit of the route lists knowledge items.</p>}
      {records.map((r) => (
        <section key={r.unitCode} className="sheet-unit">
          <h3>
            Unit title: {r.unitCode} {r.unitTitle}
          </h3>
          <KnowledgeGrid record={r} />
        </section>
      ))}
      {records.length > 0 && <ColumnKey />}
    </>
  );
}
