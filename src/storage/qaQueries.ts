// What the centre-QA screens read: plans for an IQA, qualification and period; an assessor's open actions; the
// decisions a qualified IQA may countersign; a portfolio's IQA decisions and actions; and the proposer's inputs
// and a plan's coverage from what is stored. Every record is read through the one read path (validated).
import {
  assessorRiskOf,
  isItemDone,
  planCoverage,
  proposeSample,
  type AssessorSampling,
  portfolioWorkOf,
  type Appeal,
  type CpdRecord,
  type IqaDecision,
  type PlanCoverage,
  type PortfolioWork,
  type ProposalInput,
  type QaAction,
  type SamplingPlan,
  type Standardisation,
  compareCodePoints,
} from '../domain';
import { todayIso } from './clock';
import { db } from './db';
import { portfolioRecords, validRecords } from './read';

/** An IQA's plans for a qualification whose period overlaps [from, to] (both optional), earliest first. */
export async function samplingPlansFor(
  iqaId: string,
  specId: string,
  from = '',
  to = '9999-12-31',
): Promise<SamplingPlan[]> {
  const rows = await db().samplingPlans.where('iqaId').equals(iqaId).toArray();
  return validRecords('samplingPlans', rows, [])
    .filter((p) => p.specId === specId && p.periodStart <= to && p.periodEnd >= from)
    .sort((a, b) => compareCodePoints(a.periodStart, b.periodStart));
}

export async function samplingPlan(planId: string): Promise<SamplingPlan | undefined> {
  const row = await db().samplingPlans.get(planId);
  return row ? validRecords('samplingPlans', [row], [])[0] : undefined;
}

/** The actions waiting for an assessor (open, or with `includeAnswered` also answered), soonest due first. */
export async function openActionsFor(assessorId: string, includeAnswered = false): Promise<QaAction[]> {
  const rows = await db().qaActions.where('assessorId').equals(assessorId).toArray();
  return validRecords('qaActions', rows, [])
    .filter((a) => a.state === 'open' || (includeAnswered && a.state === 'answered'))
    .sort((a, b) => compareCodePoints(a.dueDate, b.dueDate) || compareCodePoints(a.id, b.id));
}

/** Trainee IQAs' decisions not yet countersigned, for a qualified IQA (never their own), oldest first. */
export async function decisionsAwaitingCountersignature(qualifiedIqaId: string): Promise<IqaDecision[]> {
  const people = validRecords('people', await db().people.toArray(), []);
  const me = people.find((p) => p.id === qualifiedIqaId);
  if (!me || me.iqaStatus === 'working-towards') return [];
  const trainees = people.filter((p) => p.iqaStatus === 'working-towards').map((p) => p.id);
  const rows = trainees.length ? await db().iqaDecisions.where('iqaId').anyOf(trainees).toArray() : [];
  return validRecords('iqaDecisions', rows, [])
    .filter((d) => !d.countersignedBy && d.iqaId !== qualifiedIqaId)
    .sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.id, b.id));
}

/** A portfolio's IQA decisions (newest first) and the actions they raised. */
export async function qaOfPortfolio(portfolioId: string): Promise<{ decisions: IqaDecision[]; actions: QaAction[] }> {
  const [decisions, actions] = await Promise.all([
    portfolioRecords('iqaDecisions', portfolioId),
    portfolioRecords('qaActions', portfolioId),
  ]);
  decisions.sort((a, b) => compareCodePoints(b.date, a.date) || compareCodePoints(b.updatedAt, a.updatedAt));
  actions.sort((a, b) => compareCodePoints(a.dueDate, b.dueDate));
  return { decisions, actions };
}

export async function listStandardisations(): Promise<Standardisation[]> {
  return validRecords('standardisations', await db().standardisations.toArray(), []).sort((a, b) =>
    b.date.localeCompare(a.date),
  );
}

/** CPD records of one person, or of everyone; newest first. */
export async function listCpdRecords(personId?: string): Promise<CpdRecord[]> {
  const rows = personId
    ? await db().cpdRecords.where('personId').equals(personId).toArray()
    : await db().cpdRecords.toArray();
  return validRecords('cpdRecords', rows, []).sort((a, b) => b.date.localeCompare(a.date));
}

