// The 13 recording forms of seed 001 (Edexcel SVQs in Customer Service, Section 4: Recording forms — "Level 2/3:
// Example form 1..13") as data, one definition per form type with the seed's own field labels, and their lookup.
import { FORM_TYPES, type FormType } from '../../records';
import type { FormDefinition, FormField } from '../types';
import { PORTFOLIO_FORMS } from './portfolioForms';
import { ACHIEVEMENT_FORMS } from './achievementForms';
import { EVIDENCE_FORMS } from './evidenceForms';

export { KNOWLEDGE_EVIDENCE_COLUMNS, type KnowledgeColumnKey } from './seedParts';

export const FORM_DEFINITIONS: readonly FormDefinition[] = [
  ...PORTFOLIO_FORMS,
  ...ACHIEVEMENT_FORMS,
  ...EVIDENCE_FORMS,
];

const BY_TYPE = new Map(FORM_DEFINITIONS.map((d) => [d.type, d]));

export function formDefinition(type: FormType): FormDefinition {
  const def = BY_TYPE.get(type);
  if (!def) throw new Error(`No form definition for ${type}`);
  return def;
}

export const isFormType = (value: string): value is FormType => (FORM_TYPES as readonly string[]).includes(value);

/** Every field of a definition, in order. */
export const formFields = (def: FormDefinition): FormField[] => def.sections.flatMap((s) => s.fields);
