// Centre QA in storage: the v6 upgrade keeps every record; an IQA decision raises its action in the same
// transaction; the assessor answers and the IQA closes it; a trainee IQA's decision waits for a qualified IQA.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase } from '../../../src/storage/db';
import {
  answerQaAction,
  auditLog,
  closeQaAction,
  countersignIqaDecision,
  decisionsAwaitingCountersignature,
  listPeople,
  openActionsFor,
  qaOfPortfolio,
  recordIqaDecision,
  savePerson,
} from '../../../src/storage';
import { installTestClock } from '../clock';
import { personFields, svq2Portfolio } from '../factories';
import { oldEvidence, oldPerson, openOldDatabase, upgradeToCurrent, v3Meta } from './oldDatabases';

installTestClock();

beforeEach(() => setDatabase(new FieldfolioDB(`qa-${Math.random()}`)));

describe.each([4, 5])('migration from schema version %i to 6', (from) => {
  it('keeps every record, adds the centre-QA tables empty, and reads people with the new standing defaulted', async () => {
    const old = await openOldDatabase(from);
    await old
      .table('people')
      .put(oldPerson(v3Meta(2), { name: 'Jo', roles: ['assessor'], assessorStatus: 'qualified' }));
    const evidence = oldEvidence(v3Meta(2));
    await old.table('evidence').put(evidence);

    const upgraded = await upgradeToCurrent(old);
    expect(await upgraded.evidence.get('ev1')).toEqual(evidence);
    for (const table of ['iqaDecisions', 'qaActions', 'samplingPlans', 'standardisations', 'cpdRecords', 'appeals'])
      expect(await upgraded.table(table).count()).toBe(0);
    const [jo] = await listPeople();
    expect(jo).toMatchObject({
      name: 'Jo',
      iqaStatus: 'not-applicable',
      staffSince: null,
      earlierDisagreements: 0,
      sites: [],
    });
    upgraded.close();
  });
});

async function sampled(outcome: 'agree' | 'disagree', iqaStatus: 'qualified' | 'working-towards' = 'qualified') {
  const { enrolment, assessor } = await svq2Portfolio();
  const iqa = await savePerson(personFields({ name: 'Kenneth Hay', roles: ['iqa'], iqaStatus }));
  const result = await recordIqaDecision({
    decision: {
      portfolioId: enrolment.id,
      iqaId: iqa.id,
      assessorId: assessor.id,
      unitCode: 'F1',
      stage: 'interim',
      outcome,
      date: '2026-06-02',
      feedback: 'See the observation record.',
    },
    action:
      outcome === 'disagree' ? { text: 'Re-assess F1 with a further observation.', dueDate: '2026-06-12' } : undefined,
  });
  return { enrolment, assessor, iqa, ...result };
}

describe('IQA decisions and actions', () => {
  it('a disagreement raises an action for the assessor in the same write; answered, it leaves their open list; closed by the IQA', async () => {
    const { enrolment, assessor, decision, action } = await sampled('disagree');
    expect(action).toMatchObject({ decisionId: decision.id, assessorId: assessor.id, state: 'open' });
    expect((await openActionsFor(assessor.id)).map((a) => a.id)).toEqual([action!.id]);
    const answered = await answerQaAction(action!, 'Observed again on 10 June; record attached to F1.');
    expect(answered.state).toBe('answered');
    expect(await openActionsFor(assessor.id)).toEqual([]);
    expect((await openActionsFor(assessor.id, true)).map((a) => a.id)).toEqual([action!.id]);
    await expect(answerQaAction(action!, '  ')).rejects.toThrow('Write your answer');
    const closed = await closeQaAction(answered, 'Evidence now sufficient.');
    expect(closed).toMatchObject({ state: 'closed', answer: 'Observed again on 10 June; record attached to F1.' });
    const { decisions, actions } = await qaOfPortfolio(enrolment.id);
    expect(decisions.map((d) => d.outcome)).toEqual(['disagree']);
    expect(actions.map((a) => a.state)).toEqual(['closed']);
    expect((await auditLog(enrolment.id)).map((a) => `${a.action} ${a.recordType}`)).toEqual(
      expect.arrayContaining(['create iqaDecisions', 'raise qaActions', 'answer qaActions', 'close qaActions']),
    );
  });

  it('a trainee IQA’s decision waits for a qualified IQA’s countersignature, never their own', async () => {
    const { decision, iqa: trainee } = await sampled('agree', 'working-towards');
    const qualified = await savePerson(personFields({ name: 'Aileen McKell', roles: ['iqa'], iqaStatus: 'qualified' }));
    expect((await decisionsAwaitingCountersignature(qualified.id)).map((d) => d.id)).toEqual([decision.id]);
    expect(await decisionsAwaitingCountersignature(trainee.id)).toEqual([]);
    const signature = {
      typedName: 'Aileen McKell',
      role: 'Internal quality assurer',
      personId: qualified.id,
      image: '',
    };
    await expect(countersignIqaDecision(decision, trainee.id, signature)).rejects.toThrow('their own decision');
    const countersigned = await countersignIqaDecision(decision, qualified.id, signature);
    expect(countersigned.countersignedBy).toBe(qualified.id);
    expect(await decisionsAwaitingCountersignature(qualified.id)).toEqual([]);
  });

  it('refuses a decision whose feedback is longer than the text limit, saying so', async () => {
    const { enrolment, assessor } = await svq2Portfolio();
    await expect(
      recordIqaDecision({
        decision: {
          portfolioId: enrolment.id,
          iqaId: 'k',
          assessorId: assessor.id,
          unitCode: 'F1',
          stage: 'summative',
          outcome: 'agree',
          date: '2026-06-02',
          feedback: 'x'.repeat(20_001),
        },
      }),
    ).rejects.toThrow('at most 20,000 fit here');
  });
});
