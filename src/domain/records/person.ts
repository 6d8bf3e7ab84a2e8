// People: candidates, assessors, quality assurers, verifiers and witnesses. Kept per device, not per
// portfolio; a bundle carries the people its portfolio names.
import { z } from '../zod';
import { addClock, IsoDate, limitedText, metaFields, recordFactory, type Migration } from './meta';
import { TEXT_LIMITS } from '../limits';
import { defineRecordType } from './recordType';

export const ROLES = ['candidate', 'assessor', 'iqa', 'ev', 'witness', 'expert-witness'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, string> = {
  candidate: 'Candidate',
  assessor: 'Assessor',
  iqa: 'Internal quality assurer (IQA)',
  ev: 'External verifier',
  witness: 'Witness',
  'expert-witness': 'Expert witness',
};

export const Person = z.lazy(() =>
  z
    .object({
      ...metaFields(),
      name: limitedText(TEXT_LIMITS.name).min(1, 'a name is required'),
      roles: z.array(Role).min(1, 'at least one role'),
      centre: limitedText(TEXT_LIMITS.name).default(''),
      registrationNumber: limitedText(TEXT_LIMITS.name).default(''),
      jobTitle: limitedText(TEXT_LIMITS.name).default(''),
      /** Assessors: qualified, or working towards (their sign-offs need countersigning). */
      assessorStatus: z.enum(['qualified', 'working-towards', 'not-applicable']).default('not-applicable'),
      email: limitedText(TEXT_LIMITS.email).default(''),
      // Staff standing for centre quality assurance (docs/centre-qa.md): on the person, as assessorStatus is, so it
      // travels with every portfolio naming them and the trust rules read it where they read assessorStatus.
      /** IQAs: qualified, or working towards (their decisions need countersigning by a qualified IQA, seed 000 3.3). */
      iqaStatus: z.enum(['qualified', 'working-towards', 'not-applicable']).default('not-applicable'),
      /** The date they began assessing or quality-assuring at the centre: new staff are sampled more. */
      staffSince: IsoDate.nullable().default(null),
      /** Disagreements with their decisions recorded outside this app (paper IQA records, an EQA report). */
      earlierDisagreements: z.number().int().nonnegative().max(1000).default(0),
      /** The assessment sites they work at. */
      sites: z.array(limitedText(TEXT_LIMITS.name).min(1)).max(100).default([]),
    })
    .loose(),
);
export type Person = z.infer<typeof Person>;

export const PERSON_MIGRATIONS: readonly Migration[] = [
  {
    name: 'v2: single role field becomes a list of roles',
    to: 2,
    up: (r) => ({ ...r, roles: Array.isArray(r.roles) ? r.roles : r.role ? [r.role] : [] }),
  },
  addClock,
];

export const newPerson = recordFactory(Person);

export const personRecordType = defineRecordType({
  table: 'people',
  schema: Person,
  introducedIn: 1,
  migrations: PERSON_MIGRATIONS,
  indexes: 'id, updatedAt',
  travels: true,
  portfolioScoped: false,
  changedBy: 'person',
});
