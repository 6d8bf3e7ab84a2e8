// An internal quality assurer's decision on a sample (seed 000, Annexe 3.3): on a unit or on one evidence item,
// agreeing or disagreeing with the assessor's decision, with feedback; a disagreement usually raises an action
// for the assessor (qaAction.ts, linked by its decisionId). A trainee IQA's decision counts once a qualified IQA
// countersigns it, as a trainee assessor's sign-off does. Belongs to the portfolio: it travels in its bundle, so
// the assessor's phone receives it in a bundle exchange.
import { z } from '../zod';
import { IsoDate, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

/** Interim: sampled during the programme; summative: at unit or award completion. */
export const SAMPLE_STAGES = ['interim', 'summative'] as const;
export const SampleStage = z.enum(SAMPLE_STAGES);
export type SampleStage = z.infer<typeof SampleStage>;

export const IqaDecision = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      /** The IQA who sampled: their key makes and changes the decision. */
      iqaId: z.string().min(1),
      /** The assessor whose decision was sampled. */
      assessorId: z.string().min(1),
      unitCode: z.string().min(1),
      /** The evidence item sampled; null when the unit as a whole was sampled. */
      evidenceId: z.string().nullable().default(null),
      stage: SampleStage,
      outcome: z.enum(['agree', 'disagree']),
      feedback: limitedText(TEXT_LIMITS.longText).default(''),
      date: IsoDate,
      /** The sampling plan and its item this decision answers, when it was planned. */
      planId: z.string().nullable().default(null),
      planItemId: z.string().nullable().default(null),
      /** A trainee IQA's decision: countersigned by a qualified IQA (signature purpose "countersign"). */
      countersignedBy: z.string().nullable().default(null),
      countersignatureId: z.string().nullable().default(null),
    })
    .loose(),
);
export type IqaDecision = z.infer<typeof IqaDecision>;

export const newIqaDecision = recordFactory(IqaDecision);

export const iqaDecisionRecordType = defineRecordType({
  table: 'iqaDecisions',
  schema: IqaDecision,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, portfolioId, iqaId, assessorId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'iqa-decision',
});
