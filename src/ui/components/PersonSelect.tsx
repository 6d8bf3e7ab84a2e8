import type { Person } from '../../domain';

interface PersonSelectProps {
  label: string;
  /** The people to choose from, in order. */
  people: Person[];
  value: string;
  onChange: (id: string) => void;
  /** Text after a person's name in the list, e.g. " (working towards)". */
  noteOf?: (person: Person) => string;
}

/** Chooses one person for a post, or none yet. */
export function PersonSelect({ label, people, value, onChange, noteOf }: PersonSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">— none yet —</option>
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
