// A table field stacked for small screens: each row a labelled group of its cells, rows added and removed.
import { useId } from 'react';
import { emptyRow, type FormColumn, type FormField, type TableRow } from '../../../domain';
import { unitOf, type FieldContext } from './fieldContext';
import { Context, type FieldFrame } from './FieldFrame';
import { DateInput } from '../../components/DateInput';

function CellControl({
  column,
  value,
  onChange,
  ctx,
  rowLabel,
}: {
  column: FormColumn;
  value: string | boolean | undefined;
  onChange: (v: string | boolean) => void;
  ctx: FieldContext;
  rowLabel: string;
}) {
  const id = useId();
  const label = (
    <span>
      {column.label}
      <Context text={column.context} />
      <span className="visually-hidden">, {rowLabel}</span>
    </span>
  );
  const text = typeof value === 'string' ? value : '';
  if (column.kind === 'checkbox') {
    return (
      <label className="inline">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {column.kind === 'textarea' ? (
        <textarea id={id} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : column.kind === 'element' ? (
        <ElementCell id={id} value={text} onChange={onChange} ctx={ctx} />
      ) : column.kind === 'date' ? (
        <DateInput id={id} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={text} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** An element of the form's unit, or "All". */
function ElementCell({
  id,
  value,
  onChange,
  ctx,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  ctx: FieldContext;
}) {
  const unit = unitOf(ctx, {});
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{unit ? 'Choose…' : 'All / choose the unit first'}</option>
      <option value="All">All</option>
      {(unit?.outcomes ?? []).map((o) => (
        <option key={o.id} value={o.id}>
          {o.id} {o.title}
        </option>
      ))}
    </select>
  );
}

export function TableControl({
  field,
  rows,
  onChange,
  ctx,
  frame,
}: {
  field: FormField;
  rows: TableRow[];
  onChange: (v: TableRow[]) => void;
  ctx: FieldContext;
  frame: FieldFrame;
}) {
  const columns = field.columns ?? [];
  const setCell = (i: number, key: string, v: string | boolean) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <fieldset className="field table-field">
      <legend>{frame.label}</legend>
      {frame.extras}
      {rows.length === 0 && <p className="meta">No rows yet.</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="table-row">
          <legend>
            Row {i + 1}
            <span className="visually-hidden"> of {field.label}</span>
          </legend>
          {columns.map((c) => (
            <CellControl
              key={c.key}
              column={c}
              value={row[c.key]}
              onChange={(v) => setCell(i, c.key, v)}
              ctx={ctx}
              rowLabel={`row ${i + 1}`}
            />
          ))}
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove row {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, emptyRow(columns)])}>
        Add a row<span className="visually-hidden"> to {field.label}</span>
      </button>
    </fieldset>
  );
}
