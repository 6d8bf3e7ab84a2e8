// The data of a form being filled in: the saved form or a blank one, replaced by a newer draft when there is one,
// and every change kept as a draft (debounced, and at once when the page is hidden, closed or left).
import { useEffect, useState } from 'react';
import {
  normalizeFormData,
  prefillContext,
  prefillFormData,
  type FormData,
  type FormDefinition,
  type FormRecord,
  type FormValue,
} from '../../../domain';
import { clearDraft, loadDraft, newId, nowIso } from '../../../storage';
import { useAutosave } from '../../data/useAutosave';
import { formDraftKey, isRestorable, newFormDraftKey, type FormDraft, type LoadedPortfolio } from './formDraft';

export interface FormState {
  id: string;
  data: FormData;
  /** When the draft shown was written, if one was restored. */
  restoredAt: string | null;
}

export function useFormDraft(
  portfolio: LoadedPortfolio,
  def: FormDefinition,
  existing: FormRecord | null,
  onError: (message: string) => void,
) {
  const type = def.type;
  const draftKey = existing ? formDraftKey(existing.id) : newFormDraftKey(type, portfolio.enrolment.id);
  // Fixed at mount: what the form holds before any draft (the saved form, or a blank one with what the portfolio knows).
  const [initial] = useState(() => ({
    id: existing?.id ?? null,
    updatedAt: existing?.updatedAt ?? null,
    data: existing
      ? normalizeFormData(type, existing.data)
      : prefillFormData(type, prefillContext(portfolio, portfolio.spec)),
  }));
  const [state, setState] = useState<FormState | null>(null);
  // The latest edit, as autosave writes it; null until the first edit (loading a form is not an edit).
  const [edited, setEdited] = useState<FormDraft | null>(null);
  const autosave = useAutosave(draftKey, edited, true, onError);

  useEffect(() => {
    let live = true;
    loadDraft<FormDraft>(draftKey)
      .then((draft) => {
        if (!live) return;
        const id = initial.id ?? (draft && draft.formType === type ? draft.id : null) ?? newId();
        setState(
          isRestorable(draft, type, initial.updatedAt)
            ? { id, data: normalizeFormData(type, draft.data), restoredAt: draft.savedAt }
            : { id, data: initial.data, restoredAt: null },
        );
      })
      .catch((e: Error) => live && onError(e.message));
    return () => {
      live = false;
    };
  }, [draftKey, type, initial, onError]);

  /** One change may set several fields at once (a signature: the typed name and the drawn image). */
  const edit = (patch: Record<string, FormValue>) => {
    if (!state) return;
    const data = { ...state.data, ...patch };
    setState({ ...state, data });
    setEdited({ id: state.id, formType: type, data, savedAt: nowIso() });
  };

  /** Saved: what is shown is the saved form, no longer a restored draft. */
  const markSaved = () => setState((s) => s && { ...s, restoredAt: null });

  const discard = async () => {
    autosave.cancel();
    await clearDraft(draftKey);
    setState((s) => s && { id: s.id, data: initial.data, restoredAt: null });
  };

  return { state, draftKey, edit, discard, markSaved, cancelAutosave: autosave.cancel };
}
