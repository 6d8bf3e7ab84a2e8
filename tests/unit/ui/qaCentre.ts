// The centre the QA screen tests start from, and the IQA's disagreement with an action that several begin with.
import type { Person } from '../../../src/domain';
import { createEnrolment, recordIqaDecision, savePerson } from '../../../src/storage';
import { enrolmentFields, personFields } from '../factories';

/**
 * Kenneth Hay (a qualified IQA), Jo Assessor (a qualified assessor), a `colleague` as each test file needs one, and
 * Annie, whose portfolio Jo assesses and Kenneth quality-assures.
 */
export async function qaCentre(colleague: Parameters<typeof personFields>[0]) {
  const kenneth = await savePerson(personFields({ name: 'Kenneth Hay', roles: ['iqa'], iqaStatus: 'qualified' }));
  const jo = await savePerson(personFields({ name: 'Jo Assessor', roles: ['assessor'], assessorStatus: 'qualified' }));
  const other = await savePerson(personFields(colleague));
  const annie = await savePerson(personFields({ name: 'Annie' }));
  const portfolio = await createEnrolment(
    enrolmentFields(annie.id, { assessorId: jo.id, iqaId: kenneth.id, startDate: '2026-03-01' }),
  );
  return { kenneth, jo, colleague: other, annie, portfolio };
}

/** The IQA disagrees with the assessor's interim decision on unit F1 (30 May), with an action for the assessor. */
export const disagreeOnF1 = (
  { iqa, assessor, portfolioId }: { iqa: Person; assessor: Person; portfolioId: string },
  feedback: string,
  action: { text: string; dueDate: string },
) =>
  recordIqaDecision({
    decision: {
      portfolioId,
      iqaId: iqa.id,
      assessorId: assessor.id,
      unitCode: 'F1',
      stage: 'interim',
      outcome: 'disagree',
      feedback,
      date: '2026-05-30',
    },
    action,
  });
