// What the form editor's buttons do: Save (the form, and the evidence item it is, if any), Delete, and Add to the
// index of evidence. Each reports through the editor's message and error lines.
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  evidenceOfForm,
  formTitle,
  validateFormData,
  type FieldProblem,
  type FormDefinition,
  type FormRecord,
} from '../../../domain';
import { clearDraft, deleteForm, saveEvidence, saveForm, todayIso } from '../../../storage';
import { routes } from '../../routes';
import type { SaveProblem } from '../../components/SaveProblem';
import type { LoadedPortfolio } from './formDraft';
import type { useFormDraft } from './useFormDraft';

type FormDraftControls = ReturnType<typeof useFormDraft>;

/** What a Save said, carried to the form's own address after a new form's first Save. */
interface SavedState {
  saved: string;
  problems: FieldProblem[];
}

/** Runs one action at a time with the buttons disabled, its failure shown as the error line. */
function useBusy(setError: (message: string | null) => void) {
  const [busy, setBusy] = useState(false);
  async function busyWhile(action: () => Promise<void>, failure = '') {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(`${(e as Error).message}${failure}`);
    } finally {
      setBusy(false);
    }
  }
  return { busy, busyWhile };
}

export function useFormActions(
  portfolio: LoadedPortfolio,
  def: FormDefinition,
  existing: FormRecord | null,
  draft: FormDraftControls,
  setError: (message: string | null) => void,
) {
  const navigate = useNavigate();
  const location = useLocation();
  // A new form's first Save gives it its address: what that Save found comes along in the navigation state.
  const arrived = location.state as SavedState | null;
  const [message, setMessage] = useState<string | null>(arrived?.saved ?? null);
  const [problems, setProblems] = useState<FieldProblem[]>(arrived?.problems ?? []);
  const [saveProblem, setSaveProblem] = useState<SaveProblem | null>(
    arrived?.problems.length ? { message: arrived.saved } : null,
  );
  const { busy, busyWhile } = useBusy(setError);
  const portfolioId = portfolio.enrolment.id;
  const type = def.type;
  const linkedEvidence = draft.state ? portfolio.evidence.find((e) => e.formId === draft.state!.id) : undefined;

  const save = () =>
    busyWhile(async () => {
      const state = draft.state;
      if (!state) return;
      draft.cancelAutosave();
      const found = validateFormData(type, state.data);
      const status = found.length ? 'draft' : 'complete';
      const form = {
        id: state.id,
        portfolioId,
        formType: type,
        title: formTitle(type, state.data),
        data: state.data,
        status,
      } as const;
      const asEvidence = linkedEvidence && {
        evidenceId: linkedEvidence.id,
        ...evidenceOfForm(type, state.data, todayIso()),
      };
      const saved = await saveForm(form, asEvidence);
      await clearDraft(draft.draftKey);
      const note = found.length ? `Saved. Still to fill in: ${found.map((p) => p.message).join('; ')}.` : 'Saved.';
      setProblems(found);
      setMessage(note);
      setSaveProblem(found.length ? { message: note } : null);
      draft.markSaved();
      const said: SavedState = { saved: note, problems: found };
      if (!existing)
        void navigate(routes.form(portfolioId, saved.id), { replace: true, state: said, preventScrollReset: true });
    });

  const remove = async () => {
    if (!existing || !window.confirm(`Delete this ${def.title.toLowerCase()}?`)) return;
    draft.cancelAutosave();
    await busyWhile(async () => {
      await deleteForm(portfolioId, existing.id);
      await clearDraft(draft.draftKey);
      void navigate(routes.forms(portfolioId));
    }, ' The form was not deleted.');
  };

  /** Observation, witness testimony … are evidence: add the saved form to the index, linked to the criteria it names. */
  const addToIndex = () =>
    busyWhile(async () => {
      if (!draft.state || !def.evidenceType || !existing) return;
      const { details, criteria } = evidenceOfForm(type, draft.state.data, todayIso());
      await saveEvidence({
        evidence: { portfolioId, type: def.evidenceType, ...details, formId: existing.id },
        criteria,
      });
      setMessage('Added to the index of evidence.');
    });

  /** A change to the form: the last "Saved." no longer describes it. */
  const clearMessage = () => setMessage(null);

  return { message, clearMessage, problems, saveProblem, busy, linkedEvidence, save, remove, addToIndex };
}
