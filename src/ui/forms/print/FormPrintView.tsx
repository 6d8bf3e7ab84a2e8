// A filled-in form laid out as the seed prints it: bordered tables, "Label: value" cells paired where the seed
// pairs them, tick boxes, signature and date lines. Shown as the "View" of a form and used for printing.
import type { ReactNode } from 'react';
import {
  formatDate,
  formatDateTime,
  formSignature,
  isSignatureField,
  shortRef,
  unitCodeOf,
  unitCriteria,
  type FormColumn,
  type FormData,
  type FormDefinition,
  type FormField,
  type FormSection,
  type FormValue,
  type QualificationSpec,
  type TableRow,
} from '../../../domain';
import { ColumnKey } from '../generated/KnowledgeEvidenceView';
import { ColumnHead, ScrollRegion } from '../generated/sheet';
import { pairHalfWidth } from '../layout';
import '../forms.css';

const list = (v: FormValue | undefined) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : [];
const str = (v: FormValue | undefined) => (typeof v === 'string' ? v : '');

function unitText(spec: QualificationSpec | null, code: string) {
  const u = spec?.units.find((x) => x.code === code);
  return u ? `${u.code} ${u.title}` : code;
}

function elementText(spec: QualificationSpec | null, unitCode: string, id: string) {
  if (id === 'All') return 'All';
  const o = spec?.units.find((u) => u.code === unitCode)?.outcomes.find((x) => x.id === id);
  return o ? `${o.id} ${o.title}` : id;
}

function TickBox({ on }: { on: boolean }) {
  return (
    <span className="tick-box" role="img" aria-label={on ? 'ticked' : 'not ticked'}>
      {on ? '✓' : ''}
    </span>
  );
}

/** The printed value of one field. */
export function printedValue(
  field: FormField,
  data: FormData,
  spec: QualificationSpec | null,
  evidenceNumber: number | null,
): ReactNode {
  const v = data[field.key];
  const unitCode = unitCodeOf(field, data);
  switch (field.kind) {
    case 'date':
      return str(v) ? formatDate(str(v)) : '';
    case 'unit':
      return list(v)
        .map((c) => unitText(spec, c))
        .join('; ');
    case 'element':
      return list(v)
        .map((id) => elementText(spec, unitCode, id))
        .join('; ');
    case 'criteria': {
      const unit = spec?.units.find((u) => u.code === unitCode);
      const refs = new Map((unit ? unitCriteria(unit) : []).map((r) => [r.key, shortRef(r)]));
      return list(v)
        .map((k) => refs.get(k) ?? k.split('|').pop())
        .join('; ');
    }
    case 'evidence-number':
      return evidenceNumber === null ? '' : String(evidenceNumber);
    case 'checkbox':
      return <TickBox on={v === true} />;
    default:
      return str(v);
  }
}

function Cell({
  field,
  data,
  spec,
  evidenceNumber,
  span,
}: {
  field: FormField;
  data: FormData;
  spec: QualificationSpec | null;
  evidenceNumber: number | null;
  span: number;
}) {
  if (field.kind === 'checkbox') {
    return (
      <td colSpan={span} className="tick-row">
        {printedValue(field, data, spec, evidenceNumber)} <span>{field.label}</span>
      </td>
    );
  }
  const isSignature = isSignatureField(field);
  const long = field.kind === 'textarea' || field.kind === 'criteria';
  const signed = isSignature ? formSignature(field, data) : null;
  const drawn = signed?.image ?? '';
  return (
    <td colSpan={span} className={isSignature ? 'sign-cell' : undefined}>
      <span className="sheet-label">{field.label}:</span>
      {drawn.startsWith('data:image/') && (
        <img className="sheet-signature" src={drawn} alt={`Signature of ${signed!.typedName}`} />
      )}
      {long ? (
        <div className="sheet-value pre-line">{printedValue(field, data, spec, evidenceNumber)}</div>
      ) : (
        <span className="sheet-value"> {printedValue(field, data, spec, evidenceNumber)}</span>
      )}
      {signed && (
        <span className="sheet-signed">
          {signed.role}
          {signed.role && signed.signedAt ? ', signed ' : signed.signedAt ? 'Signed ' : ''}
          {signed.signedAt && <time dateTime={signed.signedAt}>{formatDateTime(signed.signedAt)}</time>}
        </span>
      )}
    </td>
  );
}

