// One sampling plan: the assessors' rates by risk, its coverage (assessors × units × methods × sites, interim and
// summative), what is overdue and what the period's work holds that it does not cover, and every item with why it
// was chosen, where the IQA records a decision on it, changes or removes it, or adds one.
import { useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDate, type PlanItem, type SamplingPlan } from '../../../domain';
import { planOverview, saveSamplingPlan, todayIso } from '../../../storage';
import { QaScreen, useStaff } from './common';
import { CoverageTables } from './plan/CoverageTables';
import { PlanItemCard } from './plan/PlanItemCard';
import { AddPlanItem } from './plan/AddPlanItem';

export function PlanPage() {
  const { planId = '' } = useParams();
  const today = todayIso();
  const overview = useLiveQuery(() => planOverview(planId, today), [planId, today]);
  const staff = useStaff();
  if (overview === undefined || !staff) return <p role="status">Loading…</p>;
  if (overview === null) return <p className="alert">No sampling plan with this id on this device.</p>;
  const { plan, coverage, rates, portfolios } = overview;
  const done = new Set(overview.doneItemIds);
  const live = plan.items.filter((i) => !i.removed);
  const removed = plan.items.filter((i) => i.removed);
  /** Saves the plan with its items changed by one of the domain's plan edits (one write, one audit row). */
  const saveItems = (items: PlanItem[], summary: string) =>
    saveSamplingPlan({ ...plan, items } satisfies SamplingPlan, summary).then(() => undefined);
  const candidate = (i: PlanItem) => staff.name(i.candidateId);
  return (
    <QaScreen title={plan.title || 'Sampling plan'}>
      <p className="meta">
        IQA {staff.name(plan.iqaId)} · {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}
        {plan.newQualification && ' · new qualification'}
        {plan.changedUnits.length > 0 && ` · changed units ${plan.changedUnits.join(', ')}`}
      </p>
      <section aria-labelledby="rates-heading">
        <h2 id="rates-heading">Sampling rate by assessor</h2>
        <ul>
          {rates.map((r) => (
            <li key={r.assessorId}>
              <strong>{r.name}</strong>: {Math.round(r.rate * 100)}% — {r.riskReasons.join('; ')}
            </li>
          ))}
        </ul>
      </section>
      <CoverageTables coverage={coverage} live={live} done={done} today={today} name={staff.name} />
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">Overdue</h2>
        {coverage.overdue.length === 0 ? (
          <p>Nothing is overdue.</p>
        ) : (
          <ul aria-label="Overdue samples">
            {coverage.overdue.map((i) => (
              <li key={i.id}>
                {candidate(i)}, unit {i.unitCode} ({i.stage}) — planned for {formatDate(i.plannedDate)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Planned samples ({live.length})</h2>
        <ul className="qa-items" aria-label="Planned samples">
          {live.map((item) => (
            <PlanItemCard
              key={item.id}
              plan={plan}
              item={item}
              state={done.has(item.id) ? 'done' : item.plannedDate < today ? 'overdue' : 'open'}
              staff={staff}
              saveItems={saveItems}
            />
          ))}
        </ul>
      </section>
      {removed.length > 0 && (
        <section aria-labelledby="removed-heading">
          <h2 id="removed-heading">Removed by the IQA ({removed.length})</h2>
          <ul aria-label="Removed samples">
            {removed.map((i) => (
              <li key={i.id}>
                {candidate(i)}, unit {i.unitCode} ({i.stage}) — {i.iqaReason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AddPlanItem plan={plan} portfolios={portfolios} staff={staff} saveItems={saveItems} />
    </QaScreen>
  );
}
