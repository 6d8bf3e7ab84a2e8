// Who may change centre-QA records (docs/centre-qa.md): IQA decisions by the IQA who made them or a qualified IQA
// countersigning; actions set and closed by their IQA and answered by their assessor; plans by their IQA; CPD by
// its person or an IQA; standardisation and appeals by staff; staff standing never by the person themselves.
import { describe, expect, it } from 'vitest';
import { judgeChange, rolesIn, type ChangeContext, type GrantRole, type RoleStatus } from '../../../src/domain';

type Row = Record<string, unknown>;
const ctx = (personId: string, roles: Array<[GrantRole, RoleStatus]>, signatures: Row[] = []): ChangeContext => ({
  author: { deviceId: 'd', deviceKey: 'k', personId, roles: new Map(roles) },
  portfolio: { id: 'p', candidateId: 'cand', assessorId: 'jo', iqaId: 'ken' },
  signature: (id) => signatures.find((s) => s.id === id),
  person: () => undefined,
});
const KEN = ctx('ken', [['iqa', 'qualified']]);
const AILEEN = ctx('aileen', [['iqa', 'trainee']]);
const JO = ctx('jo', [['assessor', 'qualified']]);
const CAND = ctx('cand', [['candidate', 'qualified']]);

const decision: Row = {
  id: 'd1',
  portfolioId: 'p',
  iqaId: 'aileen',
  assessorId: 'jo',
  unitCode: 'F1',
  stage: 'interim',
  outcome: 'agree',
  countersignedBy: null,
  countersignatureId: null,
};
const action: Row = {
  id: 'a1',
  portfolioId: 'p',
  raisedBy: 'ken',
  assessorId: 'jo',
  text: 'Re-assess',
  dueDate: '2026-06-12',
  state: 'open',
  answer: '',
  answeredAt: null,
};
const judge = (table: string, before: Row | undefined, after: Row, c: ChangeContext) =>
  judgeChange({ table, before, after }, c);

describe('IQA decisions', () => {
  it('are made and changed by their IQA only', () => {
    expect(judge('iqaDecisions', undefined, decision, AILEEN)).toBeNull();
    expect(judge('iqaDecisions', decision, { ...decision, outcome: 'disagree' }, AILEEN)).toBeNull();
    expect(judge('iqaDecisions', decision, { ...decision, outcome: 'disagree' }, KEN)).toMatch('the IQA who made it');
    expect(judge('iqaDecisions', undefined, decision, JO)).toMatch('the IQA who made it');
  });

  it('are countersigned by a qualified IQA with their signature, who may not change them, and never by their maker', () => {
    const sig = { id: 's1', purpose: 'countersign', personId: 'ken', subjectId: 'd1' };
    const countersigned = { ...decision, countersignedBy: 'ken', countersignatureId: 's1' };
    expect(judge('iqaDecisions', decision, countersigned, ctx('ken', [['iqa', 'qualified']], [sig]))).toBeNull();
    expect(judge('iqaDecisions', decision, countersigned, KEN)).toMatch('countersigner’s signature record');
    expect(
      judge(
        'iqaDecisions',
        decision,
        { ...countersigned, outcome: 'disagree' },
        ctx('ken', [['iqa', 'qualified']], [sig]),
      ),
    ).toMatch('not change it');
    const trainee = ctx('ken', [['iqa', 'trainee']], [sig]);
    expect(judge('iqaDecisions', decision, countersigned, trainee)).toMatch('qualified IQA');
    expect(
      judge('iqaDecisions', decision, { ...decision, countersignedBy: 'aileen', countersignatureId: 's1' }, AILEEN),
    ).toMatch('their own decision');
    // The countersignature record itself: a qualified IQA's key, in their own name.
    expect(judge('signatures', undefined, sig, ctx('ken', [['iqa', 'qualified']]))).toBeNull();
    expect(judge('signatures', undefined, sig, ctx('ken', [['iqa', 'trainee']]))).toMatch('qualified assessor or IQA');
  });
});

