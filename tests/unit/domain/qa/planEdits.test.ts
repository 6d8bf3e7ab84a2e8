// The IQA changes a proposal (every change marked as theirs, with a reason), and the plan's coverage says what is
// done and what is overdue today.
import { describe, expect, it } from 'vitest';
import {
  addPlanItem,
  changePlanItem,
  planCoverage,
  proposeSample,
  removePlanItem,
  type ProposalInput,
} from '../../../../src/domain';

const input: ProposalInput = {
  specId: 'svq2-customer-service-scqf5',
  periodStart: '2026-03-01',
  periodEnd: '2026-08-31',
  assessors: [{ id: 'jo', name: 'J Sullivan', status: 'qualified', staffSince: '2019-01-01', earlierDisagreements: 0 }],
  portfolios: [
    {
      id: 'p1',
      candidateId: 'c1',
      assessorId: 'jo',
      site: 'Glen Parks',
      startDate: '2026-01-05',
      completedOn: null,
      units: [
        { unitCode: 'F1', methods: ['O', 'WT'], lastEvidenceDate: '2026-03-20', signedOffOn: '2026-04-01' },
        { unitCode: 'F2', methods: ['Q&A'], lastEvidenceDate: '2026-05-02', signedOffOn: null },
      ],
    },
  ],
};

describe('the IQA’s changes to a proposal', () => {
  const { items } = proposeSample(input);
  it('changing, removing or adding needs a reason and is marked as the IQA’s', () => {
    const first = items[0]!;
    expect(() => changePlanItem(items, first.id, { plannedDate: '2026-05-01' }, '  ')).toThrow('Say why');
    const changed = changePlanItem(items, first.id, { plannedDate: '2026-05-01' }, 'Assessor on leave');
    expect(changed[0]).toMatchObject({
      plannedDate: '2026-05-01',
      origin: 'changed-by-iqa',
      iqaReason: 'Assessor on leave',
      reason: first.reason,
    });
    const removed = removePlanItem(changed, first.id, 'Sampled at standardisation');
    expect(removed[0]).toMatchObject({ removed: true, iqaReason: 'Sampled at standardisation' });
    const added = addPlanItem(
      removed,
      {
        assessorId: 'jo',
        portfolioId: 'p1',
        candidateId: 'c1',
        unitCode: 'F2',
        method: 'Q&A',
        site: 'Glen Parks',
        stage: 'interim',
        plannedDate: '2026-06-01',
        reason: 'Added by the IQA.',
      },
      'Candidate asked for feedback',
    );
    expect(added.at(-1)).toMatchObject({ origin: 'added-by-iqa', iqaReason: 'Candidate asked for feedback' });
    expect(() => removePlanItem(items, 'nope', 'why')).toThrow('no item nope');
  });

  it('coverage counts done and overdue items, and names what a removed item leaves uncovered', () => {
    const summative = items.find((i) => i.stage === 'summative')!;
    const decisions = [{ portfolioId: 'p1', unitCode: summative.unitCode, stage: summative.stage, planItemId: null }];
    const coverage = planCoverage({ ...input, items }, input, decisions, '2026-12-01');
    // A decision on the unit at that stage answers every item sampling it (one per method looked at).
    const answered = items.filter((i) => i.unitCode === summative.unitCode && i.stage === 'summative');
    expect(coverage.done).toBe(answered.length);
    expect(coverage.overdue.map((i) => i.id)).toEqual(items.filter((i) => !answered.includes(i)).map((i) => i.id));
    expect(planCoverage({ ...input, items }, input, decisions, '2026-01-01').overdue).toEqual([]);
    const without = answered.reduce((left, i) => removePlanItem(left, i.id, 'not needed'), items);
    expect(planCoverage({ ...input, items: without }, input, [], '2026-01-01').gaps).toContain(
      'no item samples unit F1',
    );
  });
});
