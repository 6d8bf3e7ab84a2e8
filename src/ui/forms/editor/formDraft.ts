// A recording form's draft: what autosave keeps of a form being filled in, until Save files it.
import type { FormData, FormType, QualificationSpec } from '../../../domain';
import { draftKeys, type PortfolioData } from '../../../storage';

/** What an autosaved draft of a form holds. */
export interface FormDraft {
  id: string;
  formType: FormType;
  data: FormData;
  savedAt: string;
}

/** Draft key: the form's id once it has one; a new form's draft is kept per type and portfolio until saved. */
export const formDraftKey = draftKeys.form;
export const newFormDraftKey = draftKeys.newForm;

/** A draft is restored only if it is of this form's type and newer than the saved form (if any). */
export function isRestorable(draft: FormDraft | undefined, type: FormType, savedAt: string | null): draft is FormDraft {
  return (
    !!draft && draft.formType === type && typeof draft.savedAt === 'string' && (!savedAt || draft.savedAt > savedAt)
  );
}

/** A portfolio as the form screens load it: its records and its qualification spec (or why it is missing). */
export type LoadedPortfolio = PortfolioData & { spec: QualificationSpec | null; specError: string | null };
