// The demo centre in one click (docs/centre-qa.md): the cast and thirteen portfolios of demoCentreData.ts with
// real-looking evidence, signatures and sign-offs dated relative to today, then the centre's QA (demoCentreQa.ts).
// One transaction through the one write path, each record audited under its portfolio and credited to the person
// who made it; loading it again finds the first load (its enrolments' marker) and adds nothing.
import { unitCriteria, type Person, type QualificationSpec } from '../domain';
import { newId, todayIso } from './clock';
import { db } from './db';
import { actingPersonId, setActingPerson } from './device';
import { photo, sig } from './demo';
import {
  CANDIDATES,
  DEMO_CENTRE,
  DEMO_CENTRE_MARK,
  DEMO_SPECS,
  evidenceText,
  METHOD_PAIRS,
  RECORDED_BY,
  SITES,
  STAFF,
  dayOffset,
  type CandidateSpec,
  type DemoPortfolio,
  type DemoSpecKey,
  type StaffKey,
} from './demoCentreData';
import { putCentreQa } from './demoCentreQa';
import { hashFiles, putMedia, type HashedFile } from './media';
import { CENTRE_AUDIT } from './qa';
import { validRecords } from './read';
import { loadStoredSpec } from './specs';
import { signatureFields } from './signatures';
import { asBulkLoad, write, type WriteContext } from './write';

export interface DemoCentre {
  staff: Record<StaffKey, Person>;
  portfolioIds: string[];
  /** False when the demo centre was already on this device: nothing was added. */
  created: boolean;
}

/** Loads the demo centre (a bulk load: relaxed durability), or finds it if it is already here. */
export function loadDemoCentre(): Promise<DemoCentre> {
  return asBulkLoad(makeDemoCentre);
}

async function makeDemoCentre(): Promise<DemoCentre> {
  const specs = {} as Record<DemoSpecKey, QualificationSpec>;
  for (const [key, { id, version }] of Object.entries(DEMO_SPECS)) {
    const spec = await loadStoredSpec(id, version);
    if (!spec) throw new Error(`The ${id} spec is not on this device yet: reload the app once while online.`);
    specs[key as DemoSpecKey] = spec;
  }
  const [picture] = await hashFiles([{ name: 'workplace.png', type: 'image/png', blob: photo() }]);
  const today = todayIso();
  const centre = await write('the demo centre', CENTRE_AUDIT, async (ctx) => {
    const found = await existingDemoCentre();
    if (found) return found;
    const staff = await putStaff(ctx, today);
    const portfolios: DemoPortfolio[] = [];
    for (const [i, plan] of CANDIDATES.entries())
      portfolios.push(
        await putPortfolio(ctx, { plan, index: i, staff, spec: specs[plan.spec], today, picture: picture! }),
      );
    await putCentreQa(ctx, { staff, portfolios, specs, today });
    return { staff, portfolioIds: portfolios.map((p) => p.enrolment.id), created: true };
  });
  // The IQA's view is where centre QA starts; a person already acting on this device stays so.
  if (!(await actingPersonId())) await setActingPerson(centre.staff.kenneth.id);
  return centre;
}

async function existingDemoCentre(): Promise<DemoCentre | null> {
  const enrolments = validRecords('enrolments', await db().enrolments.toArray(), []).filter((e) =>
    e.registrationNumber.startsWith(DEMO_CENTRE_MARK),
  );
  if (enrolments.length === 0) return null;
  const people = validRecords('people', await db().people.toArray(), []).filter((p) => p.centre === DEMO_CENTRE);
  const staff = Object.fromEntries(
    Object.entries(STAFF).map(([key, s]) => [key, people.find((p) => p.name === s.name)!]),
  ) as Record<StaffKey, Person>;
  return { staff, portfolioIds: enrolments.map((e) => e.id), created: false };
}