export async function listAppeals(): Promise<Appeal[]> {
  return validRecords('appeals', await db().appeals.toArray(), []).sort((a, b) => b.lodgedOn.localeCompare(a.lodgedOn));
}

/**
 * What the proposer works from for an IQA's plan: the qualification's portfolios this IQA covers (their enrolment
 * names this IQA, or no IQA yet), their assessors' risk before the period, and the plan's declared risks.
 */
export async function proposalInputFor(
  plan: Pick<SamplingPlan, 'iqaId' | 'specId' | 'periodStart' | 'periodEnd' | 'newQualification' | 'changedUnits'>,
): Promise<ProposalInput> {
  const d = db();
  return d.transaction('r', [d.enrolments, d.evidence, d.decisions, d.people, d.iqaDecisions], async () => {
    const enrolments = validRecords('enrolments', await d.enrolments.toArray(), []).filter(
      (e) => e.specId === plan.specId && (e.iqaId === plan.iqaId || e.iqaId === null),
    );
    const people = new Map(validRecords('people', await d.people.toArray(), []).map((p) => [p.id, p]));
    const status = (id: string) => people.get(id)?.assessorStatus;
    const portfolios: PortfolioWork[] = [];
    for (const enrolment of enrolments) {
      const [evidence, decisions] = await Promise.all([
        portfolioRecords('evidence', enrolment.id),
        portfolioRecords('decisions', enrolment.id),
      ]);
      const work = portfolioWorkOf({ enrolment, evidence, decisions }, status);
      if (work) portfolios.push(work);
    }
    const iqaDecisions = validRecords('iqaDecisions', await d.iqaDecisions.toArray(), []);
    const assessorIds = [...new Set(portfolios.map((p) => p.assessorId))].filter((id) => people.has(id));
    const assessors = assessorIds.map((id) => assessorRiskOf(people.get(id)!, iqaDecisions, plan.periodStart));
    return { ...plan, assessors, portfolios };
  });
}

/** A plan's coverage and what is overdue today (the clock's today unless given). */
export async function planCoverageFor(plan: SamplingPlan, today = todayIso()): Promise<PlanCoverage> {
  const work = await proposalInputFor(plan);
  const decisions = validRecords('iqaDecisions', await db().iqaDecisions.toArray(), []);
  return planCoverage(plan, work, decisions, today);
}

/** Every sampling plan on the device (the QA screens filter by IQA and qualification), latest period first. */
export async function listSamplingPlans(): Promise<SamplingPlan[]> {
  return validRecords('samplingPlans', await db().samplingPlans.toArray(), []).sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || a.id.localeCompare(b.id),
  );
}

/** Everything a plan's screen shows, in one read: the plan, its coverage and overdue items, which items a decision
 * has answered, the assessors' rates by risk (as the proposer sets them), and the work items can be added from. */
export interface PlanOverview {
  plan: SamplingPlan;
  coverage: PlanCoverage;
  doneItemIds: string[];
  rates: AssessorSampling[];
  portfolios: readonly PortfolioWork[];
}

export async function planOverview(planId: string, today = todayIso()): Promise<PlanOverview | null> {
  const plan = await samplingPlan(planId);
  if (!plan) return null;
  const input = await proposalInputFor(plan);
  const decisions = validRecords('iqaDecisions', await db().iqaDecisions.toArray(), []);
  return {
    plan,
    coverage: planCoverage(plan, input, decisions, today),
    doneItemIds: plan.items.filter((i) => isItemDone(i, decisions)).map((i) => i.id),
    rates: proposeSample(input).assessors,
    portfolios: input.portfolios,
  };
}

/** An IQA's own decisions, newest first (a trainee sees which still wait for countersigning). */
export async function decisionsOfIqa(iqaId: string): Promise<IqaDecision[]> {
  const rows = await db().iqaDecisions.where('iqaId').equals(iqaId).toArray();
  return validRecords('iqaDecisions', rows, []).sort(
    (a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
  );
}
