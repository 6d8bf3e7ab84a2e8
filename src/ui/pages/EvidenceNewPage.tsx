import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EVIDENCE_TYPES, type EvidenceTypeCode } from '../../domain';
import { clearDraft, loadDraft, saveDraft, saveEvidence, todayIso, type FileInput, draftKeys } from '../../storage';
import { useActingPersonId, usePortfolio } from '../data/hooks';
import { useAutosave } from '../data/useAutosave';
import { CriteriaPicker, type PickedCriterion } from '../components/CriteriaPicker';
import { EvidenceFields, type EvidenceFieldValues } from '../components/EvidenceFields';
import { MediaCapture } from '../capture/MediaCapture';
import { SignatureField, type SignatureValue } from '../capture/SignatureField';
import { formatBytes } from '../components/StorageMeter';
import { routes } from '../routes';

interface EvidenceDraft extends EvidenceFieldValues {
  criteria: PickedCriterion[];
  /** A signature drawn before saving is part of the draft too: a reload does not lose it. */
  signature?: SignatureValue | null;
  savedAt?: string;
}

const SIGNER: Partial<Record<EvidenceTypeCode, string>> = {
  O: "Assessor's signature",
  'Q&A': "Assessor's signature",
  PD: "Assessor's signature",
  WT: "Witness's signature",
  EWT: "Expert witness's signature",
};

export function EvidenceNewPage() {
  const { portfolioId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const data = usePortfolio(portfolioId);
  const acting = useActingPersonId();
  const draftKey = portfolioId ? draftKeys.newEvidence(portfolioId) : null;
  const filesKey = portfolioId ? draftKeys.newEvidenceFiles(portfolioId) : null;
  const initialType = (EVIDENCE_TYPES as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as EvidenceTypeCode) : 'P';
  const emptyDraft = (): EvidenceDraft => ({ type: initialType, title: '', description: '', date: todayIso(), location: '', simulation: false, criteria: [] });
  const [draft, setDraft] = useState<EvidenceDraft>(emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [files, setFiles] = useState<FileInput[]>([]);
  const [restoredFiles, setRestoredFiles] = useState<FileInput[]>([]);
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  /** Bumped to clear the signature pad (it keeps its own strokes). */
  const [signatureReset, setSignatureReset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!draftKey || !filesKey) return;
    void Promise.all([loadDraft<EvidenceDraft>(draftKey), loadDraft<FileInput[]>(filesKey)]).then(([saved, savedFiles]) => {
      // A draft with nothing typed into it (e.g. left by "discard") would only override the type and date asked for.
      if (saved && (saved.title || saved.description || saved.location || saved.criteria.length > 0 || saved.signature || savedFiles?.length)) {
        const { signature: savedSignature, ...fields } = saved;
        setDraft(fields);
        setSignature(savedSignature ?? null);
        setRestoredAt(saved.savedAt ?? null);
      }
      if (savedFiles?.length) setRestoredFiles(savedFiles);
      setLoaded(true);
    });
  }, [draftKey, filesKey]);

  const draftToSave = useMemo(() => ({ ...draft, signature, savedAt: new Date().toISOString().slice(0, 19) }), [draft, signature]);
  useAutosave(draftKey, draftToSave, loaded, setError);
  // Captured media is kept with the draft too (IndexedDB stores Blobs), written only when the list changes.
  useEffect(() => {
    if (!filesKey || !loaded) return;
    const all = [...restoredFiles, ...files];
    (all.length > 0 ? saveDraft(filesKey, all) : clearDraft(filesKey)).catch((e: Error) => setError(e.message));
  }, [filesKey, loaded, files, restoredFiles]);

  if (data === undefined || !loaded) return <p role="status">Loading…</p>;
  if (data === null || !data.spec) return <p className="alert">This portfolio or its qualification spec is not on this device.</p>;
  const { spec, enrolment, people } = data;
  const signerLabel = SIGNER[draft.type];
  const actingPerson = people.find((p) => p.id === acting);
  const set = <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function discardDraft() {
    await Promise.all([clearDraft(draftKey!), clearDraft(filesKey!)]);
    setDraft(emptyDraft());
    setSignature(null);
    setSignatureReset((n) => n + 1);
    setFiles([]);
    setRestoredFiles([]);
    setRestoredAt(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!draft.title.trim()) return setError('Give the evidence a title.');
    if (signerLabel && !signature) return setError(`${signerLabel} is needed for this type of evidence.`);
    setSaving(true);
    try {
      const saved = await saveEvidence({
        evidence: {
          portfolioId: enrolment.id,
          type: draft.type,
          title: draft.title.trim(),
          description: draft.description,
          date: draft.date,
          location: draft.location,
          simulation: draft.simulation,
          recordedBy: acting ?? null,
        },
        files: [...restoredFiles, ...files],
        criteria: draft.criteria,
        signature: signature ? { ...signature, personId: acting ?? null } : undefined,
      });
      await Promise.all([clearDraft(draftKey!), clearDraft(filesKey!)]);
      void navigate(routes.evidence(enrolment.id, saved.id));
    } catch (err) {
      setError((err as Error).message);
      setSaving(false);
    }
  }

  return (
    <section>
      <p className="breadcrumb">
        <Link to={routes.portfolio(enrolment.id)}>Portfolio</Link> ›
      </p>
      <h1>{draft.type === 'O' ? 'Record an observation' : 'Add evidence'}</h1>
      {restoredAt && (
        <p className="banner" role="status">
          Restored your unsaved evidence from {restoredAt.replace('T', ' ')}.{' '}
          <button type="button" className="secondary" onClick={() => void discardDraft()}>
            Discard it and start afresh
          </button>
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="panel" aria-label="Evidence">
        <EvidenceFields value={draft} onChange={set} spec={spec} />
        <h2>Media</h2>
        {restoredFiles.length > 0 && (
          <ul aria-label="Media restored from your draft">
            {restoredFiles.map((f, i) => (
              <li key={i}>
                {f.name} ({formatBytes(f.blob.size)}){' '}
                <button type="button" className="secondary" onClick={() => setRestoredFiles(restoredFiles.filter((_, j) => j !== i))}>
                  Remove {f.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <MediaCapture onFiles={setFiles} />
        <h2>Criteria</h2>
        <CriteriaPicker spec={spec} route={enrolment.route} value={draft.criteria} onChange={(v) => set('criteria', v)} />
        {signerLabel && (
          <>
            <h2>Signature</h2>
            <SignatureField
              key={signatureReset}
              label={signerLabel}
              defaultName={actingPerson?.name ?? ''}
              defaultRole={draft.type === 'WT' ? 'Witness' : draft.type === 'EWT' ? 'Expert witness' : 'Assessor'}
              value={signature}
              onChange={setSignature}
              required
            />
          </>
        )}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save evidence'}
        </button>
      </form>
    </section>
  );
}
