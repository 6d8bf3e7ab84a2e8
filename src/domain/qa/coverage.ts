// How far a sampling plan has got: per assessor, unit, method and site, the items planned, done and overdue, and
// what the work of the period holds that the plan does not cover. Pure: `today` comes from the caller's clock.
import { EVIDENCE_TYPE_LABELS } from '../evidenceTypes';
import { SAMPLE_STAGES } from '../records/iqaDecision';
import type { PlanItem } from '../records/samplingPlan';
import type { ProposalInput } from './proposer';
import { entriesOf } from './work';
import { isItemDone, type DecisionFacts } from './itemDone';

export { isItemDone, type DecisionFacts } from './itemDone';

export interface CoverageLine {
  key: string;
  planned: number;
  done: number;
  overdue: number;
}

export interface PlanCoverage {
  byAssessor: CoverageLine[];
  byUnit: CoverageLine[];
  byMethod: CoverageLine[];
  bySite: CoverageLine[];
  planned: number;
  done: number;
  /** Live items past their planned date with no decision yet, earliest first. */
  overdue: PlanItem[];
  /** What the period's work holds that no live item samples, in words. */
  gaps: string[];
}

type ItemState = 'done' | 'overdue' | 'open';

/** Each item's standing on `today`: answered, past its planned date unanswered, or still to come. */
function standing(items: readonly PlanItem[], isDone: (i: PlanItem) => boolean, today: string) {
  const state = new Map<PlanItem, ItemState>();
  for (const i of items) state.set(i, isDone(i) ? 'done' : i.plannedDate < today ? 'overdue' : 'open');
  return state;
}

function lines(items: readonly PlanItem[], key: (i: PlanItem) => string | null, state: Map<PlanItem, ItemState>) {
  const byKey = new Map<string, CoverageLine>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const line = byKey.get(k) ?? { key: k, planned: 0, done: 0, overdue: 0 };
    line.planned += 1;
    if (state.get(item) === 'done') line.done += 1;
    if (state.get(item) === 'overdue') line.overdue += 1;
    byKey.set(k, line);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function planCoverage(
  plan: { items: readonly PlanItem[]; periodStart: string; periodEnd: string; specId: string },
  work: Pick<ProposalInput, 'assessors' | 'portfolios'>,
  decisions: readonly DecisionFacts[],
  today: string,
): PlanCoverage {
  const live = plan.items.filter((i) => !i.removed);
  const state = standing(live, (i) => isItemDone(i, decisions), today);
  const entries = entriesOf(
    work.portfolios,
    new Set(work.assessors.map((a) => a.id)),
    '',
    plan.periodStart,
    plan.periodEnd,
  );
  const names = new Map(work.assessors.map((a) => [a.id, a.name]));
  const gaps: string[] = [];
  const has = (test: (i: PlanItem) => boolean) => live.some(test);
  for (const a of [...new Set(entries.map((e) => e.assessorId))].sort()) {
    const name = names.get(a) ?? a;
    if (!has((i) => i.assessorId === a)) gaps.push(`no item samples ${name}’s decisions`);
    const mine = entries.filter((e) => e.assessorId === a);
    for (const m of [...new Set(mine.flatMap((e) => e.methods))].sort())
      if (!has((i) => i.assessorId === a && i.method === m))
        gaps.push(`no item looks at ${name}’s ${EVIDENCE_TYPE_LABELS[m].toLowerCase()} (${m})`);
    for (const s of [...new Set(mine.map((e) => e.site))].sort())
      if (!has((i) => i.assessorId === a && i.site === s))
        gaps.push(`no item samples ${name}’s work at ${s || 'an unnamed site'}`);
  }
  for (const u of [...new Set(entries.map((e) => e.unitCode))].sort())
    if (!has((i) => i.unitCode === u)) gaps.push(`no item samples unit ${u}`);
  return {
    byAssessor: lines(live, (i) => i.assessorId, state),
    byUnit: lines(live, (i) => i.unitCode, state),
    byMethod: lines(live, (i) => i.method, state),
    bySite: lines(live, (i) => i.site, state),
    planned: live.length,
    done: live.filter((i) => state.get(i) === 'done').length,
    overdue: live
      .filter((i) => state.get(i) === 'overdue')
      .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id.localeCompare(b.id)),
    gaps,
  };
}

/**
 * A plan's live items per stage (interim, then summative; both always, a stage with none at 0): planned, done and
 * overdue on `today`. `isDone` says which items a decision answers (isItemDone, or the ids storage found done).
 */
export function stageCoverage(
  items: readonly PlanItem[],
  isDone: (item: PlanItem) => boolean,
  today: string,
): CoverageLine[] {
  const live = items.filter((i) => !i.removed);
  const found = lines(live, (i) => i.stage, standing(live, isDone, today));
  return SAMPLE_STAGES.map(
    (stage) => found.find((l) => l.key === stage) ?? { key: stage, planned: 0, done: 0, overdue: 0 },
  );
}
