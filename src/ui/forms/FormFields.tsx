// Editing controls for a form definition's fields: every control labelled, keyboard-operable, stacked so a
// form works at 360 px (table rows become labelled groups rather than a wide grid).
import { useId, type ReactNode } from 'react';
import { ROLE_LABELS, unitCriteria, type Person, type QualificationSpec } from '../../domain';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';
import {
  emptyRow,
  shortRef,
  type FieldProblem,
  type FormColumn,
  type FormData,
  type FormField,
  type FormSection,
  type FormValue,
  type TableRow,
} from '../../domain/portfolio/forms';

export interface FieldContext {
  spec: QualificationSpec | null;
  route: string[];
  people: Person[];
  data: FormData;
  /** The evidence index number of the evidence recorded on this form (computed). */
  evidenceNumber: number | null;
  problems: FieldProblem[];
}

const asString = (v: FormValue | undefined) => (typeof v === 'string' ? v : '');
const asList = (v: FormValue | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const asRows = (v: FormValue | undefined) => (Array.isArray(v) ? v.filter((x): x is TableRow => typeof x === 'object' && x !== null) : []);

function Context({ text }: { text?: string }) {
  return text ? <span className="visually-hidden"> ({text})</span> : null;
}

function unitOf(ctx: FieldContext, field: { unitField?: string }) {
  const v = ctx.data[field.unitField ?? 'unit'];
  const code = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  return ctx.spec?.units.find((u) => u.code === code);
}

/** Units of the route first, then the rest of the qualification. */
function splitUnits(ctx: FieldContext) {
  const units = ctx.spec?.units ?? [];
  return { inRoute: units.filter((u) => ctx.route.includes(u.code)), others: units.filter((u) => !ctx.route.includes(u.code)) };
}

function Choices({ legend, hint, items, value, onChange, name }: { legend: ReactNode; hint?: string; items: Array<{ value: string; label: ReactNode }>; value: string[]; onChange: (v: string[]) => void; name: string }) {
  return (
    <fieldset className="field choices">
      <legend>{legend}</legend>
      {hint && <p className="meta">{hint}</p>}
      {items.map((item) => (
        <label key={item.value} className="unit-check">
          <input
            type="checkbox"
            name={name}
            checked={value.includes(item.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, item.value] : value.filter((v) => v !== item.value))}
          />
          <span>{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function FieldControl({ field, value, onChange, ctx }: { field: FormField; value: FormValue | undefined; onChange: (v: FormValue) => void; ctx: FieldContext }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const problem = ctx.problems.find((p) => p.key === field.key);
  const describedBy = [field.hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <span>
      {field.label}
      <Context text={field.context} />
      {field.required && <span className="required"> (required)</span>}
    </span>
  );
  const extras = (
    <>
      {field.hint && (
        <span id={hintId} className="meta">
          {field.hint}
        </span>
      )}
      {problem && (
        <span id={errorId} className="field-error">
          {problem.message}
        </span>
      )}
    </>
  );
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined, name: field.key };

  switch (field.kind) {
    case 'text':
    case 'date':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input {...common} type={field.kind === 'date' ? 'date' : 'text'} value={asString(value)} onChange={(e) => onChange(e.target.value)} />
          {extras}
        </div>
      );
    case 'textarea':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <textarea {...common} rows={4} value={asString(value)} onChange={(e) => onChange(e.target.value)} />
          {extras}
        </div>
      );
    case 'select':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select {...common} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose…</option>
            {(field.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {extras}
        </div>
      );
    case 'checkbox':
      return (
        <div className="field">
          <label className="inline">
            <input type="checkbox" name={field.key} checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />
            <span>{field.label}</span>
          </label>
          {extras}
        </div>
      );
    case 'person': {
      const listId = `${id}-people`;
      const people = ctx.people.filter((p) => !field.roles || p.roles.some((r) => field.roles!.includes(r)));
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input {...common} type="text" autoComplete="name" list={listId} value={asString(value)} onChange={(e) => onChange(e.target.value)} />
          <datalist id={listId}>
            {people.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
          {extras}
        </div>
      );
    }
    case 'unit': {
      const { inRoute, others } = splitUnits(ctx);
      if (field.multiple) {
        const picked = asList(value);
        const item = (u: { code: string; title: string }) => ({ value: u.code, label: `${u.code} ${u.title}` });
        const shownOthers = others.filter((u) => picked.includes(u.code));
        return (
          <>
            <Choices legend={label} name={field.key} items={[...inRoute, ...shownOthers].map(item)} value={picked} onChange={onChange} hint={inRoute.length ? 'Units in the candidate’s route' : undefined} />
            {others.length > shownOthers.length && (
              <details className="unit-details">
                <summary>Other units of the qualification</summary>
                <Choices legend={<span>Other units: {field.label}</span>} name={`${field.key}-other`} items={others.filter((u) => !picked.includes(u.code)).map(item)} value={picked} onChange={onChange} />
              </details>
            )}
            {extras}
          </>
        );
      }
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select {...common} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose a unit…</option>
            {inRoute.length > 0 && (
              <optgroup label="Units in the route">
                {inRoute.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.code} {u.title}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={inRoute.length > 0 ? 'Other units' : 'Units'}>
              {others.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.code} {u.title}
                </option>
              ))}
            </optgroup>
          </select>
          {extras}
        </div>
      );
    }
    case 'element': {
      const unit = unitOf(ctx, field);
      const outcomes = unit?.outcomes ?? [];
      if (field.multiple) {
        if (!unit) return <NeedUnit label={label} />;
        return (
          <>
            <Choices legend={label} name={field.key} items={outcomes.map((o) => ({ value: o.id, label: `${o.id} ${o.title}` }))} value={asList(value)} onChange={onChange} />
            {extras}
          </>
        );
      }
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select {...common} value={asString(value)} onChange={(e) => onChange(e.target.value)} disabled={!unit}>
            <option value="">{unit ? 'Choose…' : 'Choose the unit first'}</option>
            {outcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id} {o.title}
              </option>
            ))}
          </select>
          {extras}
        </div>
      );
    }
    case 'criteria': {
      const unit = unitOf(ctx, field);
      if (!unit) return <NeedUnit label={label} />;
      const refs = unitCriteria(unit).filter((r) => !field.criteriaKind || r.kind === field.criteriaKind);
      if (refs.length === 0) {
        return (
          <div className="field">
            {label}
            <span className="meta">Unit {unit.code} lists no {field.criteriaKind === 'knowledge' ? 'knowledge items' : 'criteria'}.</span>
          </div>
        );
      }
      return (
        <>
          <Choices
            legend={label}
            name={field.key}
            items={refs.map((r) => ({
              value: r.key,
              label: (
                <>
                  <strong>{shortRef(r)}</strong> {r.text}
                </>
              ),
            }))}
            value={asList(value)}
            onChange={onChange}
          />
          {extras}
        </>
      );
    }
    case 'table':
      return <TableControl field={field} rows={asRows(value)} onChange={onChange} ctx={ctx} label={label} extras={extras} />;
    case 'evidence-number':
      return (
        <div className="field">
          <span id={`${id}-label`}>{field.label}</span>
          <output aria-labelledby={`${id}-label`} className="computed">
            {ctx.evidenceNumber ?? <span className="meta">Not in the index of evidence yet (given when this record is added to it)</span>}
          </output>
        </div>
      );
  }
}

