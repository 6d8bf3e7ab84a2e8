// The IQA changes the proposal: adds, removes or changes items, each time saying why. Removed items are kept,
// marked, so the plan shows what was dropped and why; every change is marked as the IQA's. Pure.
import type { PlanItem } from '../records/samplingPlan';

function requireReason(reason: string): string {
  const why = reason.trim();
  if (!why) throw new Error('Say why you are changing the plan: the reason is kept with the item.');
  return why;
}

function findItem(items: readonly PlanItem[], id: string): PlanItem {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`The plan has no item ${id}.`);
  return item;
}

/** What the IQA gives for a new item (PlanItem is loose, so its known fields are picked, not omitted). */
export type NewPlanItem = Pick<
  PlanItem,
  'assessorId' | 'portfolioId' | 'candidateId' | 'unitCode' | 'method' | 'site' | 'stage' | 'plannedDate' | 'reason'
> & { id?: string };

/** Adds an item the IQA chose (its reason is the IQA's); the id defaults to what it samples. */
export function addPlanItem(items: readonly PlanItem[], item: NewPlanItem, reason: string): PlanItem[] {
  const why = requireReason(reason);
  const id = item.id ?? `${item.portfolioId}|${item.unitCode}|${item.stage}|iqa`;
  if (items.some((i) => i.id === id)) throw new Error('The plan already has this item: change it instead.');
  return [...items, { ...item, id, origin: 'added-by-iqa', iqaReason: why, removed: false }];
}

/** Marks an item removed, with the IQA's reason. */
export function removePlanItem(items: readonly PlanItem[], id: string, reason: string): PlanItem[] {
  const why = requireReason(reason);
  findItem(items, id);
  return items.map((i) => (i.id === id ? { ...i, removed: true, iqaReason: why } : i));
}

export type PlanItemChange = Partial<Pick<PlanItem, 'plannedDate' | 'method' | 'stage' | 'site'>>;

/** Changes when, how or where an item samples; a proposed item becomes "changed by the IQA". */
export function changePlanItem(
  items: readonly PlanItem[],
  id: string,
  change: PlanItemChange,
  reason: string,
): PlanItem[] {
  const why = requireReason(reason);
  const item = findItem(items, id);
  const origin = item.origin === 'added-by-iqa' ? 'added-by-iqa' : 'changed-by-iqa';
  return items.map((i) => (i.id === id ? { ...i, ...change, origin, iqaReason: why } : i));
}
