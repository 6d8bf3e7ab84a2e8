// An action the IQA sets an assessor after sampling (usually after a disagreement): what to do, by when; the
// assessor answers it, the IQA closes it. Belongs to the portfolio and travels in its bundle, so the assessor
// sees it on their phone after a bundle exchange and their answer comes back the same way.
import { z } from '../zod';
import { IsoDate, IsoDateTime, limitedText, metaFields, recordFactory, RECORD_SCHEMA_VERSION } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const QA_ACTION_STATES = ['open', 'answered', 'closed'] as const;
export type QaActionState = (typeof QA_ACTION_STATES)[number];

/** The fields only the assessor's answer changes (the trust rule lets the assessor change exactly these). */
export const QA_ACTION_ANSWER_FIELDS = ['answer', 'answeredAt', 'state'] as const;

export const QaAction = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      portfolioId: z.string().min(1),
      /** The IQA decision that raised it (null: raised on its own, e.g. after a standardisation meeting). */
      decisionId: z.string().nullable().default(null),
      /** The IQA who set it: they change and close it. */
      raisedBy: z.string().min(1),
      /** The assessor who must act: they answer it. */
      assessorId: z.string().min(1),
      unitCode: z.string().nullable().default(null),
      text: limitedText(TEXT_LIMITS.longText).min(1, 'say what the assessor should do'),
      dueDate: IsoDate,
      state: z.enum(QA_ACTION_STATES).default('open'),
      answer: limitedText(TEXT_LIMITS.longText).default(''),
      answeredAt: IsoDateTime.nullable().default(null),
      closedAt: IsoDateTime.nullable().default(null),
      closingNote: limitedText(TEXT_LIMITS.longText).default(''),
    })
    .loose(),
);
export type QaAction = z.infer<typeof QaAction>;

export const newQaAction = recordFactory(QaAction);

export const qaActionRecordType = defineRecordType({
  table: 'qaActions',
  schema: QaAction,
  introducedIn: RECORD_SCHEMA_VERSION,
  migrations: [],
  indexes: 'id, portfolioId, assessorId, decisionId',
  travels: true,
  portfolioScoped: true,
  changedBy: 'qa-action',
});