async function putStaff(ctx: WriteContext, today: string): Promise<Record<StaffKey, Person>> {
  const staff = {} as Record<StaffKey, Person>;
  for (const [key, s] of Object.entries(STAFF) as Array<[StaffKey, (typeof STAFF)[StaffKey]]>) {
    staff[key] = await ctx.as('people', null).put(
      'people',
      {
        name: s.name,
        roles: s.roles,
        centre: DEMO_CENTRE,
        jobTitle: s.jobTitle ?? '',
        assessorStatus: s.assessorStatus ?? 'not-applicable',
        iqaStatus: s.iqaStatus ?? 'not-applicable',
        staffSince: s.sinceDaysAgo === undefined ? null : dayOffset(today, -s.sinceDaysAgo),
        earlierDisagreements: s.earlierDisagreements ?? 0,
        sites: s.sites ?? [],
      },
      undefined,
      s.name,
    );
  }
  return staff;
}

interface PortfolioPlan {
  plan: CandidateSpec;
  index: number;
  staff: Record<StaffKey, Person>;
  spec: QualificationSpec;
  today: string;
  picture: HashedFile;
}

/** How many route units have evidence, and how many are signed off, at each stage. */
function progressOf(stage: CandidateSpec['stage'], units: number): { worked: number; signed: number } {
  if (stage === 'started') return { worked: 1, signed: 0 };
  if (stage === 'half') return { worked: Math.ceil(units * 0.6), signed: 2 };
  if (stage === 'most') return { worked: units, signed: units - 2 };
  return { worked: units, signed: units };
}

async function putPortfolio(ctx: WriteContext, input: PortfolioPlan): Promise<DemoPortfolio> {
  const { plan, index, staff, spec, today } = input;
  const route = DEMO_SPECS[plan.spec].route;
  const assessor = staff[plan.assessor];
  const id = newId();
  const candidate = await ctx.as('people', assessor.id).put(
    'people',
    {
      name: plan.name,
      roles: ['candidate'],
      centre: DEMO_CENTRE,
      jobTitle: plan.jobTitle,
      registrationNumber: `SCN 400 ${100 + index} 0${index}`,
    },
    undefined,
    plan.name,
  );
  const start = dayOffset(today, -plan.startDaysAgo);
  const enrolment = await ctx.as(id, assessor.id).put(
    'enrolments',
    {
      id,
      candidateId: candidate.id,
      specId: spec.id,
      specVersion: spec.version,
      route: [...route],
      startDate: start,
      assessorId: assessor.id,
      iqaId: staff[DEMO_SPECS[plan.spec].iqa].id,
      centre: DEMO_CENTRE,
      registrationNumber: `${DEMO_CENTRE_MARK}${String(index + 1).padStart(2, '0')}`,
      site: SITES[plan.site],
    },
    'create',
    `enrolled on ${spec.id} ${spec.version}`,
  );
  await ctx.as(id, candidate.id).put(
    'signatures',
    {
      ...signatureFields(sig(plan.name, 'Candidate', candidate.id), id, 'declaration', id),
      signedAt: `${start}T10:00:00.000Z`,
      statement: 'The evidence in this portfolio is my own work.',
    },
    'sign',
    'authenticity declaration',
  );
  const made: DemoPortfolio = { candidate, plan, enrolment, evidence: [], decisions: [] };
  const { worked, signed } = progressOf(plan.stage, route.length);
  const span = Math.max(4, plan.startDaysAgo - 3);
  for (let u = 0; u < worked; u++) {
    const unitDay = -plan.startDaysAgo + Math.round((span * (u + 0.7)) / worked);
    await putUnitEvidence(ctx, input, made, route[u]!, u, Math.min(unitDay, -1));
    if (u < signed)
      await putSignOff(ctx, input, made, route[u]!, dayOffset(today, Math.min(unitDay + 2, -1)), u === signed - 1);
  }
  return made;
}

