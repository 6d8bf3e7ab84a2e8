import { ROLE_LABELS } from '../../domain';
import { setActingPerson } from '../../storage';
import { useActingPersonId, usePeople } from '../data/liveHooks';
import { useFirstScreenShown } from '../firstScreen';

/**
 * One device may hold several people: the header always shows who is acting. Once the first screen is up: the list
 * is a read of its own, and sorting names in the user's language builds a collator, neither of which the first
 * screen should wait for on a slow phone.
 */
export function ActingPerson() {
  if (!useFirstScreenShown()) return null;
  return <ActingPersonSelect />;
}

function ActingPersonSelect() {
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
