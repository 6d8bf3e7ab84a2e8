// One field of a form as a control, by its kind: every control labelled and keyboard-operable.
import type { FormField, FormValue } from '../../../domain';
import { CriteriaControl, ElementControl, UnitControl } from './ChoiceControls';
import { asRows, asString, type FieldContext } from './fieldContext';
import { Labelled, useFieldFrame, type FieldFrame } from './FieldFrame';
import { TableControl } from './TableControl';
import { DateInput } from '../../components/DateInput';

export interface ControlProps {
  field: FormField;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
  ctx: FieldContext;
}

export function FieldControl(props: ControlProps) {
  const frame = useFieldFrame(props.field, props.ctx);
  const { field, value, onChange, ctx } = props;
  switch (field.kind) {
    case 'text':
    case 'date':
    case 'textarea':
    case 'select':
    case 'person':
      return <TextualControl {...props} frame={frame} />;
    case 'checkbox':
      return (
        <div className="field">
          <label className="inline">
            <input
              type="checkbox"
              name={field.key}
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
              aria-describedby={frame.describedBy}
            />
            <span>{field.label}</span>
          </label>
          {frame.extras}
        </div>
      );
    case 'unit':
      return <UnitControl {...props} frame={frame} />;
    case 'element':
      return <ElementControl {...props} frame={frame} />;
    case 'criteria':
      return <CriteriaControl {...props} frame={frame} />;
    case 'table':
      return <TableControl field={field} rows={asRows(value)} onChange={onChange} ctx={ctx} frame={frame} />;
    case 'evidence-number':
      return <EvidenceNumber label={field.label} id={frame.id} number={ctx.evidenceNumber} />;
  }
}

/** Fields typed as one string: a line, a date, a paragraph, a choice from a list, or a person's name. */
function TextualControl({ field, value, onChange, ctx, frame }: ControlProps & { frame: FieldFrame }) {
  const text = asString(value);
  switch (field.kind) {
    case 'textarea':
      return (
        <Labelled frame={frame}>
          <textarea {...frame.common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />
        </Labelled>
      );
    case 'select':
      return (
        <Labelled frame={frame}>
          <select {...frame.common} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose…</option>
            {(field.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </Labelled>
      );
    case 'person': {
      const listId = `${frame.id}-people`;
      const people = ctx.people.filter((p) => !field.roles || p.roles.some((r) => field.roles!.includes(r)));
      return (
        <Labelled frame={frame}>
          <input
            {...frame.common}
            type="text"
            autoComplete="name"
            list={listId}
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {people.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
        </Labelled>
      );
    }
    default:
      return (
        <Labelled frame={frame}>
          {field.kind === 'date' ? (
            <DateInput {...frame.common} value={text} onChange={(e) => onChange(e.target.value)} />
          ) : (
            <input {...frame.common} type="text" value={text} onChange={(e) => onChange(e.target.value)} />
          )}
        </Labelled>
      );
  }
}

/** The evidence index number: computed from the index, never typed. */
function EvidenceNumber({ label, id, number }: { label: string; id: string; number: number | null }) {
  return (
    <div className="field">
      <span id={`${id}-label`}>{label}</span>
      <output aria-labelledby={`${id}-label`} className="computed">
        {number ?? (
          <span className="meta">Not in the index of evidence yet (given when this record is added to it)</span>
        )}
      </output>
    </div>
  );
}
