// The pieces of the seed's printed sheets: header blocks, ticks, column headings, and wide tables that scroll in
// their own region (so the page never scrolls sideways at 360 px).
import type { ReactNode } from 'react';
import { formDefinition, formFields, formatDate, type FormColumn, type FormType } from '../../../domain';

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
export function SheetHeader({
  rows,
  label,
}: {
  rows: Array<[string, ReactNode] | Array<[string, ReactNode]>>;
  label: string;
}) {
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

/** A date as the seed prints it (day.month.year); blank stays blank. */
export const sheetDate = (iso: string) => (iso ? formatDate(iso) : '');

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
