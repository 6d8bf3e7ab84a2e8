// Whether a planned sample has been done. Apart from coverage.ts, whose plan coverage needs the work of the period:
// the home screen's caseload (samples due) needs this one test only.
import type { IqaDecision } from '../records/iqaDecision';
import type { PlanItem } from '../records/samplingPlan';

export type DecisionFacts = Pick<IqaDecision, 'portfolioId' | 'unitCode' | 'stage' | 'planItemId'> & {
  deleted?: boolean;
};

/** An item is done when a decision answers it: by its plan item id, or on the same portfolio, unit and stage. */
export function isItemDone(item: PlanItem, decisions: readonly DecisionFacts[]): boolean {
  return decisions.some(
    (d) =>
      !d.deleted &&
      (d.planItemId === item.id ||
        (d.portfolioId === item.portfolioId && d.unitCode === item.unitCode && d.stage === item.stage)),
  );
}
