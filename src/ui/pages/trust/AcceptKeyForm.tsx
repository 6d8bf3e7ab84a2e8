import { useEffect, useRef, useState, type FormEvent } from 'react';
import { acceptKey } from '../../../storage';
import { useActingPersonId, usePeople } from '../../data/hooks';
import { applyHeldNowAllowed, FullFingerprint, useAction } from './common';

export interface KeyToAccept {
  deviceId: string;
  deviceKey: string;
}

/**
 * Accepting a key by hand (docs/trust.md): the person compares the full fingerprint with the key's holder, chooses
 * whom the key speaks for, and the held changes are judged again at once.
 */
export function AcceptKeyForm({
  keyToAccept,
  onDone,
  onCancel,
}: {
  keyToAccept: KeyToAccept;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const loaded = usePeople();
  const people = loaded ?? [];
  const actingPerson = useActingPersonId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [compared, setCompared] = useState(false);
  const { run, outcome, fail } = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!compared) return fail('Compare the fingerprint with the key’s holder first, and tick that you did.');
    if (chosen.length === 0) return fail('Choose the people this key speaks for.');
    void run(async () => {
      await acceptKey({ ...keyToAccept, personIds: chosen, acceptedBy: actingPerson ?? null });
      const names = people.filter((p) => chosen.includes(p.id)).map((p) => p.name);
      onDone(`Key accepted for ${names.join(', ')}. ${await applyHeldNowAllowed()}`);
      return null;
    });
  }

  return (
    <form className="panel" aria-labelledby="accept-key-heading" onSubmit={submit}>
      <h3 id="accept-key-heading" ref={headingRef} tabIndex={-1}>
        Accept this key
      </h3>
      <p>Its full fingerprint:</p>
      <p>
        <FullFingerprint fingerprint={keyToAccept.deviceKey} testId="accept-fingerprint" />
      </p>
      <p>
        Read it with the key’s holder, by phone or in person: their Trust screen shows their device’s fingerprint. Every
        group must match. If any differs, do not accept it: someone else made these changes.
      </p>
      <label className="inline">
        <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} />I compared every
        group with the key’s holder, and they match
      </label>
      <fieldset className="field">
        <legend>This key speaks for</legend>
        {people.map((p) => (
          <label key={p.id} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(p.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
            />
            {p.name}
          </label>
        ))}
        {loaded?.length === 0 && <p>No people on this device yet: add them on the People screen first.</p>}
      </fieldset>
      {outcome}
      <div className="actions">
        <button type="submit">Accept</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
