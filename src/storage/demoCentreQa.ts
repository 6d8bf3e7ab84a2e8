// The demo centre's quality assurance: a sampling plan per qualification proposed by the domain's proposer and
// changed by its IQA, decisions on sampled items (an agreement on an evidence item, a disagreement with an open
// action, a trainee IQA's decisions, one countersigned and one waiting), a standardisation meeting, CPD records
// for every member of staff and one appeal. Written in the demo centre's transaction, credited to who did each.
import {
  addPlanItem,
  assessorRiskOf,
  changePlanItem,
  portfolioWorkOf,
  proposeSample,
  type PlanItem,
  type Person,
  type QualificationSpec,
  type SamplingPlan,
} from '../domain';
import { newId } from './clock';
import { dayOffset, DEMO_SPECS, type DemoPortfolio, type DemoSpecKey, type StaffKey } from './demoCentreData';
import { sig } from './demo';
import { CENTRE_AUDIT } from './qa';
import { signatureFields } from './signatures';
import type { WriteContext } from './write';

interface CentreQaInput {
  staff: Record<StaffKey, Person>;
  portfolios: DemoPortfolio[];
  specs: Record<DemoSpecKey, QualificationSpec>;
  today: string;
}

export async function putCentreQa(ctx: WriteContext, input: CentreQaInput): Promise<void> {
  for (const key of Object.keys(DEMO_SPECS) as DemoSpecKey[]) {
    const plan = await putPlan(ctx, input, key);
    await putDecisions(ctx, input, plan);
  }
  await putStandardisation(ctx, input);
  await putCpd(ctx, input);
  await putAppeal(ctx, input);
}

async function putPlan(ctx: WriteContext, { staff, portfolios, specs, today }: CentreQaInput, key: DemoSpecKey) {
  const iqa = staff[DEMO_SPECS[key].iqa];
  const mine = portfolios.filter((p) => p.plan.spec === key);
  const status = (id: string) => Object.values(staff).find((s) => s.id === id)?.assessorStatus;
  const work = mine.flatMap((p) => portfolioWorkOf(p, status) ?? []);
  const periodStart = dayOffset(today, -180);
  const assessors = [...new Set(work.map((w) => w.assessorId))].map((id) =>
    assessorRiskOf(
      Object.values(staff).find((s) => s.id === id)!,
      [],
      periodStart,
    ),
  );
  const fields = { iqaId: iqa.id, specId: specs[key].id, periodStart, periodEnd: dayOffset(today, 60) };
  let { items } = proposeSample({ ...fields, assessors, portfolios: work });
  const interim = items.find((i) => i.stage === 'interim');
  if (interim)
    items = changePlanItem(
      items,
      interim.id,
      { plannedDate: dayOffset(interim.plannedDate > today ? interim.plannedDate : today, 7) },
      'The candidate is on leave the week it was planned.',
    );
  const extra = mine.find((p) => p.evidence.length > 0 && !items.some((i) => i.portfolioId === p.enrolment.id));
  if (extra)
    items = addPlanItem(
      items,
      {
        assessorId: extra.enrolment.assessorId!,
        portfolioId: extra.enrolment.id,
        candidateId: extra.candidate.id,
        unitCode: extra.evidence[0]!.criteria[0]!.unitCode,
        method: extra.evidence[0]!.type,
        site: extra.enrolment.site,
        stage: 'interim',
        plannedDate: dayOffset(today, 14),
        reason: 'Added by the IQA.',
      },
      'An early look at a new candidate’s first evidence, as agreed at standardisation.',
    );
  return ctx
    .as(CENTRE_AUDIT, iqa.id)
    .put(
      'samplingPlans',
      { ...fields, title: `${specs[key].title}: IQA sampling plan`, items },
      'create',
      `sampling plan, ${items.length} items`,
    );
}

