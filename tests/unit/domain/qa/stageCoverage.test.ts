// A plan's coverage per stage (interim, summative), as the plan screen shows it: planned, done and overdue today,
// both stages always listed, removed items not counted.
import { describe, expect, it } from 'vitest';
import { isItemDone, PlanItem, stageCoverage } from '../../../../src/domain';

const item = (id: string, stage: 'interim' | 'summative', plannedDate: string, removed = false): PlanItem =>
  PlanItem.parse({
    id,
    assessorId: 'jo',
    portfolioId: 'p1',
    candidateId: 'c1',
    unitCode: id.toUpperCase(),
    stage,
    plannedDate,
    reason: 'Chosen for the test.',
    removed,
  });

const items = [
  item('f1', 'interim', '2026-04-01'),
  item('f2', 'interim', '2026-06-01'),
  item('a10', 'summative', '2026-04-15'),
  item('b2', 'summative', '2026-05-01', true),
];

describe('stage coverage', () => {
  it('counts each stage’s live items planned, done and overdue on the day', () => {
    const done = new Set(['f1']);
    expect(stageCoverage(items, (i) => done.has(i.id), '2026-05-10')).toEqual([
      { key: 'interim', planned: 2, done: 1, overdue: 0 },
      { key: 'summative', planned: 1, done: 0, overdue: 1 },
    ]);
    // Earlier, nothing was overdue yet; a removed item never counts.
    expect(stageCoverage(items, () => false, '2026-03-01')).toEqual([
      { key: 'interim', planned: 2, done: 0, overdue: 0 },
      { key: 'summative', planned: 1, done: 0, overdue: 0 },
    ]);
  });

  it('lists both stages even when the plan has items of one only, or none', () => {
    const interimOnly = items.filter((i) => i.stage === 'interim');
    expect(stageCoverage(interimOnly, () => false, '2026-07-01')).toEqual([
      { key: 'interim', planned: 2, done: 0, overdue: 2 },
      { key: 'summative', planned: 0, done: 0, overdue: 0 },
    ]);
    expect(stageCoverage([], () => false, '2026-07-01').map((l) => l.planned)).toEqual([0, 0]);
  });

  it('takes done from the decisions as the plan’s coverage does (isItemDone)', () => {
    const decisions = [{ portfolioId: 'p1', unitCode: 'A10', stage: 'summative' as const, planItemId: null }];
    expect(stageCoverage(items, (i) => isItemDone(i, decisions), '2026-07-01')).toEqual([
      { key: 'interim', planned: 2, done: 0, overdue: 2 },
      { key: 'summative', planned: 1, done: 1, overdue: 0 },
    ]);
  });
});
