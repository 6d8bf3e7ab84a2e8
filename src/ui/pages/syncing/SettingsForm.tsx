// The sync settings typed by hand (the same fields as the sync link). Each problem is said beside its field; the
// secrets are password fields, and when changing saved settings an empty secret keeps the saved one.
import { useState, type FormEvent } from 'react';
import { checkSyncSettings, SYNC_LINK_FIELDS, type SyncLinkField, type SyncSettings } from '../../../domain';

const SECRET: ReadonlySet<SyncLinkField> = new Set(['secretAccessKey', 'key']);
const OPTIONAL: ReadonlySet<SyncLinkField> = new Set(['prefix', 'centre', 'key']);
const HINTS: Partial<Record<SyncLinkField, string>> = {
  endpoint: 'For example https://s3.eu-west-2.amazonaws.com',
  prefix: 'The centre’s folder in the bucket; empty for the whole bucket.',
  region: 'For example eu-west-2 (us-east-1 when the store has no regions).',
  centre: 'Optional: 64 hexadecimal digits, spaces allowed.',
  key: 'Optional: when the centre encrypts, the 43-character key from its sync link.',
};
const FIELDS = Object.keys(SYNC_LINK_FIELDS) as SyncLinkField[];

type Values = Record<SyncLinkField, string>;

function initialValues(saved: SyncSettings | null): Values {
  const values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;
  if (!saved) return { ...values, region: 'us-east-1' };
  for (const field of FIELDS) if (!SECRET.has(field)) values[field] = saved[field] ?? '';
  return values;
}

/** What the form says, as the settings to check: saved secrets kept when left empty, empty options left out. */
function toInput(values: Values, saved: SyncSettings | null): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of FIELDS) {
    const typed = field === 'centre' ? values[field].replace(/\s+/g, '').toLowerCase() : values[field].trim();
    const value = typed || (SECRET.has(field) ? (saved?.[field] ?? '') : '');
    if (value || !OPTIONAL.has(field) || field === 'prefix') input[field] = value;
  }
  return input;
}

export function SettingsForm({
  saved,
  onSave,
}: {
  saved: SyncSettings | null;
  onSave: (settings: SyncSettings) => Promise<void>;
}) {
  const [values, setValues] = useState(() => initialValues(saved));
  const [problems, setProblems] = useState<Partial<Record<SyncLinkField | 'link', string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkSyncSettings(toInput(values, saved));
    if (!checked.ok) {
      setProblems(Object.fromEntries(checked.problems.map((p) => [p.field, p.message])));
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await onSave(checked.settings);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" aria-labelledby="sync-form-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="sync-form-heading">{saved ? 'Change the settings' : 'Enter the settings by hand'}</h2>
      {Object.keys(problems).length > 0 && (
        <p className="alert" role="alert">
          Some settings need correcting: see the messages below each field.
        </p>
      )}
      {FIELDS.map((field) => {
        const hint = SECRET.has(field) && saved?.[field] ? 'Leave empty to keep the saved one.' : HINTS[field];
        const describedBy = [hint && `${field}-hint`, problems[field] && `${field}-problem`].filter(Boolean);
        return (
          <label className="field" key={field}>
            <span>
              {SYNC_LINK_FIELDS[field]}
              {OPTIONAL.has(field) && field !== 'prefix' ? ' (optional)' : ''}
            </span>
            <input
              name={field}
              type={SECRET.has(field) ? 'password' : field === 'endpoint' ? 'url' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              aria-invalid={problems[field] ? true : undefined}
              aria-describedby={describedBy.join(' ') || undefined}
            />
            {hint && (
              <small id={`${field}-hint`} className="meta">
                {hint}
              </small>
            )}
            {problems[field] && (
              <small id={`${field}-problem`} className="field-error">
                {problems[field]}
              </small>
            )}
          </label>
        );
      })}
      {problems.link && <p className="alert">{problems.link}</p>}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : saved ? 'Save and reconnect' : 'Connect this device'}
      </button>
    </form>
  );
}
