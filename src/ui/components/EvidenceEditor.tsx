import { useId, useRef, useState, type FormEvent } from 'react';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, simulationAllowed, type Evidence, type EvidenceTypeCode, type QualificationSpec } from '../../domain';
import { updateEvidenceDetails, type EvidenceDetails, type FileInput } from '../../storage/repo';
import { MediaCapture } from '../capture/MediaCapture';

type Draft = Required<EvidenceDetails>;

const draftOf = (e: Evidence): Draft => ({
  type: e.type,
  title: e.title,
  description: e.description,
  date: e.date,
  location: e.location,
  simulation: e.simulation,
});

/**
 * Edits an evidence item's details and attaches further media. Its criteria, media and signatures are kept
 * (the storage layer reads them inside the same transaction); the change is one audited write.
 */
export function EvidenceEditor({ evidence, spec, signed }: { evidence: Evidence; spec: QualificationSpec | null; signed: boolean }) {
  const formId = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [files, setFiles] = useState<FileInput[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setDraft(null);
    setFiles([]);
    setError(null);
    toggleRef.current?.focus();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    if (!draft.title.trim()) return setError('Give the evidence a title.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return setError('Enter the date of the evidence.');
    setSaving(true);
    try {
      await updateEvidenceDetails(evidence.portfolioId, evidence.id, { ...draft, title: draft.title.trim() }, files);
      setSaved(files.length > 0 ? `Evidence saved with ${files.length} more media ${files.length === 1 ? 'file' : 'files'}.` : 'Evidence saved.');
      close();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const barred = draft?.simulation && spec && !simulationAllowed(spec, undefined);

  return (
    <>
      {saved && !draft && <p role="status">{saved}</p>}
      <p>
        <button
          ref={toggleRef}
          type="button"
          className="secondary"
          aria-expanded={draft !== null}
          aria-controls={draft ? formId : undefined}
          onClick={() => {
            setSaved(null);
            if (draft) close();
            else setDraft(draftOf(evidence));
          }}
        >
          {draft ? 'Close without saving' : 'Edit details or add media'}
        </button>
      </p>
      {draft && (
        <form id={formId} className="panel" aria-label="Edit evidence" onSubmit={(e) => void submit(e)}>
          <h2>Edit evidence</h2>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <p className="meta">
            Its criteria{signed ? ', signatures' : ''} and media already attached are kept. The change is recorded in the audit log
            {signed ? '; signatures were given for the evidence as it was when signed' : ''}.
          </p>
          <label className="field">
            <span>Type of evidence</span>
            <select value={draft.type} onChange={(e) => set('type', e.target.value as EvidenceTypeCode)}>
              {EVIDENCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t} — {EVIDENCE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Title</span>
            <input value={draft.title} onChange={(e) => set('title', e.target.value)} required />
          </label>
          <label className="field">
            <span>{draft.type === 'O' ? 'What the assessor observed' : 'Description'}</span>
            <textarea rows={6} value={draft.description} onChange={(e) => set('description', e.target.value)} />
          </label>
          <div className="two-up">
            <label className="field">
              <span>Date</span>
              <input type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} required />
            </label>
            <label className="field">
              <span>Location</span>
              <input value={draft.location} onChange={(e) => set('location', e.target.value)} />
            </label>
          </div>
          <label className="inline">
            <input type="checkbox" checked={draft.simulation} onChange={(e) => set('simulation', e.target.checked)} /> This evidence comes from a
            simulation
          </label>
          {barred && (
            <p className="alert" role="status">
              The qualification's assessment strategy does not allow simulated evidence: it will be flagged.
            </p>
          )}
          <h3>Add media</h3>
          <MediaCapture onFiles={setFiles} />
          <div className="actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}