async function putUnitEvidence(
  ctx: WriteContext,
  input: PortfolioPlan,
  made: DemoPortfolio,
  unitCode: string,
  u: number,
  day: number,
) {
  const { plan, staff, spec, today, picture } = input;
  const unit = spec.units.find((x) => x.code === unitCode)!;
  const criteria = unitCriteria(unit).map((c) => ({ unitCode, criterionKey: c.key }));
  const witness = plan.site === 'glen' ? staff.morag : staff.graham;
  const assessor = staff[plan.assessor];
  const portfolioId = made.enrolment.id;
  const items = plan.stage === 'started' && plan.startDaysAgo < 10 ? 1 : 2;
  for (let j = 0; j < items; j++) {
    const method = METHOD_PAIRS[u % METHOD_PAIRS.length]![j]!;
    const who = RECORDED_BY[method];
    const recorder = who === 'assessor' ? assessor : who === 'witness' ? witness : made.candidate;
    const actor = who === 'candidate' ? made.candidate.id : assessor.id;
    const p = ctx.as(portfolioId, actor);
    const id = newId();
    const withPhoto = method === 'O' && !made.evidence.some((e) => e.mediaIds.length > 0);
    const mediaIds = withPhoto ? await putMedia(p, portfolioId, id, [picture]) : [];
    const date = dayOffset(today, Math.min(day - 4 * (items - 1 - j), -1));
    const text = evidenceText(method, unit.title, plan.name, SITES[plan.site], witness.name);
    const links = criteria.slice(2 * j, 2 * j + 2);
    const evidence = await p.put(
      'evidence',
      {
        id,
        portfolioId,
        type: method,
        ...text,
        date,
        location: SITES[plan.site],
        recordedBy: recorder.id,
        mediaIds,
        criteria: links.length ? links : criteria.slice(0, 1),
      },
      undefined,
      `${method} ${text.title}`,
    );
    made.evidence.push(evidence);
    if (who !== 'candidate') {
      const signer = ctx.as(portfolioId, recorder.id);
      const role = who === 'assessor' ? 'Assessor' : 'Witness';
      await signer.put('signatures', {
        ...signatureFields(sig(recorder.name, role, recorder.id), portfolioId, 'evidence', id),
        signedAt: `${date}T16:00:00.000Z`,
      });
    }
  }
}

/** A unit sign-off with the assessor's and candidate's signatures; a trainee's is countersigned by a qualified assessor, but for the latest on the trainee's half-way SVQ2 candidate, left waiting. */
async function putSignOff(
  ctx: WriteContext,
  input: PortfolioPlan,
  made: DemoPortfolio,
  unitCode: string,
  date: string,
  latest: boolean,
) {
  const { plan, staff } = input;
  const assessor = staff[plan.assessor];
  const portfolioId = made.enrolment.id;
  const p = ctx.as(portfolioId, assessor.id);
  const id = newId();
  const at = `${date}T15:00:00.000Z`;
  const signature = await p.put('signatures', {
    ...signatureFields(sig(assessor.name, 'Assessor', assessor.id), portfolioId, 'unit-signoff', id),
    signedAt: at,
  });
  const candidateSignature = await ctx.as(portfolioId, made.candidate.id).put('signatures', {
    ...signatureFields(sig(plan.name, 'Candidate', made.candidate.id), portfolioId, 'candidate-signoff', id),
    signedAt: at,
  });
  let decision = await p.put(
    'decisions',
    {
      id,
      portfolioId,
      kind: 'unit-signoff',
      unitCode,
      outcome: 'met',
      assessorId: assessor.id,
      date,
      signatureId: signature.id,
      candidateSignatureId: candidateSignature.id,
    },
    'sign-off',
    `unit ${unitCode}`,
  );
  const waits = latest && plan.spec === 'svq2' && plan.stage === 'half';
  if (assessor.assessorStatus === 'working-towards' && !waits) {
    const jo = staff.jo;
    const q = ctx.as(portfolioId, jo.id);
    const counter = await q.put('signatures', {
      ...signatureFields(sig(jo.name, 'Assessor', jo.id), portfolioId, 'countersign', id),
      signedAt: `${date}T17:00:00.000Z`,
    });
    decision = await q.put(
      'decisions',
      { ...decision, countersignedBy: jo.id, countersignatureId: counter.id },
      'countersign',
      `unit ${unitCode}`,
    );
  }
  made.decisions.push(decision);
}