/** The seed prints questions and answers as a list, not a grid. */
const isQuestionsAndAnswers = (cols: readonly FormColumn[]) =>
  cols.length === 2 && cols[0]?.label === 'Q' && cols[1]?.label === 'A';

function QuestionsAndAnswers({ rows }: { rows: TableRow[] }) {
  return (
    <div className="qa-list">
      {rows.map((r, i) => (
        <div key={i} className="qa">
          <p>
            <strong>Q:</strong> <span className="pre-line">{str(r.question as string)}</span>
          </p>
          <p>
            <strong>A:</strong> <span className="pre-line">{str(r.answer as string)}</span>
          </p>
        </div>
      ))}
    </div>
  );
}

function printedCell(
  column: FormColumn,
  v: string | boolean | undefined,
  spec: QualificationSpec | null,
  unitCode: string,
) {
  if (column.kind === 'checkbox') return <TickBox on={v === true} />;
  if (column.kind === 'date') return formatDate(typeof v === 'string' ? v : '');
  if (column.kind === 'element' && typeof v === 'string' && v) return elementText(spec, unitCode, v);
  return typeof v === 'string' ? v : '';
}

function PrintedTable({
  field,
  rows,
  data,
  spec,
}: {
  field: FormField;
  rows: TableRow[];
  data: FormData;
  spec: QualificationSpec | null;
}) {
  const cols = field.columns ?? [];
  const unitCode = unitCodeOf(field, data);
  // A table with no rows prints one blank row, as the seed's blank form does.
  const shown = rows.length > 0 ? rows : [Object.fromEntries(cols.map((c) => [c.key, '']))];
  if (isQuestionsAndAnswers(cols)) return <QuestionsAndAnswers rows={shown} />;
  return (
    <ScrollRegion label={field.label}>
      <table className="sheet-table sheet-grid">
        <ColumnHead cols={cols} />
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.key} className={c.kind === 'textarea' ? 'pre-line' : undefined}>
                  {printedCell(c, r[c.key], spec, unitCode)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

interface SheetData {
  data: FormData;
  spec: QualificationSpec | null;
  evidenceNumber: number | null;
}

/** One section of the sheet: a bordered table of "Label: value" cells, its heading and note where the seed has them. */
function PrintedSection({ section, sheet }: { section: FormSection; sheet: SheetData }) {
  const { data, spec, evidenceNumber } = sheet;
  return (
    <table className="sheet-table">
      {!section.untitled && (
        <thead>
          <tr>
            <th colSpan={2} scope="colgroup">
              {section.title}
            </th>
          </tr>
        </thead>
      )}
      <tbody>
        {section.note && (
          <tr>
            <td colSpan={2}>{section.note}</td>
          </tr>
        )}
        {pairHalfWidth(section.fields).map((row) =>
          row.length === 1 && row[0]!.kind === 'table' ? (
            <tr key={row[0]!.key}>
              <td colSpan={2} className="nested">
                <PrintedTable
                  field={row[0]!}
                  rows={Array.isArray(data[row[0]!.key]) ? (data[row[0]!.key] as TableRow[]) : []}
                  data={data}
                  spec={spec}
                />
              </td>
            </tr>
          ) : (
            <tr key={row[0]!.key}>
              {row.map((f) => (
                <Cell
                  key={f.key}
                  field={f}
                  data={data}
                  spec={spec}
                  evidenceNumber={evidenceNumber}
                  span={row.length === 1 ? 2 : 1}
                />
              ))}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

export function FormPrintView({
  def,
  data,
  spec,
  evidenceNumber,
  grid,
  className,
}: {
  def: FormDefinition;
  data: FormData;
  spec: QualificationSpec | null;
  evidenceNumber: number | null;
  /** The computed table of the form (element achievement, knowledge evidence), printed after its first section. */
  grid?: ReactNode;
  className?: string;
}) {
  const sheet = { data, spec, evidenceNumber };
  return (
    <article
      className={`form-sheet ${className ?? ''}`}
      aria-label={`${def.title} (print layout)`}
      data-testid="form-print"
    >
      <h2 className="sheet-title">{def.title}</h2>
      {def.sections.map((section, si) => (
        <div key={section.title}>
          <PrintedSection section={section} sheet={sheet} />
          {si === 0 && def.intro && <p className="sheet-intro pre-line">{def.intro}</p>}
          {si === 0 && grid}
        </div>
      ))}
      {def.columnKey && <ColumnKey />}
    </article>
  );
}
