// The recording forms of seed 001 (Edexcel SVQs in Customer Service, Section 4): definitions as data, the
// conventions that give fields a meaning, form data, evidence index numbers, and the forms computed from a
// portfolio's records. Pure: no React, no storage, no DOM.
export * from './types';
export { FORM_DEFINITIONS, KNOWLEDGE_EVIDENCE_COLUMNS, formDefinition, formFields, isFormType } from './definitions';
export type { KnowledgeColumnKey } from './definitions';
export * from './fieldConventions';
export * from './formEvidence';
export {
  emptyFormData,
  emptyRow,
  formTitle,
  normalizeFormData,
  prefillFormData,
  type FormData,
  type FormValue,
  type PrefillContext,
  type TableRow,
} from './formData';
export { validateFormData, type FieldProblem } from './validate';
export { candidateNameOf, personName, prefillContext, type FormsInput } from './formsInput';
export * from './evidenceNumbers';
export { coverageText, shortRef } from './criterionRefs';
export * from './generated/indexOfEvidence';
export * from './generated/contentsChecklist';
export { buildUnitProgress, type UnitProgressRecord, type UnitProgressRecordRow } from './generated/unitProgress';
export * from './generated/elementAchievement';
export * from './generated/knowledgeEvidence';
