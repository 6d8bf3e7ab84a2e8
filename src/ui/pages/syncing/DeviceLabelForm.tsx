// "What other devices call this one": the label published in this device's descriptor object, shown on the other
// devices' sync log, held keys and conflicts instead of a bare id. Proposed from the acting person and the kind of
// device until the person sets it.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_LIMITS } from '../../../domain';
import { currentDeviceLabel } from '../../syncing/deviceLabel';
import { syncService } from '../../syncing/syncService';

function LabelForm({ current }: { current: string }) {
  const [value, setValue] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const label = value.replace(/\s+/g, ' ').trim();
    if (!label) return setProblem('Give this device a name people will recognise, e.g. “Sam’s phone”.');
    setProblem(null);
    await syncService.setLabel(label);
    setSaved(`Saved: other devices will show this one as “${label}”.`);
  }
  return (
    <form className="panel" aria-labelledby="device-label-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="device-label-heading">This device’s name</h2>
      <label className="field">
        <span>Name other devices see for this one</span>
        <input
          name="deviceLabel"
          value={value}
          maxLength={TEXT_LIMITS.name}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'device-label-hint device-label-problem' : 'device-label-hint'}
        />
        <small id="device-label-hint" className="meta">
          Shown in other devices’ sync log, held keys and conflicts. Not a proof of anything: keys are compared by
          fingerprint.
        </small>
        {problem && (
          <small id="device-label-problem" className="field-error">
            {problem}
          </small>
        )}
      </label>
      <button type="submit">Save the name</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

export function DeviceLabelForm() {
  const current = useLiveQuery(currentDeviceLabel, []);
  // Mounted once the label is read; not remounted when saving changes it, so the saved note stays.
  return current === undefined ? null : <LabelForm current={current} />;
}
