// An enrolment is a portfolio: a candidate on one version of a qualification, with their route. Its id is the
// portfolio's id, which every portfolio-scoped record carries as `portfolioId`.
import { z } from '../zod';
import { addClock, IsoDate, limitedText, metaFields, recordFactory, unchangedIn, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const Enrolment = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      candidateId: z.string().min(1),
      specId: z.string().min(1),
      specVersion: z.string().min(1),
      /** The candidate's route: every unit they plan to achieve (mandatory and chosen optional units). */
      route: z.array(z.string()).default([]),
      startDate: IsoDate,
      assessorId: z.string().nullable().default(null),
      iqaId: z.string().nullable().default(null),
      centre: limitedText(TEXT_LIMITS.name).default(''),
      registrationNumber: limitedText(TEXT_LIMITS.name).default(''),
      /** The assessment site (workplace or centre site) where the candidate is assessed; IQA samples cover each site. */
      site: limitedText(TEXT_LIMITS.name).default(''),
    })
    .loose(),
);
export type Enrolment = z.infer<typeof Enrolment>;

export const ENROLMENT_MIGRATIONS: readonly Migration[] = [unchangedIn(2), addClock];

export const newEnrolment = recordFactory(Enrolment);

export const enrolmentRecordType = defineRecordType({
  table: 'enrolments',
  schema: Enrolment,
  introducedIn: 1,
  migrations: ENROLMENT_MIGRATIONS,
  indexes: 'id, candidateId, updatedAt',
  travels: true,
  portfolioScoped: false,
  changedBy: 'portfolio',
});
