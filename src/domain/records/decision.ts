// Assessment decisions: a criterion met or not yet, a unit signed off, an IQA's or verifier's sample.
import { z } from '../zod';
import { addClock, IsoDate, limitedText, metaFields, recordFactory, unchangedIn, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const Decision = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      /** criterion: met / not yet; unit-signoff: the assessor signs a unit off; sample: an IQA's or external verifier's sampling decision on a unit. */
      kind: z.enum(['criterion', 'unit-signoff', 'sample']),
      unitCode: z.string().min(1),
      criterionKey: z.string().nullable().default(null),
      outcome: z.enum(['met', 'not-yet']),
      assessorId: z.string().min(1),
      date: IsoDate,
      comments: limitedText(TEXT_LIMITS.longText).default(''),
      signatureId: z.string().nullable().default(null),
      /** Unit sign-off by an assessor working towards their award: countersigned by a qualified one. */
      countersignedBy: z.string().nullable().default(null),
      countersignatureId: z.string().nullable().default(null),
      candidateSignatureId: z.string().nullable().default(null),
    })
    .loose(),
);
export type Decision = z.infer<typeof Decision>;

export const DECISION_MIGRATIONS: readonly Migration[] = [unchangedIn(2), addClock];

export const newDecision = recordFactory(Decision);

export const decisionRecordType = defineRecordType({
  table: 'decisions',
  schema: Decision,
  introducedIn: 1,
  migrations: DECISION_MIGRATIONS,
  indexes: 'id, portfolioId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'decision',
});
