// Fields chosen from the qualification: units (the route's first), elements of the chosen unit, and its criteria.
import type { ReactNode } from 'react';
import { shortRef, unitCriteria } from '../../../domain';
import type { ControlProps } from './FieldControl';
import { asList, asString, splitUnits, unitOf } from './fieldContext';
import { Labelled, type FieldFrame } from './FieldFrame';

type ChoiceProps = ControlProps & { frame: FieldFrame };

/** A list of tick boxes: choose any number. */
function Choices({
  legend,
  hint,
  items,
  value,
  onChange,
  name,
}: {
  legend: ReactNode;
  hint?: string;
  items: Array<{ value: string; label: ReactNode }>;
  value: string[];
  onChange: (v: string[]) => void;
  name: string;
}) {
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
            onChange={(e) =>
              onChange(e.target.checked ? [...value, item.value] : value.filter((v) => v !== item.value))
            }
          />
          <span>{item.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function NeedUnit({ label }: { label: ReactNode }) {
  return (
    <div className="field">
      {label}
      <span className="meta">Choose the unit first.</span>
    </div>
  );
}

const unitItem = (u: { code: string; title: string }) => ({ value: u.code, label: `${u.code} ${u.title}` });

/** Several units: the route's as tick boxes, the rest of the qualification folded away unless already chosen. */
function UnitList({ field, value, onChange, ctx, frame }: ChoiceProps) {
  const { inRoute, others } = splitUnits(ctx);
  const picked = asList(value);
  const shownOthers = others.filter((u) => picked.includes(u.code));
  return (
    <>
      <Choices
        legend={frame.label}
        name={field.key}
        items={[...inRoute, ...shownOthers].map(unitItem)}
        value={picked}
        onChange={onChange}
        hint={inRoute.length ? 'Units in the candidate’s route' : undefined}
      />
      {others.length > shownOthers.length && (
        <details className="unit-details">
          <summary>Other units of the qualification</summary>
          <Choices
            legend={<span>Other units: {field.label}</span>}
            name={`${field.key}-other`}
            items={others.filter((u) => !picked.includes(u.code)).map(unitItem)}
            value={picked}
            onChange={onChange}
          />
        </details>
      )}
      {frame.extras}
    </>
  );
}

export function UnitControl(props: ChoiceProps) {
  if (props.field.multiple) return <UnitList {...props} />;
  const { value, onChange, ctx, frame } = props;
  const { inRoute, others } = splitUnits(ctx);
  const options = (units: typeof others) =>
    units.map((u) => (
      <option key={u.code} value={u.code}>
        {u.code} {u.title}
      </option>
    ));
  return (
    <Labelled frame={frame}>
      <select {...frame.common} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a unit…</option>
        {inRoute.length > 0 && <optgroup label="Units in the route">{options(inRoute)}</optgroup>}
        <optgroup label={inRoute.length > 0 ? 'Other units' : 'Units'}>{options(others)}</optgroup>
      </select>
    </Labelled>
  );
}

export function ElementControl({ field, value, onChange, ctx, frame }: ChoiceProps) {
  const unit = unitOf(ctx, field);
  const outcomes = unit?.outcomes ?? [];
  if (field.multiple) {
    if (!unit) return <NeedUnit label={frame.label} />;
    const items = outcomes.map((o) => ({ value: o.id, label: `${o.id} ${o.title}` }));
    return (
      <>
        <Choices legend={frame.label} name={field.key} items={items} value={asList(value)} onChange={onChange} />
        {frame.extras}
      </>
    );
  }
  return (
    <Labelled frame={frame}>
      <select {...frame.common} value={asString(value)} onChange={(e) => onChange(e.target.value)} disabled={!unit}>
        <option value="">{unit ? 'Choose…' : 'Choose the unit first'}</option>
        {outcomes.map((o) => (
          <option key={o.id} value={o.id}>
            {o.id} {o.title}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function CriteriaControl({ field, value, onChange, ctx, frame }: ChoiceProps) {
  const unit = unitOf(ctx, field);
  if (!unit) return <NeedUnit label={frame.label} />;
  const refs = unitCriteria(unit).filter((r) => !field.criteriaKind || r.kind === field.criteriaKind);
  if (refs.length === 0) {
    return (
      <div className="field">
        {frame.label}
        <span className="meta">
          Unit {unit.code} lists no {field.criteriaKind === 'knowledge' ? 'knowledge items' : 'criteria'}.
        </span>
      </div>
    );
  }
  const items = refs.map((r) => ({
    value: r.key,
    label: (
      <>
        <strong>{shortRef(r)}</strong> {r.text}
      </>
    ),
  }));
  return (
    <>
      <Choices legend={frame.label} name={field.key} items={items} value={asList(value)} onChange={onChange} />
      {frame.extras}
    </>
  );
}
