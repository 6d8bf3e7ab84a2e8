import { useEffect, useState } from 'react';
import { thisDeviceEntry } from '../../../storage';
import type { DeviceEntry } from '../../../domain';
import { FullFingerprint } from './common';

/** This device's key: its fingerprint to compare, and the block the centre needs to certify it. */
export function ThisDevice() {
  const [entry, setEntry] = useState<DeviceEntry | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    thisDeviceEntry().then(setEntry, (e: Error) => setProblem(`This device’s key could not be read: ${e.message}`));
  }, []);
  if (problem)
    return (
      <p className="alert" role="alert">
        {problem}
      </p>
    );
  if (!entry) return <p role="status">Loading this device’s key…</p>;
  const block = JSON.stringify({ deviceId: entry.deviceId, devicePublicKey: entry.publicKey }, null, 2);
  const copy = () =>
    navigator.clipboard?.writeText(block).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy: select the text and copy it by hand.'),
    );
  return (
    <section aria-labelledby="this-device-heading">
      <h2 id="this-device-heading">This device’s key</h2>
      <p>
        Fingerprint: <FullFingerprint fingerprint={entry.deviceKey} testId="this-device-fingerprint" />
      </p>
      <p className="meta">
        Someone accepting this key compares every group with you, by phone or in person, before they accept it.
      </p>
      <label className="field">
        <span>For the centre: this device’s id and public key</span>
        <textarea readOnly rows={5} value={block} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="secondary" onClick={() => void copy()}>
        Copy for the centre
      </button>{' '}
      {copied && <span role="status">{copied}</span>}
    </section>
  );
}
