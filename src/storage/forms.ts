// Recording forms: saved (their evidence item following them), deleted, listed.
import type { CriterionLink, FormRecord, FormType } from '../domain';
import { clearFormDraft } from './drafts';
import { storedEvidence, uniqueLinks, type EvidenceDetails } from './evidence';
import { portfolioRecords } from './read';
import { write, type Input } from './write';

/** What a recording form says of the evidence item it is (title, date…, and the criteria it names). */
export interface FormEvidence {
  details: Required<Pick<EvidenceDetails, 'title' | 'description' | 'date'>>;
  criteria: CriterionLink[];
}

/**
 * Saves a form. When the form is already in the index of evidence (`asEvidence` names its item), that item
 * follows it in the same transaction: details from the form, and any criteria the form names added (criteria
 * mapped on the evidence itself are kept), so the two never disagree.
 */
export async function saveForm(
  input: Input<'forms'>,
  asEvidence?: FormEvidence & { evidenceId: string },
): Promise<FormRecord> {
  return write('the form', input.portfolioId, async (ctx) => {
    const form = await ctx.put('forms', input, undefined, `${input.formType}`);
    await clearFormDraft(form.id);
    if (asEvidence) {
      const existing = await storedEvidence(input.portfolioId, asEvidence.evidenceId);
      const criteria = uniqueLinks([...existing.criteria, ...asEvidence.criteria]);
      const followed = { ...existing, ...asEvidence.details, criteria };
      await ctx.put('evidence', followed, 'update', `follows its ${input.formType} form`);
    }
    return form;
  });
}

export async function deleteForm(portfolioId: string, formId: string): Promise<void> {
  return write('the deletion', portfolioId, (ctx) => ctx.remove('forms', formId));
}

export async function listForms(portfolioId: string, formType?: FormType): Promise<FormRecord[]> {
  return (await portfolioRecords('forms', portfolioId)).filter((f) => !formType || f.formType === formType);
}
