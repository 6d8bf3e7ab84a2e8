import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '../../../domain';
import { acceptKey, listHeld, type HeldRow } from '../../../storage';
import { useActingPersonId, usePeople } from '../../data/hooks';
import { applyHeldNowAllowed, FullFingerprint, useAction } from './common';

/**
 * Whom a key may be accepted for: the people on this device, and those the held changes bring (a portfolio
 * arriving from a key not yet accepted brings its people with it, held like the rest).
 */
function peopleToChoose(stored: Person[], held: HeldRow[]): Array<{ id: string; name: string; arriving?: true }> {
  const arriving = held
    .filter((row) => row.table === 'people' && typeof row.record.name === 'string')
    .filter((row) => !stored.some((p) => p.id === row.recordId))
    .map((row) => ({ id: row.recordId, name: String(row.record.name), arriving: true as const }));
  return [...stored, ...new Map(arriving.map((p) => [p.id, p])).values()];
}

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
  const stored = usePeople();
  const held = useLiveQuery(() => listHeld(), []);
  const people = peopleToChoose(stored ?? [], held ?? []);
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
            {p.arriving && ' (in the held changes)'}
          </label>
        ))}
        {stored && held && people.length === 0 && (
          <p>No people on this device yet: add them on the People screen first.</p>
        )}
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

/**
 * Accepting one of a list's keys: `accept` opens the form for it (clearing what the last one said), `form` is that
 * form while open, and `said` what accepting it said; `afterAccepted` runs once a key is accepted.
 */
export function useKeyAcceptance(afterAccepted?: () => void): {
  accept: (key: KeyToAccept) => void;
  form: ReactNode;
  said: ReactNode;
} {
  const [accepting, setAccepting] = useState<KeyToAccept | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const accept = (key: KeyToAccept) => {
    setAccepted(null);
    setAccepting(key);
  };
  const form = accepting && (
    <AcceptKeyForm
      keyToAccept={accepting}
      onCancel={() => setAccepting(null)}
      onDone={(message) => {
        setAccepting(null);
        setAccepted(message);
        afterAccepted?.();
      }}
    />
  );
  return { accept, form, said: accepted && <p role="status">{accepted}</p> };
}
