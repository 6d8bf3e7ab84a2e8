import { ROLE_LABELS } from '../../domain';
import { setActingPerson } from '../../storage';
import { useActingPersonId, usePeople } from '../data/liveHooks';

/**
 * One device may hold several people: the header always shows who is acting. Shown once the first screen is up
 * (Layout): the list is a read of its own, and sorting names in the user's language builds a collator, neither of
 * which the first screen should wait for on a slow phone.
 */
export function ActingPerson() {
  const people = usePeople();
  const acting = useActingPersonId();
  if (!people || people.length === 0) return null;
  return (
    <label className="acting">
      <span>Acting as</span>
      <select value={acting ?? ''} onChange={(e) => void setActingPerson(e.target.value || null)}>
        <option value="">— choose who you are —</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.roles.map((r) => ROLE_LABELS[r]).join(', ')})
          </option>
        ))}
      </select>
    </label>
  );
}
