// A filled-in form laid out as the seed prints it: bordered tables, "Label: value" cells paired where the seed
// pairs them, tick boxes, signature and date lines. Shown as the "View" of a form and used for printing.
import type { ReactNode } from 'react';
import { formSignature, isSignatureField } from './FormFields';
import { formatSignedAt } from '../capture/signatureData';
import { unitCriteria, type QualificationSpec } from '../../domain';
import {
  formatFormDate,
  shortRef,
  type FormData,
  type FormDefinition,
  type FormField,
  type FormValue,
  type TableRow,
} from '../../domain/portfolio/forms';
import { ColumnHead, ColumnKey, ScrollRegion } from './GeneratedViews';
import './forms.css';

const list = (v: FormValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
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
export function printedValue(field: FormField, data: FormData, spec: QualificationSpec | null, evidenceNumber: number | null): ReactNode {
  const v = data[field.key];
  const unitCode = str(data[field.unitField ?? 'unit']) || list(data[field.unitField ?? 'unit'])[0] || '';
  switch (field.kind) {
    case 'date':
      return str(v) ? formatFormDate(str(v)) : '';
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

function Cell({ field, data, spec, evidenceNumber, span }: { field: FormField; data: FormData; spec: QualificationSpec | null; evidenceNumber: number | null; span: number }) {
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
      {drawn.startsWith('data:image/') && <img className="sheet-signature" src={drawn} alt={`Signature of ${signed!.typedName}`} />}
      {long ? <div className="sheet-value pre-line">{printedValue(field, data, spec, evidenceNumber)}</div> : <span className="sheet-value"> {printedValue(field, data, spec, evidenceNumber)}</span>}
      {signed && (
        <span className="sheet-signed">
          {signed.role}
          {signed.role && signed.signedAt ? ', signed ' : signed.signedAt ? 'Signed ' : ''}
          {signed.signedAt && <time dateTime={signed.signedAt}>{formatSignedAt(signed.signedAt)}</time>}
        </span>
      )}
    </td>
  );
}

function PrintedTable({ field, rows, data, spec }: { field: FormField; rows: TableRow[]; data: FormData; spec: QualificationSpec | null }) {
  const cols = field.columns ?? [];
  const unitCode = str(data[field.unitField ?? 'unit']);
  const shown = rows.length > 0 ? rows : [Object.fromEntries(cols.map((c) => [c.key, '']))];
  const qa = cols.length === 2 && cols[0]?.label === 'Q' && cols[1]?.label === 'A';
  if (qa) {
    return (
      <div className="qa-list">
        {shown.map((r, i) => (
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
  return (
    <ScrollRegion label={field.label}>
      <table className="sheet-table sheet-grid">
        <ColumnHead cols={cols} />
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {cols.map((c) => {
                const v = r[c.key];
                return (
                  <td key={c.key} className={c.kind === 'textarea' ? 'pre-line' : undefined}>
                    {c.kind === 'checkbox'
                      ? <TickBox on={v === true} />
                      : c.kind === 'date'
                        ? formatFormDate(typeof v === 'string' ? v : '')
                        : c.kind === 'element' && typeof v === 'string' && v
                          ? elementText(spec, unitCode, v)
                          : typeof v === 'string'
                            ? v
                            : ''}
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
  return (
    <article className={`form-sheet ${className ?? ''}`} aria-label={`${def.title} (print layout)`} data-testid="form-print">
      <h2 className="sheet-title">{def.title}</h2>
      {def.sections.map((section, si) => {
        const rows: FormField[][] = [];
        for (const f of section.fields) {
          const last = rows[rows.length - 1];
          if (f.half && last && last.length === 1 && last[0]!.half) last.push(f);
          else rows.push([f]);
        }
        return (
          <div key={section.title}>
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
                {rows.map((r) =>
                  r.length === 1 && r[0]!.kind === 'table' ? (
                    <tr key={r[0]!.key}>
                      <td colSpan={2} className="nested">
                        <PrintedTable field={r[0]!} rows={Array.isArray(data[r[0]!.key]) ? (data[r[0]!.key] as TableRow[]) : []} data={data} spec={spec} />
                      </td>
                    </tr>
                  ) : (
                    <tr key={r[0]!.key}>
                      {r.map((f) => (
                        <Cell key={f.key} field={f} data={data} spec={spec} evidenceNumber={evidenceNumber} span={r.length === 1 ? 2 : 1} />
                      ))}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            {si === 0 && def.intro && <p className="sheet-intro pre-line">{def.intro}</p>}
            {si === 0 && grid}
          </div>
        );
      })}
      {def.columnKey && <ColumnKey />}
    </article>
  );
}

