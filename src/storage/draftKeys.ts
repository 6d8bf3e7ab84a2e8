// Every key under which a draft is kept (the drafts table), in one place: screens and storage build keys with
// these functions, so a draft written by one is found by the other.
import type { FormType } from '../domain';

export const draftKeys = {
  /** The fields of evidence being recorded, before it is saved. */
  newEvidence: (portfolioId: string) => `new-evidence:${portfolioId}`,
  /** The files attached to that evidence, kept apart so typing never rewrites them. */
  newEvidenceFiles: (portfolioId: string) => `new-evidence-files:${portfolioId}`,
  /** Unsaved changes to a stored recording form. */
  form: (formId: string) => `form:${formId}`,
  /** A recording form not stored yet. */
  newForm: (type: FormType, portfolioId: string) => `form:new-${type}:${portfolioId}`,
  /** A verifier's sampling decisions on an opened bundle, until exported. */
  verifierSamples: (portfolioId: string) => `verifier:${portfolioId}`,
  /** The bundle a verifier has open read-only (its file, checked again when reopened), until they close it. */
  verifierBundle: () => 'verifier-bundle',
  /** The EQA visit pack an EQA has open read-only (its file, checked again when reopened), until they close it. */
  eqaPack: () => 'eqa-pack',
  /** The EQA's sampling decisions on the portfolios of that pack, by portfolio, until exported or discarded. */
  eqaPackDecisions: (packId: string) => `eqa-pack-decisions:${packId}`,
} as const;
