import { useEffect, useMemo, useState } from 'react';
import type { EvidenceTypeCode } from '../../../domain';
import {
  clearDraft,
  draftKeys,
  loadDraft,
  nowIso,
  saveDraft,
  todayIso,
  type EvidenceInput,
  type FileInput,
} from '../../../storage';
import type { PickedCriterion } from '../../components/CriteriaPicker';
import type { EvidenceFieldValues } from '../../components/EvidenceFields';
import type { SignatureValue } from '../../capture/SignatureField';
import { useAutosave } from '../../data/useAutosave';

export interface EvidenceDraft extends EvidenceFieldValues {
  criteria: PickedCriterion[];
  /** A signature drawn before saving is part of the draft too: a reload does not lose it. */
  signature?: SignatureValue | null;
  savedAt?: string;
}

// A draft with nothing typed into it (e.g. left by "discard") would only override the type and date asked for.
const hasInput = (saved: EvidenceDraft, savedFiles: FileInput[] | undefined) =>
  !!(
    saved.title ||
    saved.description ||
    saved.location ||
    saved.criteria.length > 0 ||
    saved.signature ||
    savedFiles?.length
  );

/** A new evidence item of `type` with nothing entered yet, dated today. */
const emptyDraft = (type: EvidenceTypeCode): EvidenceDraft => ({
  type,
  title: '',
  description: '',
  date: todayIso(),
  location: '',
  simulation: false,
  criteria: [],
});

/**
 * New evidence as it is being entered (fields, signature, captured media), kept as a draft so a reload does not
 * lose it, and restored when the page opens. A draft that cannot be read is reported and the form starts empty.
 */
export function useEvidenceDraft(portfolioId: string | undefined, initialType: EvidenceTypeCode) {
  const draftKey = portfolioId ? draftKeys.newEvidence(portfolioId) : null;
  const filesKey = portfolioId ? draftKeys.newEvidenceFiles(portfolioId) : null;
  const [draft, setDraft] = useState<EvidenceDraft>(() => emptyDraft(initialType));
  const [loaded, setLoaded] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [files, setFiles] = useState<FileInput[]>([]);
  const [restoredFiles, setRestoredFiles] = useState<FileInput[]>([]);
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  /** Bumped to clear the signature pad (it keeps its own strokes). */
  const [signatureReset, setSignatureReset] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!draftKey || !filesKey) return;
    void Promise.all([loadDraft<EvidenceDraft>(draftKey), loadDraft<FileInput[]>(filesKey)])
      .then(
        ([saved, savedFiles]) => {
          if (saved && hasInput(saved, savedFiles)) {
            const { signature: savedSignature, ...fields } = saved;
            setDraft(fields);
            setSignature(savedSignature ?? null);
            setRestoredAt(saved.savedAt ?? null);
          }
          if (savedFiles?.length) setRestoredFiles(savedFiles);
        },
        (e: Error) => setError(`Your unsaved evidence could not be read (${e.message}); starting from an empty form.`),
      )
      .finally(() => setLoaded(true));
  }, [draftKey, filesKey]);

  const draftToSave = useMemo(() => ({ ...draft, signature, savedAt: nowIso().slice(0, 19) }), [draft, signature]);
  const autosave = useAutosave(draftKey, draftToSave, loaded, setError);
  // Captured media is kept with the draft too (IndexedDB stores Blobs), written only when the list changes.
  useEffect(() => {
    if (!filesKey || !loaded) return;
    const all = [...restoredFiles, ...files];
    (all.length > 0 ? saveDraft(filesKey, all) : clearDraft(filesKey)).catch((e: Error) => setError(e.message));
  }, [filesKey, loaded, files, restoredFiles]);

  /** Forgets the stored draft (after saving the evidence, or to start afresh); nothing pending is written later. */
  const clearStored = () => {
    autosave.cancel();
    return Promise.all([clearDraft(draftKey!), clearDraft(filesKey!)]);
  };
  async function discard() {
    await clearStored();
    setDraft(emptyDraft(initialType));
    setSignature(null);
    setSignatureReset((n) => n + 1);
    setFiles([]);
    setRestoredFiles([]);
    setRestoredAt(null);
  }
  const set = <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  return {
    draft,
    set,
    loaded,
    restoredAt,
    files,
    setFiles,
    restoredFiles,
    setRestoredFiles,
    signature,
    setSignature,
    signatureReset,
    error,
    setError,
    discard,
    clearStored,
  };
}

/** What saveEvidence writes for a draft: the record by `actor`, its media, criteria and signature. */
export function evidenceInput(
  draft: EvidenceDraft,
  signature: SignatureValue | null,
  files: FileInput[],
  portfolioId: string,
  actor: string | null,
  /** The person the signature is recorded as (the acting assessor; a witness on this device), or null. */
  signerId: string | null,
): EvidenceInput {
  const { type, description, date, location, simulation, criteria } = draft;
  return {
    evidence: {
      portfolioId,
      type,
      title: draft.title.trim(),
      description,
      date,
      location,
      simulation,
      recordedBy: actor,
    },
    files,
    criteria,
    signature: signature ? { ...signature, personId: signerId } : undefined,
  };
}
