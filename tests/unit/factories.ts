// Shared test data, one set for every test file: each record type's own fields with plain defaults (what a
// storage write takes), whole valid records built from them by the domain's factories (ids and times from the
// installed clock: see clock.ts), and a portfolio stored through the storage layer.
import {
  newEnrolment,
  newEvidence,
  newPerson,
  type Enrolment,
  type Evidence,
  type Person,
  type RecordFields,
} from '../../src/domain';
import { createEnrolment, newId, nowIso, savePerson } from '../../src/storage';

export const SVQ2 = { specId: 'svq2-customer-service-scqf5', specVersion: '1.0.0' };
export const SVQ2_ROUTE = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'];
export const TEST_DEVICE = 'test-device';

/** What a fresh record is made with: the clock's next id and time, on the test device. */
export const fresh = () => ({ id: newId(), now: nowIso(), device: TEST_DEVICE });

export const personFields = (fields: Partial<RecordFields<typeof Person>> = {}): RecordFields<typeof Person> => ({
  name: 'Annie Candidate',
  roles: ['candidate'],
  ...fields,
});

export const enrolmentFields = (
  candidateId: string,
  fields: Partial<RecordFields<typeof Enrolment>> = {},
): RecordFields<typeof Enrolment> => ({ candidateId, ...SVQ2, route: SVQ2_ROUTE, startDate: '2026-09-01', ...fields });

export const evidenceFields = (
  portfolioId: string,
  fields: Partial<RecordFields<typeof Evidence>> = {},
): RecordFields<typeof Evidence> => ({
  portfolioId,
  type: 'O',
  title: 'Queue at the gate',
  date: '2026-10-01',
  ...fields,
});

export const aPerson = (fields?: Partial<RecordFields<typeof Person>>) => newPerson(fresh(), personFields(fields));
export const anEnrolment = (candidateId: string, fields?: Partial<RecordFields<typeof Enrolment>>) =>
  newEnrolment(fresh(), enrolmentFields(candidateId, fields));
export const anEvidenceItem = (portfolioId: string, fields?: Partial<RecordFields<typeof Evidence>>) =>
  newEvidence(fresh(), evidenceFields(portfolioId, fields));

/** A candidate and a qualified assessor, stored, enrolled on the SVQ2 route of the seed's form 6. */
export async function svq2Portfolio({
  candidate = 'Annie Candidate',
  assessor = 'Jo Assessor',
  startDate = '2026-09-01',
} = {}) {
  const candidateRecord = await savePerson(personFields({ name: candidate }));
  const assessorRecord = await savePerson(
    personFields({ name: assessor, roles: ['assessor'], assessorStatus: 'qualified' }),
  );
  const enrolment = await createEnrolment(
    enrolmentFields(candidateRecord.id, { startDate, assessorId: assessorRecord.id }),
  );
  return { candidate: candidateRecord, assessor: assessorRecord, enrolment };
}
