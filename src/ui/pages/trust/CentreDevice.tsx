import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { normaliseFingerprint } from '../../../domain';
import { centreKey, makeCentreKey, revokeDeviceKey } from '../../../storage';
import { downloadJson, FullFingerprint, useAction } from './common';
import { IssueCertificate } from './IssueCertificate';

/** On the centre's device: its centre key, certificates for device keys, and revocations. */
export function CentreDevice() {
  const centre = useLiveQuery(centreKey, [], undefined);
  const { run, outcome } = useAction();
  if (centre === undefined) return null;
  return (
    <section aria-labelledby="centre-heading">
      <h2 id="centre-heading">The centre’s key</h2>
      {centre ? (
        <>
          <p>
            This is the centre’s device. Centre key fingerprint: <FullFingerprint fingerprint={centre.fingerprint} />
          </p>
          <p className="meta">Give this fingerprint to every device that should trust the centre’s certificates.</p>
          <IssueCertificate />
          <RevokeKey />
        </>
      ) : (
        <>
          <p className="meta">
            Only one device, kept by the centre, holds the centre key: it certifies the devices of candidates, assessors
            and quality assurers, and revokes lost ones.
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(async () => {
                await makeCentreKey();
                return 'This device now holds the centre key.';
              })
            }
          >
            Make this device the centre’s
          </button>
        </>
      )}
      {outcome}
    </section>
  );
}

/** Revokes a device key (a lost or retired device) and downloads the revocation, to be sent to every device. */
function RevokeKey() {
  const [fingerprint, setFingerprint] = useState('');
  const [reason, setReason] = useState('');
  const { run, outcome, fail } = useAction();
  function submit(e: FormEvent) {
    e.preventDefault();
    const key = normaliseFingerprint(fingerprint);
    if (!key) return fail('That is not a full fingerprint: it has 64 letters and digits (0–9, a–f).');
    void run(async () => {
      const revocation = await revokeDeviceKey(key, reason.trim());
      downloadJson(`revocation-${key.slice(0, 8)}.json`, revocation);
      setFingerprint('');
      setReason('');
      return 'Key revoked here; the revocation was downloaded: send it to every device.';
    });
  }
  return (
    <form className="panel" aria-label="Revoke a device key" onSubmit={submit}>
      <h3>Revoke a device key</h3>
      <label className="field">
        <span>Device key fingerprint</span>
        <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} spellCheck={false} />
      </label>
      <label className="field">
        <span>Reason</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      <button type="submit" className="secondary danger">
        Revoke this key
      </button>
      {outcome}
    </form>
  );
}
