import { useId, useState, type FormEvent } from 'react';
import type { Evidence, QualificationSpec } from '../../domain';
import { updateEvidenceDetails, type FileInput } from '../../storage';
import { MediaCapture } from '../capture/MediaCapture';
import { EvidenceFields, type EvidenceFieldValues } from './EvidenceFields';
import { EditorActions } from './EditorActions';
import { useInlineEdit } from './useInlineEdit';

const draftOf = (e: Evidence): EvidenceFieldValues => ({
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
export function EvidenceEditor({
  evidence,
  spec,
  signed,
}: {
  evidence: Evidence;
  spec: QualificationSpec | null;
  signed: boolean;
}) {
  const formId = useId();
  const [files, setFiles] = useState<FileInput[]>([]);
  const { draft, set, error, setError, saved, saving, toggleRef, toggle, close, save } = useInlineEdit(
    () => draftOf(evidence),
    () => setFiles([]),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    if (!draft.title.trim()) return setError('Give the evidence a title.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return setError('Enter the date of the evidence.');
    await save(async () => {
      await updateEvidenceDetails(evidence.portfolioId, evidence.id, { ...draft, title: draft.title.trim() }, files);
      return files.length > 0
        ? `Evidence saved with ${files.length} more media ${files.length === 1 ? 'file' : 'files'}.`
        : 'Evidence saved.';
    });
  }

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
          onClick={toggle}
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
            Its criteria{signed ? ', signatures' : ''} and media already attached are kept. The change is recorded in
            the audit log
            {signed ? '; signatures were given for the evidence as it was when signed' : ''}.
          </p>
          <EvidenceFields value={draft} onChange={set} spec={spec} />
          <h3>Add media</h3>
          <MediaCapture onFiles={setFiles} />
          <EditorActions saveLabel="Save changes" saving={saving} onCancel={close} />
        </form>
      )}
    </>
  );
}
