// Shared test data: a candidate and a qualified assessor enrolled on the SVQ2 route of the seed's form 6.
import { createEnrolment, savePerson } from '../../src/storage';

export const SVQ2_ROUTE = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'];

export async function svq2Portfolio({ candidate = 'Annie Candidate', assessor = 'Jo Assessor', startDate = '2026-09-01' } = {}) {
  const candidateRecord = await savePerson({ name: candidate, roles: ['candidate'] });
  const assessorRecord = await savePerson({ name: assessor, roles: ['assessor'], assessorStatus: 'qualified' });
  const enrolment = await createEnrolment({
    candidateId: candidateRecord.id,
    specId: 'svq2-customer-service-scqf5',
    specVersion: '1.0.0',
    route: SVQ2_ROUTE,
    startDate,
    assessorId: assessorRecord.id,
  });
  return { candidate: candidateRecord, assessor: assessorRecord, enrolment };
}