/** Decisions on the plan's items due by now: agree on the first, disagree (with an action) on the second. */
async function putDecisions(ctx: WriteContext, { staff, portfolios, today }: CentreQaInput, plan: SamplingPlan) {
  const due = plan.items.filter((i) => !i.removed && i.plannedDate <= today).slice(0, 3);
  const trainee = plan.iqaId === staff.aileen.id;
  for (const [n, item] of due.entries()) {
    const portfolio = portfolios.find((p) => p.enrolment.id === item.portfolioId)!;
    const evidence = portfolio.evidence.find(
      (e) => e.criteria.some((c) => c.unitCode === item.unitCode) && (item.method === null || e.type === item.method),
    );
    const disagree = !trainee && n === 1;
    const decision = await recordDecision(ctx, plan, item, {
      evidenceId: n === 0 ? (evidence?.id ?? null) : null,
      outcome: disagree ? 'disagree' : 'agree',
      date: item.plannedDate < today ? item.plannedDate : dayOffset(today, -1),
      feedback: disagree
        ? 'The observation record does not show the candidate dealing with the customer’s problem from start to finish; the criteria mapped to it are not all evidenced. Please re-assess with a further observation or a professional discussion.'
        : 'Clear, valid and sufficient evidence; feedback to the candidate is specific and developmental.',
    });
    if (disagree) {
      await ctx.as(item.portfolioId, plan.iqaId).put(
        'qaActions',
        {
          portfolioId: item.portfolioId,
          decisionId: decision.id,
          raisedBy: plan.iqaId,
          assessorId: item.assessorId,
          unitCode: item.unitCode,
          text: `Re-assess unit ${item.unitCode}: add evidence for the criteria the observation does not show, and update the candidate’s assessment plan.`,
          dueDate: dayOffset(today, 10),
        },
        'raise',
        `action for the assessor on ${item.unitCode}`,
      );
    }
    // The trainee IQA's first decision is countersigned by the qualified IQA; the next waits for it.
    if (trainee && n === 0) {
      const kenneth = staff.kenneth;
      const q = ctx.as(item.portfolioId, kenneth.id);
      const counter = await q.put('signatures', {
        ...signatureFields(
          sig(kenneth.name, 'Internal quality assurer', kenneth.id),
          item.portfolioId,
          'countersign',
          decision.id,
        ),
      });
      await q.put(
        'iqaDecisions',
        { ...decision, countersignedBy: kenneth.id, countersignatureId: counter.id },
        'countersign',
        `IQA decision on ${item.unitCode}`,
      );
    }
  }
}

function recordDecision(
  ctx: WriteContext,
  plan: SamplingPlan,
  item: PlanItem,
  fields: { evidenceId: string | null; outcome: 'agree' | 'disagree'; date: string; feedback: string },
) {
  return ctx.as(item.portfolioId, plan.iqaId).put(
    'iqaDecisions',
    {
      id: newId(),
      portfolioId: item.portfolioId,
      iqaId: plan.iqaId,
      assessorId: item.assessorId,
      unitCode: item.unitCode,
      stage: item.stage,
      planId: plan.id,
      planItemId: item.id,
      ...fields,
    },
    undefined,
    `${item.stage} sample of ${item.unitCode}: ${fields.outcome}`,
  );
}

async function putStandardisation(ctx: WriteContext, { staff, portfolios, today }: CentreQaInput) {
  const looked = portfolios.filter((p) => p.plan.stage === 'complete' || p.plan.stage === 'most').slice(0, 2);
  await ctx.as(CENTRE_AUDIT, staff.kenneth.id).put(
    'standardisations',
    {
      activity: 'Standardisation meeting: observation records and witness testimony',
      date: dayOffset(today, -30),
      ledBy: staff.kenneth.id,
      attendees: [staff.kenneth.id, staff.aileen.id, staff.jo.id, staff.priya.id, staff.tia.id],
      specId: DEMO_SPECS.svq2.id,
      units: ['F1', 'F2', 'C3'],
      portfolioIds: looked.map((p) => p.enrolment.id),
      evidenceLookedAt:
        'Each assessor brought two observation records and one witness testimony; all five judged the same anonymised observation of F2 independently before comparing.',
      outcome:
        'Agreement on four of five judgements. Observation records must name each performance criterion seen, not the element only; witness testimonies must say how the witness knows the candidate.',
      actions: [
        {
          text: 'Use the revised observation record template from next month.',
          ownerId: staff.kenneth.id,
          dueDate: dayOffset(today, 0),
          done: true,
        },
        {
          text: 'Brief workplace witnesses on what a testimony must say.',
          ownerId: staff.tia.id,
          dueDate: dayOffset(today, 30),
          done: false,
        },
      ],
    },
    'create',
    'standardisation meeting',
  );
}

