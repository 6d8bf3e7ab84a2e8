// Accepting a key by hand (docs/trust.md): the person compares the FULL fingerprint with the key's holder (by
// phone or in person) and says whom the key speaks for. Shown only for a signer this device does not accept.
import { useState } from 'react';
import { formatFingerprint, type Person } from '../../../domain';

interface AcceptSignerFormProps {
  deviceKey: string;
  /** The people the key may speak for: the bundle's and this device's. */
  people: Person[];
  /** Preselected: who the sending device says was using it. */
  suggested: string | null;
  onAccept: (personIds: string[]) => void;
}

export function AcceptSignerForm({ deviceKey, people, suggested, onAccept }: AcceptSignerFormProps) {
  const [chosen, setChosen] = useState<string[]>(suggested ? [suggested] : []);
  const [compared, setCompared] = useState(false);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <form
      className="panel"
      aria-labelledby="accept-key-title"
      onSubmit={(e) => {
        e.preventDefault();
        onAccept(chosen);
      }}
    >
      <h3 id="accept-key-title">Accept this key?</h3>
      <p>
        This device does not know the key that signed the bundle. Compare its full fingerprint with its holder — read it
        out over the phone or look at their Trust screen — before you accept it:
      </p>
      <p>
        <code className="fingerprint" data-testid="full-fingerprint">
          {formatFingerprint(deviceKey)}
        </code>
      </p>
      <fieldset>
        <legend>The key speaks for</legend>
        {people.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} /> {p.name} (
            {p.roles.join(', ')})
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} /> I have compared the
        whole fingerprint with the key’s holder
      </label>
      <button type="submit" disabled={!compared || chosen.length === 0}>
        Accept the key
      </button>
    </form>
  );
}
