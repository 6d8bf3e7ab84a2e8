import type { Person } from '../../domain';

interface PersonSelectProps {
  label: string;
  /** The people to choose from, in order. */
  people: Person[];
  value: string;
  onChange: (id: string) => void;
  /** Text after a person's name in the list, e.g. " (working towards)". */
  noteOf?: (person: Person) => string;
  /** The choice of no one: "— none yet —" unless said, e.g. "Every IQA" for a filter. */
  emptyText?: string;
  /** A form's field name and whether it is the one at fault (QA forms' `invalid(field)`). */
  field?: { name: string; 'aria-invalid'?: boolean };
}

/** Chooses one person for a post, or none yet. */
export function PersonSelect({ people, noteOf, ...rest }: PersonSelectProps) {
  return <ChoiceSelect {...rest} options={people.map((p) => ({ id: p.id, label: `${p.name}${noteOf?.(p) ?? ''}` }))} />;
}

type ChoiceSelectProps = Omit<PersonSelectProps, 'people' | 'noteOf'> & {
  options: Array<{ id: string; label: string }>;
};

/** Chooses one of a list by id (a person, a qualification), or none. */
export function ChoiceSelect({ label, options, value, onChange, emptyText, field }: ChoiceSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyText ?? '— none yet —'}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
