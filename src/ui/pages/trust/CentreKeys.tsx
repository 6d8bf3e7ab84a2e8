import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { normaliseFingerprint } from '../../../domain';
import { distrustCentre, trustCentre, trustedCentres } from '../../../storage';
import { applyHeldNowAllowed, FullFingerprint, useAction } from './common';

/** The centre keys whose certificates this device believes: listed, added by fingerprint, removed. */
export function CentreKeys() {
  const centres = useLiveQuery(trustedCentres, []);
  const [typed, setTyped] = useState('');
  const { run, outcome, fail } = useAction();
  function add(e: FormEvent) {
    e.preventDefault();
    const fingerprint = normaliseFingerprint(typed);
    if (!fingerprint)
      return fail(
        'That is not a full fingerprint: it has 64 letters and digits (0–9, a–f); spaces and colons may be left in.',
      );
    void run(async () => {
      await trustCentre(fingerprint);
      setTyped('');
      return `Centre key trusted. ${await applyHeldNowAllowed()}`;
    });
  }
  return (
    <section aria-labelledby="centres-heading">
      <h2 id="centres-heading">Trusted centre keys</h2>
      <p className="meta">Certificates signed by these keys say which person and roles a device key speaks for.</p>
      {centres && centres.length > 0 ? (
        <ul>
          {centres.map((c) => (
            <li key={c}>
              <FullFingerprint fingerprint={c} />{' '}
              <button
                type="button"
                className="secondary small"
                onClick={() =>
                  void run(async () => {
                    await distrustCentre(c);
                    return 'Centre key removed.';
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No centre key is trusted on this device.</p>
      )}
      <form className="panel" aria-label="Trust a centre key" onSubmit={add}>
        <label className="field">
          <span>Centre key fingerprint</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit">Trust this centre key</button>
      </form>
      {outcome}
    </section>
  );
}
