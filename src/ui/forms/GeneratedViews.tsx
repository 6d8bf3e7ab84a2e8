// The seed's derived forms, laid out as its tables: computed by src/domain/portfolio/forms.ts, never typed.
import type { ReactNode } from 'react';
import type { FormType } from '../../domain';
import {
  formDefinition,
  formFields,
  formatFormDate,
  KNOWLEDGE_EVIDENCE_COLUMNS,
  type ContentsChecklist,
  type ContentsItem,
  type ElementAchievement,
  type ElementAchievementRecord,
  type FormColumn,
  type IndexOfEvidence,
  type KnowledgeEvidenceRecord,
  type UnitProgressRecord,
  type UnitProgressRecordRow,
} from '../../domain/portfolio/forms';
import './forms.css';

/** A wide table scrolls sideways inside its own focusable region, so the page never does at 360 px. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll sheet-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A tick as the seed prints one (✓), read out as "yes". */
export function Tick({ on }: { on: boolean }) {
  return on ? (
    <>
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">yes</span>
    </>
  ) : (
    <span className="visually-hidden">no</span>
  );
}

/** The seed's header block: "Label: value" cells, two to a row where the seed pairs them. */
export function SheetHeader({ rows, label }: { rows: Array<[string, ReactNode] | Array<[string, ReactNode]>>; label: string }) {
  return (
    <table className="sheet-table" aria-label={label}>
      <tbody>
        {rows.map((row, i) => {
          const cells = (Array.isArray(row[0]) ? row : [row]) as Array<[string, ReactNode]>;
          return (
            <tr key={i}>
              {cells.map(([l, v]) => (
                <td key={l} colSpan={cells.length === 1 ? 2 : 1}>
                  <span className="sheet-label">{l}:</span> <span className="sheet-value">{v}</span>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function columnsOf(type: FormType, key: string): readonly FormColumn[] {
  return formFields(formDefinition(type)).find((f) => f.key === key)?.columns ?? [];
}

const date = (iso: string) => (iso ? formatFormDate(iso) : '');

// ---------------------------------------------------------------- form 4

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

// ---------------------------------------------------------------- form 6

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
        <p>Unit checklist: list here the units you will be undertaking, then circle the reference number of each unit as you complete it.</p>
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
                    return <td key={u?.unitCode ?? `blank-${i}`}>{u && <Circled code={u.unitCode} completed={u.completed} />}</td>;
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

// ---------------------------------------------------------------- form 3

function ContentsRows({ item }: { item: ContentsItem }) {
  return (
    <>
      <tr>
        <th scope="row">
          {item.label}
          {item.detail && <span className="sheet-sub">{item.detail}</span>}
        </th>
        <td className="tick">{item.children.length === 0 && <Tick on={item.completed} />}</td>
        <td>{item.children.length === 0 && item.section}</td>
      </tr>
      {item.children.map((c) => (
        <tr key={c.label} className="sub-item">
          <th scope="row">
            <span aria-hidden="true">· </span>
            {c.label}
            {c.detail && <span className="sheet-sub">{c.detail}</span>}
          </th>
          <td className="tick">
            <Tick on={c.completed} />
          </td>
          <td>{c.section}</td>
        </tr>
      ))}
    </>
  );
}

export function ContentsChecklistView({ list }: { list: ContentsChecklist }) {
  const cols = columnsOf('contents-checklist', 'items');
  return (
    <>
      <SheetHeader
        label="Contents checklist: qualification and candidate"
        rows={[
          ['SVQ title', list.svqTitle],
          ['Candidate', list.candidate],
        ]}
      />
      <ScrollRegion label="Contents checklist table">
        <table className="sheet-table sheet-grid">
          <thead>
            <tr>
              {cols.map((c, i) => (
                <th key={c.key} scope="col">
                  {i === 0 ? <span className="visually-hidden">{c.label}</span> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <ContentsRows key={item.label} item={item} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

// ---------------------------------------------------------------- form 7 grid

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

// ---------------------------------------------------------------- form 8 grid

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
                  {c.key === 'EI' ? r.evidenceNumbers.join(', ') : c.key === 'QA' ? r.qaDates.map(date).join(', ') : <Tick on={r.types[c.key]} />}
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

export function KnowledgeEvidenceView({ records, svqTitle, candidate, assessor }: { records: KnowledgeEvidenceRecord[]; svqTitle: string; candidate: string; assessor: string }) {
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

/** The header row of a printed table: one column heading per seed column. */
export function ColumnHead({ cols }: { cols: ReadonlyArray<{ key: string; label: string }> }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c.key} scope="col">
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
