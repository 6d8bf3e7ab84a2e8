// Filled-in recording forms of seed 001: each form's fields as a JSON object, per form type.
import { z } from '../zod';
import { addClock, limitedText, metaFields, recordFactory, unchangedIn, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';
import { SignatureImage } from './signature';

/** A signature line's drawn image is kept under "<line>SignatureImage" (forms/fieldConventions.ts). */
const SIGNATURE_IMAGE_KEY = /SignatureImage$/;

/** A form's fields by key; a drawn signature among them holds an inline image only, never an address to fetch. */
const FormData = z.lazy(() =>
  z.record(z.string(), z.unknown()).superRefine((data, ctx) => {
    for (const [key, value] of Object.entries(data)) {
      const image = SIGNATURE_IMAGE_KEY.test(key) ? SignatureImage.safeParse(value) : null;
      if (image && !image.success)
        ctx.addIssue({ code: 'custom', path: [key], message: image.error.issues[0]!.message });
    }
  }),
);

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

export const FormRecord = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      formType: FormType,
      title: limitedText(TEXT_LIMITS.title).default(''),
      data: FormData.default({}),
      status: z.enum(['draft', 'complete']).default('draft'),
    })
    .loose(),
);
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
