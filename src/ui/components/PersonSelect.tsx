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
export function PersonSelect({ label, people, value, onChange, noteOf, emptyText, field }: PersonSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyText ?? '— none yet —'}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {noteOf?.(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