describe('QA actions', () => {
  it('are set and closed by the IQA who raised them; their assessor may only answer', () => {
    expect(judge('qaActions', undefined, action, KEN)).toBeNull();
    const answered = { ...action, answer: 'Done', answeredAt: '2026-06-10T10:00:00Z', state: 'answered' };
    expect(judge('qaActions', action, answered, JO)).toBeNull();
    expect(judge('qaActions', action, { ...answered, dueDate: '2026-07-01' }, JO)).toMatch('may only answer');
    expect(judge('qaActions', answered, { ...answered, state: 'closed' }, JO)).toMatch('may only answer');
    expect(judge('qaActions', answered, { ...answered, state: 'closed' }, KEN)).toBeNull();
    expect(judge('qaActions', action, answered, ctx('priya', [['assessor', 'qualified']]))).toMatch('may only answer');
    expect(judge('qaActions', undefined, action, JO)).toMatch('the IQA who raised it');
  });
});

describe('centre records', () => {
  const plan: Row = {
    id: 'pl',
    iqaId: 'aileen',
    specId: 's',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    items: [],
  };
  it('sampling plans: their IQA, or a qualified IQA; not an assessor', () => {
    expect(judge('samplingPlans', undefined, plan, AILEEN)).toBeNull();
    expect(judge('samplingPlans', plan, { ...plan, items: [] }, KEN)).toBeNull();
    expect(judge('samplingPlans', plan, { ...plan, title: 'x' }, ctx('other', [['iqa', 'trainee']]))).toMatch(
      'its IQA',
    );
    expect(judge('samplingPlans', undefined, plan, JO)).toMatch('its IQA');
  });
  it('CPD: the person it is about, or an IQA; standardisation and appeals: assessors and IQAs, not candidates', () => {
    const cpd = { id: 'c', personId: 'jo', date: '2026-01-01', activity: 'Shadowing' };
    expect(judge('cpdRecords', undefined, cpd, JO)).toBeNull();
    expect(judge('cpdRecords', undefined, cpd, KEN)).toBeNull();
    expect(judge('cpdRecords', undefined, cpd, ctx('priya', [['assessor', 'qualified']]))).toMatch(
      'its person or an IQA',
    );
    expect(judge('standardisations', undefined, { id: 's' }, JO)).toBeNull();
    expect(judge('appeals', undefined, { id: 'a' }, CAND)).toMatch('assessors and IQAs');
  });
  it('staff standing: not changed by the person themselves; a qualified IQA sets a trainee IQA’s', () => {
    const aileen = {
      id: 'aileen',
      name: 'Aileen',
      roles: ['iqa'],
      assessorStatus: 'not-applicable',
      iqaStatus: 'working-towards',
    };
    expect(judge('people', aileen, { ...aileen, iqaStatus: 'qualified' }, AILEEN)).toMatch('may not change their own');
    expect(judge('people', aileen, { ...aileen, iqaStatus: 'qualified' }, KEN)).toBeNull();
    expect(judge('people', aileen, { ...aileen, iqaStatus: 'qualified' }, JO)).not.toBeNull();
  });
  it('a person accepted by hand as a trainee IQA acts as a trainee IQA', () => {
    const speaker = { personId: 'aileen', personName: null, grants: null };
    const parties = { id: 'p', candidateId: 'c', assessorId: 'jo', iqaId: 'aileen' };
    expect(
      rolesIn(speaker, parties, { roles: ['iqa'], assessorStatus: 'not-applicable', iqaStatus: 'working-towards' }).get(
        'iqa',
      ),
    ).toBe('trainee');
    expect(rolesIn(speaker, parties, { roles: ['iqa'], assessorStatus: 'not-applicable' }).get('iqa')).toBe(
      'qualified',
    );
  });
});