function NeedUnit({ label }: { label: ReactNode }) {
  return (
    <div className="field">
      {label}
      <span className="meta">Choose the unit first.</span>
    </div>
  );
}

function CellControl({ column, value, onChange, ctx, rowLabel }: { column: FormColumn; value: string | boolean | undefined; onChange: (v: string | boolean) => void; ctx: FieldContext; rowLabel: string }) {
  const id = useId();
  const label = (
    <span>
      {column.label}
      <Context text={column.context} />
      <span className="visually-hidden">, {rowLabel}</span>
    </span>
  );
  const text = typeof value === 'string' ? value : '';
  switch (column.kind) {
    case 'checkbox':
      return (
        <label className="inline">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
        </label>
      );
    case 'textarea':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <textarea id={id} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
    case 'element': {
      const unit = unitOf(ctx, {});
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">{unit ? 'Choose…' : 'All / choose the unit first'}</option>
            <option value="All">All</option>
            {(unit?.outcomes ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.id} {o.title}
              </option>
            ))}
          </select>
        </div>
      );
    }
    default:
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input id={id} type={column.kind === 'date' ? 'date' : 'text'} value={text} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
  }
}

function TableControl({ field, rows, onChange, ctx, label, extras }: { field: FormField; rows: TableRow[]; onChange: (v: TableRow[]) => void; ctx: FieldContext; label: ReactNode; extras: ReactNode }) {
  const columns = field.columns ?? [];
  const setCell = (i: number, key: string, v: string | boolean) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <fieldset className="field table-field">
      <legend>{label}</legend>
      {extras}
      {rows.length === 0 && <p className="meta">No rows yet.</p>}
      {rows.map((row, i) => {
        const rowLabel = `row ${i + 1}`;
        return (
          <fieldset key={i} className="table-row">
            <legend>
              Row {i + 1}
              <span className="visually-hidden"> of {field.label}</span>
            </legend>
            {columns.map((c) => (
              <CellControl key={c.key} column={c} value={row[c.key]} onChange={(v) => setCell(i, c.key, v)} ctx={ctx} rowLabel={rowLabel} />
            ))}
            <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove row {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...rows, emptyRow(columns)])}>
        Add a row<span className="visually-hidden"> to {field.label}</span>
      </button>
    </fieldset>
  );
}

/** A section of the form: fields in order, the seed's half-width pairs side by side when there is room. */
export function SectionControls({ section, ctx, onFields }: { section: FormSection; ctx: FieldContext; onFields: (patch: Record<string, FormValue>) => void }) {
  const onField = (key: string, v: FormValue) => onFields({ [key]: v });
  const control = (f: FormField) =>
    isSignatureField(f) ? (
      <FormSignature key={f.key} field={f} ctx={ctx} onFields={onFields} />
    ) : (
      <FieldControl key={f.key} field={f} value={ctx.data[f.key]} onChange={(v) => onField(f.key, v)} ctx={ctx} />
    );
  const groups: FormField[][] = [];
  for (const f of section.fields) {
    const last = groups[groups.length - 1];
    if (f.half && last && last.length === 1 && last[0]!.half) last.push(f);
    else groups.push([f]);
  }
  return (
    <>
      {section.note && <p className="section-note">{section.note}</p>}
      {groups.map((g) =>
        g.length === 2 ? (
          <div className="two-up" key={g[0]!.key}>
            {g.map(control)}
          </div>
        ) : (
          control(g[0]!)
        ),
      )}
    </>
  );
}

/**
 * A signature line of a form: the typed name (the field's value), the drawn signature (`<key>Image`), the
 * signer's role (`<key>Role`) and when it was signed (`<key>At`, ISO 8601). Forms saved before role and time
 * were recorded have neither: see formSignature.
 */
export const isSignatureField = (f: FormField) => f.kind === 'person' && f.key.endsWith('Signature');
export const signatureImageKey = (f: FormField) => `${f.key}Image`;
export const signatureRoleKey = (f: FormField) => `${f.key}Role`;
export const signatureTimeKey = (f: FormField) => `${f.key}At`;

/** The role a signature line is for, as people read it ("Assessor"). */
export const signatureDefaultRole = (f: FormField) => (f.roles?.[0] ? ROLE_LABELS[f.roles[0]] : '');

/**
 * The signature stored on a form for a signature field, or null if unsigned. Tolerant of old or odd data: a
 * missing role is the line's role, a missing or malformed time is '' (time not recorded), never an error.
 */
export function formSignature(field: FormField, data: FormData): SignatureValue | null {
  const name = asString(data[field.key]).trim();
  if (!name) return null;
  const role = asString(data[signatureRoleKey(field)]).trim();
  const at = asString(data[signatureTimeKey(field)]);
  return {
    typedName: name,
    role: role || signatureDefaultRole(field),
    image: asString(data[signatureImageKey(field)]),
    signedAt: at && !Number.isNaN(Date.parse(at)) ? at : '',
  };
}

function FormSignature({ field, ctx, onFields }: { field: FormField; ctx: FieldContext; onFields: (patch: Record<string, FormValue>) => void }) {
  return (
    <SignatureField
      label={field.label}
      defaultRole={signatureDefaultRole(field)}
      value={formSignature(field, ctx.data)}
      onChange={(v) =>
        onFields({
          [field.key]: v?.typedName ?? '',
          [signatureImageKey(field)]: v?.image ?? '',
          [signatureRoleKey(field)]: v?.role ?? '',
          [signatureTimeKey(field)]: v?.signedAt ?? '',
        })
      }
    />
  );
}
