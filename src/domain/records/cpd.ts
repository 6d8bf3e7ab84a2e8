// CPD and occupational-competence records of assessors and IQAs: seed 000, Annexe 3.3, "such information must
// be formally recorded in individual CPD records that are maintained in assessment centres". A centre record.
import { z } from '../zod';
import { IsoDate, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

/** CPD in assessment or quality assurance; occupational competence (customer-service practice); a qualification (A/V units). */
export const CPD_KINDS = ['cpd', 'occupational-competence', 'qualification'] as const;

export const CpdRecord = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      personId: z.string().min(1),
      date: IsoDate,
      kind: z.enum(CPD_KINDS).default('cpd'),
      activity: limitedText(TEXT_LIMITS.title).min(1, 'name the activity'),
      hours: z.number().nonnegative().max(1000).default(0),
      reflection: limitedText(TEXT_LIMITS.longText).default(''),
      /** What shows it: a certificate, notes, a link to the standards covered. */
      evidence: limitedText(TEXT_LIMITS.longText).default(''),
    })
    .loose(),
);
export type CpdRecord = z.infer<typeof CpdRecord>;

export const newCpdRecord = recordFactory(CpdRecord);

export const cpdRecordType = defineRecordType({
  table: 'cpdRecords',
  schema: CpdRecord,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, personId',
  travels: false,
  portfolioScoped: false,
  changedBy: 'cpd',
});
