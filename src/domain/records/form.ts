// Filled-in recording forms of seed 001: each form's fields as a JSON object, per form type.
import { z } from 'zod';
import { addClock, META_FIELDS, recordFactory, unchangedIn, type Migration } from './meta';
import { defineRecordType } from './recordType';

export const FORM_TYPES = [
  'title-page',
  'personal-profile',
  'contents-checklist',
  'index-of-evidence',
  'unit-assessment-plan',
  'unit-progress-signoff',
  'element-achievement',
  'knowledge-evidence',
  'personal-statement',
  'observation',
  'witness-testimony',
  'expert-witness',
  'questions-answers',
] as const;
export const FormType = z.enum(FORM_TYPES);
export type FormType = z.infer<typeof FormType>;

export const FormRecord = z
  .object({
    ...META_FIELDS,
    portfolioId: z.string().min(1),
    formType: FormType,
    title: z.string().default(''),
    data: z.record(z.string(), z.unknown()).default({}),
    status: z.enum(['draft', 'complete']).default('draft'),
  })
  .loose();
export type FormRecord = z.infer<typeof FormRecord>;

export const FORM_MIGRATIONS: readonly Migration[] = [unchangedIn(2), addClock];

export const newFormRecord = recordFactory(FormRecord);

export const formRecordType = defineRecordType({
  table: 'forms',
  schema: FormRecord,
  introducedIn: 1,
  migrations: FORM_MIGRATIONS,
  indexes: 'id, portfolioId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'content',
});