async function putCpd(ctx: WriteContext, { staff, today }: CentreQaInput) {
  const records: Array<
    [StaffKey, number, 'cpd' | 'occupational-competence' | 'qualification', string, number, string]
  > = [
    [
      'jo',
      -40,
      'occupational-competence',
      'Two days back on the front desk at Glen Parks visitor centre',
      14,
      'Saw the new booking system and the complaints log from the customer’s side; updated my Q&A bank for F2.',
    ],
    [
      'jo',
      -75,
      'cpd',
      'CfA webinar: customer service standards update',
      1.5,
      'Noted the changes to the knowledge requirements; shared with the team at standardisation.',
    ],
    [
      'priya',
      -20,
      'cpd',
      'Workshop on assessing professional discussion',
      3,
      'Planning questions in advance keeps the discussion on the criteria; I will send candidates the themes a week before.',
    ],
    [
      'tia',
      -60,
      'qualification',
      'Assessor award (TAQA): unit 2 observed by the centre’s qualified assessor',
      6,
      'Feedback: questioning good, recording of criteria seen too general. Working on it with J Sullivan.',
    ],
    [
      'kenneth',
      -50,
      'cpd',
      'Awarding body IQA update event',
      5,
      'Sampling strategy must show interim sampling, not only summative; our plans now include both.',
    ],
    [
      'aileen',
      -35,
      'qualification',
      'IQA award: sampling plan and first decisions reviewed by Kenneth Hay',
      4,
      'My decisions are countersigned until I complete the award; next: observe an assessor’s practice.',
    ],
  ];
  for (const [who, day, kind, activity, hours, reflection] of records)
    await ctx.as(CENTRE_AUDIT, staff[who].id).put(
      'cpdRecords',
      {
        personId: staff[who].id,
        date: dayOffset(today, day),
        kind,
        activity,
        hours,
        reflection,
        evidence: 'Certificate or notes kept in the staff file.',
      },
      'create',
      activity,
    );
}

async function putAppeal(ctx: WriteContext, { staff, portfolios, today }: CentreQaInput) {
  const appellant = portfolios.find((p) => p.plan.stage === 'half' && p.plan.spec === 'svq3') ?? portfolios[0]!;
  const assessor = staff[appellant.plan.assessor];
  const unitCode = appellant.enrolment.route[2]!;
  await ctx.as(CENTRE_AUDIT, staff.kenneth.id).put(
    'appeals',
    {
      candidateId: appellant.candidate.id,
      portfolioId: appellant.enrolment.id,
      decisionAppealed: `Unit ${unitCode} judged “not yet” by ${assessor.name}: the candidate holds that the witness testimony shows the criteria.`,
      lodgedOn: dayOffset(today, -21),
      stages: [
        {
          stage: 'lodged',
          date: dayOffset(today, -21),
          by: appellant.candidate.id,
          notes: 'Appeal made in writing within the centre’s 14 days.',
        },
        {
          stage: 'assessor-review',
          date: dayOffset(today, -18),
          by: assessor.id,
          notes: 'Assessor reviewed the evidence with the candidate; decision kept.',
        },
        {
          stage: 'iqa-review',
          date: dayOffset(today, -9),
          by: staff.kenneth.id,
          notes: 'IQA sampled the unit: the testimony does not say how the witness knows the candidate’s work.',
        },
      ],
      outcome: 'not-upheld',
      outcomeDate: dayOffset(today, -9),
      outcomeNotes:
        'Not upheld; the candidate may add a professional discussion. Told they may take the appeal to the awarding body.',
    },
    'create',
    'appeal',
  );
}
