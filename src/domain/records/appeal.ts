// The centre's appeals log: a candidate appeals an assessment decision; the appeal goes through stages (each
// dated, with who handled it) to an outcome. A centre record (travels in the EQA pack).
import { z } from '../zod';
import { IsoDate, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const APPEAL_STAGES = ['lodged', 'assessor-review', 'iqa-review', 'centre-panel', 'awarding-body'] as const;
export const APPEAL_OUTCOMES = ['pending', 'upheld', 'not-upheld', 'withdrawn'] as const;

export const AppealStage = z.lazy(() =>
  z
    .object({
      stage: z.enum(APPEAL_STAGES),
      date: IsoDate,
      by: z.string().nullable().default(null),
      notes: limitedText(TEXT_LIMITS.longText).default(''),
    })
    .loose(),
);

export const Appeal = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      candidateId: z.string().min(1),
      portfolioId: z.string().nullable().default(null),
      /** The decision appealed, in words, and the decision record when there is one. */
      decisionAppealed: limitedText(TEXT_LIMITS.longText).min(1, 'say which decision is appealed'),
      decisionId: z.string().nullable().default(null),
      lodgedOn: IsoDate,
      stages: z.array(AppealStage).default([]),
      outcome: z.enum(APPEAL_OUTCOMES).default('pending'),
      outcomeDate: IsoDate.nullable().default(null),
      outcomeNotes: limitedText(TEXT_LIMITS.longText).default(''),
    })
    .loose(),
);
export type Appeal = z.infer<typeof Appeal>;

export const newAppeal = recordFactory(Appeal);

export const appealRecordType = defineRecordType({
  table: 'appeals',
  schema: Appeal,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, candidateId',
  travels: false,
  portfolioScoped: false,
  changedBy: 'staff',
});
