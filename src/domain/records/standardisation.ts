// A standardisation activity (seed 000, section 11: "standardisation of assessors and internal verifiers"):
// what was done, when, who attended, which units or evidence were looked at, the outcome and the actions agreed.
// A centre record (travels in the EQA pack, not in a portfolio's bundle).
import { z } from '../zod';
import { IsoDate, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const StandardisationAction = z.lazy(() =>
  z
    .object({
      text: limitedText(TEXT_LIMITS.longText).min(1),
      ownerId: z.string().nullable().default(null),
      dueDate: IsoDate.nullable().default(null),
      done: z.boolean().default(false),
    })
    .loose(),
);

export const Standardisation = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      activity: limitedText(TEXT_LIMITS.title).min(1, 'name the activity'),
      date: IsoDate,
      /** Who led it (an IQA). */
      ledBy: z.string().min(1),
      attendees: z.array(z.string().min(1)).default([]),
      specId: z.string().nullable().default(null),
      units: z.array(z.string().min(1)).default([]),
      /** Portfolios whose evidence was looked at, and the evidence described in words. */
      portfolioIds: z.array(z.string().min(1)).default([]),
      evidenceLookedAt: limitedText(TEXT_LIMITS.longText).default(''),
      outcome: limitedText(TEXT_LIMITS.longText).default(''),
      actions: z.array(StandardisationAction).default([]),
    })
    .loose(),
);
export type Standardisation = z.infer<typeof Standardisation>;

export const newStandardisation = recordFactory(Standardisation);

export const standardisationRecordType = defineRecordType({
  table: 'standardisations',
  schema: Standardisation,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, date',
  travels: false,
  portfolioScoped: false,
  changedBy: 'staff',
});
