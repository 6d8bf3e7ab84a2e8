// An IQA's sampling plan for one qualification over one period: which assessor's decisions on which candidate's
// unit, by which assessment method, at which site, interim or summative, by when, and why (seed 000, section 11
// and Annexe 3.3; the proposer in domain/qa makes a first proposal the IQA may change). A centre record: it
// belongs to no portfolio and stays on the IQA's device until the EQA pack (a centre bundle) carries it.
import { z } from '../zod';
import { EvidenceTypeCode } from '../evidenceTypes';
import { IsoDate, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';
import { SampleStage } from './iqaDecision';

/** Proposed by the app; added by the IQA; a proposed item the IQA changed (its date, method, stage …). */
export const PLAN_ITEM_ORIGINS = ['proposed', 'added-by-iqa', 'changed-by-iqa'] as const;

export const PlanItem = z.lazy(() =>
  z
    .object({
      /** Stable within the plan (the proposer derives it from what the item samples). */
      id: z.string().min(1),
      assessorId: z.string().min(1),
      portfolioId: z.string().min(1),
      candidateId: z.string().min(1),
      unitCode: z.string().min(1),
      /** The assessment method to look at (O, Q&A, P …); null: whatever evidence the unit has. */
      method: EvidenceTypeCode.nullable().default(null),
      site: limitedText(TEXT_LIMITS.name).default(''),
      stage: SampleStage,
      plannedDate: IsoDate,
      /** Why the item was chosen, in words. */
      reason: limitedText(TEXT_LIMITS.longText).min(1, 'say why this item is sampled'),
      origin: z.enum(PLAN_ITEM_ORIGINS).default('proposed'),
      /** The IQA's reason for adding, changing or removing the item. */
      iqaReason: limitedText(TEXT_LIMITS.longText).default(''),
      /** Removed by the IQA: kept (with the reason) so the plan shows what was dropped and why. */
      removed: z.boolean().default(false),
    })
    .loose(),
);
export type PlanItem = z.infer<typeof PlanItem>;

/** The most items one plan holds: a centre of 800 candidates on one qualification needs a few thousand. */
export const PLAN_ITEMS_MAX = 20_000;

export const SamplingPlan = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      iqaId: z.string().min(1),
      specId: z.string().min(1),
      title: limitedText(TEXT_LIMITS.title).default(''),
      periodStart: IsoDate,
      periodEnd: IsoDate,
      /** Risk the IQA declares for the plan: the centre is new to this qualification; units changed in it. */
      newQualification: z.boolean().default(false),
      changedUnits: z.array(z.string().min(1)).default([]),
      items: z.array(PlanItem).max(PLAN_ITEMS_MAX).default([]),
    })
    .loose()
    .refine((p) => p.periodStart <= p.periodEnd, { message: 'the period must end on or after its start' }),
);
export type SamplingPlan = z.infer<typeof SamplingPlan>;

export const newSamplingPlan = recordFactory(SamplingPlan);

export const samplingPlanRecordType = defineRecordType({
  table: 'samplingPlans',
  schema: SamplingPlan,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, iqaId, specId',
  travels: false,
  portfolioScoped: false,
  changedBy: 'sampling-plan',
});
