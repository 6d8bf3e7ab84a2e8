// A demo portfolio so a newcomer sees the product working in one click: a candidate on the SVQ2 in
// Customer Service (the route of the seed's worked form 6), with evidence drawn from the seed's worked
// examples, criteria mappings, signatures and a few signed-off units. It is as real as a user's portfolio: its
// history is replayed over the months before today (forms, evidence, signatures and the audit log all dated the
// day each thing was done, by the person who did it), names are names, never record ids.
import { addDays, criterionKey, formTitle, type Person, type QualificationSpec } from '../domain';
import { currentClock, setClock, todayIso, type Clock } from './clock';
import { setActingPerson } from './device';
import { createEnrolment, listEnrolments } from './enrolments';
import { saveEvidence, signEvidenceSample } from './evidence';
import { saveForm } from './forms';
import { savePerson } from './peopleSave';
import { signDeclaration } from './signatures';
import { countersign, signOffUnit } from './signoffs';
import { loadStoredSpec } from './specs';
import { asBulkLoad } from './write';

const DEMO_PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAjElEQVR4nO3QQQ2AMBQFwcpBREUgpw56QROGMIGBhjTh8N9hkhWwmTbvRx+18oPwAAECBAhQcIAAAQIEKDhAgAABAhQcIECAAAEKDhAgQIAABQcI0E+gfvWqxnnsVzUJCBAgQIAAAQIECBAgQIAAAQIECBAgQIAAAQIECBAgQIAAAQIECBAgQIAArXsBE933mXyMYTgAAAAASUVORK5CYII=';

/** A small photo for demo evidence (the demo centre reuses it). */
export function photo(): Blob {
  const bytes = Uint8Array.from(atob(DEMO_PHOTO_PNG), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

const SPEC = { id: 'svq2-customer-service-scqf5', version: '1.0.0' };
/** The route of the seed's worked form 6, which the demo centre's SVQ2 candidates follow too. */
export const SVQ2_DEMO_ROUTE = ['F1', 'F2', 'A10', 'B2', 'C3', 'D2', 'D3'];

/** The element itself is the mapping point where the seed prints no criteria for it. */
const el = (unit: string, element: string) => ({
  unitCode: unit,
  criterionKey: criterionKey(unit, 'criterion', element, element),
});
const pc = (unit: string, element: string, id: string) => ({
  unitCode: unit,
  criterionKey: criterionKey(unit, 'criterion', id, element),
});
/** A signature typed with a name only (no drawn mark), as the demos sign. */
export const sig = (typedName: string, role: string, personId: string) => ({ typedName, role, personId, image: '' });

/** The calendar date `days` before `today` (YYYY-MM-DD). */
export const daysBefore = (today: string, days: number): string => addDays(today, -days);

/** The demo's story, in days before today: when each thing happened. */
const DAYS_AGO = {
  start: 150,
  statement: 120,
  certificate: 118,
  commentCards: 100,
  busyGate: 90,
  questions: 83,
  rolePlay: 60,
  a10: 69,
  c3: 36,
  declaration: 30,
  sample: 20,
} as const;
type Moment = keyof typeof DAYS_AGO;
type DemoDates = Record<Moment, string>;

/**
 * Runs one step of the demo's history as it happened: on its day (every stamp, signature and audit entry dated
 * then, a second apart from `time`) and credited to the person who did it. The real clock is put back after.
 */
async function as<R>(person: Person | null, day: string, step: () => Promise<R>, time = '10:00'): Promise<R> {
  const real = currentClock();
  let t = Date.parse(`${day}T${time}:00.000Z`);
  const replay: Clock = { now: () => new Date((t += 1000)).toISOString(), newId: () => real.newId() };
  await setActingPerson(person?.id ?? null);
  setClock(replay);
  try {
    return await step();
  } finally {
    setClock(real);
  }
}

type DemoPeople = Record<'annie' | 'jo' | 'tia' | 'morag' | 'kenneth', Person>;

/** The candidate, two assessors (one working towards the award), a witness and the centre's IQA. */
async function demoPeople(): Promise<DemoPeople> {
  const centre = 'Glen Parks Training';
  const annie = await savePerson({
    name: 'Annie Macleod',
    roles: ['candidate'],
    centre,
    registrationNumber: 'SCN 123 456 789',
    jobTitle: 'Visitor services assistant',
  });
  const jo = await savePerson({ name: 'J Sullivan', roles: ['assessor'], assessorStatus: 'qualified', centre });
  const tia = await savePerson({ name: 'Tia Brown', roles: ['assessor'], assessorStatus: 'working-towards', centre });
  const morag = await savePerson({ name: 'Morag Ross', roles: ['witness'], jobTitle: 'Duty manager, Glen Parks' });
  const kenneth = await savePerson({ name: 'Kenneth Hay', roles: ['iqa'], centre });
  return { annie, jo, tia, morag, kenneth };
}

const OBSERVED = [el('F1', 'F1.1'), pc('F2', 'F2.1', 'F2.1.1'), pc('F2', 'F2.1', 'F2.1.2')];

/** The seed's worked observation record (form 10), filled in; it is in the index as the observation item. */
function saveObservationForm(p: string, spec: QualificationSpec, { annie, jo }: DemoPeople, day: string) {
  const data = {
    svqTitle: spec.title,
    unit: 'F2',
    elements: ['F2.1'],
    // A person field holds the name as written on the form.
    candidate: annie.name,
    date: day,
    activities:
      'Busy gate with a long queue, one colleague off sick and another called to the shop. A customer’s credit card was rejected: Annie asked them to wait in the office, paged her manager, and kept the queue moving with a friendly word to each visitor.',
    pcsCovered: OBSERVED.map((c) => c.criterionKey),
    otherUnits: 'A10 (handling a problem), C3 (working with colleagues)',
    feedback:
      'Calm and courteous under pressure; the customer with the rejected card was treated discreetly. Next time, tell the queue how long the wait will be.',
    performanceSatisfactory: true,
    assessorSignature: jo.name,
    assessorSignatureRole: 'Assessor',
    assessorSignatureAt: `${day}T15:10:00.000Z`,
    assessorDate: day,
    candidateSignature: annie.name,
    candidateSignatureRole: 'Candidate',
    candidateSignatureAt: `${day}T15:12:00.000Z`,
    candidateDate: day,
  };
  return saveForm({
    portfolioId: p,
    formType: 'observation',
    title: formTitle('observation', data),
    status: 'complete',
    data,
  });
}

/** The observation (on its form, with a photo) and the witness testimony of the same busy day; returns the testimony. */
async function saveBusyGateEvidence(p: string, spec: QualificationSpec, people: DemoPeople, day: string) {
  const { jo, morag } = people;
  const observationForm = await as(jo, day, () => saveObservationForm(p, spec, people, day), '15:10');
  await as(
    jo,
    day,
    () =>
      saveEvidence({
        evidence: {
          portfolioId: p,
          type: 'O',
          formId: observationForm.id,
          title: 'Busy gate: rejected card and a long queue',
          description:
            'Annie had a long queue of visitors waiting to enter the park, the temporary staff member was off sick, and her other team member had been called to help in the shop. One customer paid with a credit card that was rejected. Annie asked the customer to wait in the office, paged her manager to help, and dealt with the queue.',
          date: day,
          location: 'Main gate, Glen Parks',
          recordedBy: jo.id,
        },
        files: [{ name: 'gate-queue.png', type: 'image/png', blob: photo() }],
        criteria: [...OBSERVED, el('A10', 'A10.1'), el('C3', 'C3.1')],
        signature: sig(jo.name, 'Assessor', jo.id),
      }),
    '15:11',
  );
  return as(
    morag,
    day,
    () =>
      saveEvidence({
        evidence: {
          portfolioId: p,
          type: 'WT',
          title: 'Witness testimony: the rejected card',
          description:
            'Annie referred to me an issue with an upset customer whose credit card was rejected. I confirm this is the correct procedure for Annie to follow, and she handled the situation well.',
          date: day,
          location: 'Glen Parks',
          recordedBy: morag.id,
        },
        criteria: [pc('F2', 'F2.1', 'F2.1.3'), el('C3', 'C3.1'), el('C3', 'C3.2')],
        signature: sig(morag.name, 'Witness', morag.id),
      }),
    '16:30',
  );
}

/** A personal statement, a product and an old certificate: the candidate's own evidence. */
async function saveCandidateEvidence(p: string, { annie }: DemoPeople, dates: DemoDates) {
  await as(annie, dates.statement, () =>
    saveEvidence({
      evidence: {
        portfolioId: p,
        type: 'RA',
        title: 'Personal statement: knowing our visitors',
        description: 'How I identify our customers and what they expect, from families to school groups.',
        date: dates.statement,
        recordedBy: annie.id,
      },
      criteria: [el('F1', 'F1.1'), el('F1', 'F1.2'), pc('F2', 'F2.1', 'F2.1.4')],
    }),
  );
  // A certificate three years old, recorded early on: old enough for the currency check to flag it.
  await as(annie, dates.certificate, () =>
    saveEvidence({
      evidence: {
        portfolioId: p,
        type: 'RPL',
        title: 'Certificate from a previous job',
        description: 'Customer care certificate from a previous employer.',
        date: daysBefore(dates.certificate, 3 * 365),
        recordedBy: annie.id,
      },
      criteria: [el('D3', 'D3.1')],
    }),
  );
  await as(annie, dates.commentCards, () =>
    saveEvidence({
      evidence: {
        portfolioId: p,
        type: 'P',
        title: 'Customer comment cards',
        description: 'Summary of comment cards Annie collected and followed up.',
        date: dates.commentCards,
        recordedBy: annie.id,
      },
      criteria: [el('D2', 'D2.1'), el('B2', 'B2.1')],
    }),
  );
}

/** Questions asked by the assessor, and a simulated role play run by the trainee assessor. */
async function saveAssessorEvidence(p: string, { jo, tia }: DemoPeople, dates: DemoDates) {
  await as(jo, dates.questions, () =>
    saveEvidence({
      evidence: {
        portfolioId: p,
        type: 'Q&A',
        title: 'Questions on legislation',
        description: 'Oral questions on the Consumer Protection and data protection rules that apply at the gate.',
        date: dates.questions,
        recordedBy: jo.id,
      },
      criteria: [el('F2', 'F2.2'), pc('F2', 'F2.1', 'F2.1.5')],
      signature: sig(jo.name, 'Assessor', jo.id),
    }),
  );
  await as(tia, dates.rolePlay, () =>
    saveEvidence({
      evidence: {
        portfolioId: p,
        type: 'O',
        simulation: true,
        title: 'Role play: a complaint at the desk',
        description:
          'Role-played complaint in the training room, cross-referenced to C5, whose evidence must come from real work.',
        date: dates.rolePlay,
        recordedBy: tia.id,
      },
      criteria: [el('C3', 'C3.3'), el('C5', 'C5.1')],
    }),
  );
}

/** Four unit sign-offs (one countersigned the next day), each on its day by its assessor. */
async function signOffDemoUnits(p: string, { annie, jo, tia }: DemoPeople, dates: DemoDates) {
  const signOff = (assessor: Person, unitCode: string, date: string, withCandidate = false) =>
    as(
      assessor,
      date,
      () =>
        signOffUnit({
          portfolioId: p,
          unitCode,
          assessorId: assessor.id,
          date,
          signature: sig(assessor.name, 'Assessor', assessor.id),
          ...(withCandidate ? { candidateSignature: sig(annie.name, 'Candidate', annie.id) } : {}),
        }),
      '17:00',
    );
  await signOff(jo, 'F1', dates.busyGate, true);
  await signOff(jo, 'F2', dates.questions);
  const a10 = await signOff(tia, 'A10', dates.a10);
  await as(jo, daysBefore(dates.a10, -1), () => countersign(a10, jo.id, sig(jo.name, 'Assessor', jo.id)));
  await signOff(tia, 'C3', dates.c3);
}

/** The candidate's declaration, and the IQA's sample of the witness testimony (the index of evidence shows it). */
async function signDemoPortfolio(p: string, testimonyId: string, { annie, kenneth }: DemoPeople, dates: DemoDates) {
  await as(annie, dates.declaration, () =>
    signDeclaration(p, {
      ...sig(annie.name, 'Candidate', annie.id),
      statement: 'The evidence in this portfolio is my own work.',
    }),
  );
  await as(kenneth, dates.sample, () =>
    signEvidenceSample(p, testimonyId, sig(kenneth.name, 'Internal quality assurer', kenneth.id)),
  );
}

/** The demo, made in one click: a bulk load, so its saves commit relaxed (asBulkLoad). */
export function loadDemoPortfolio(): Promise<string> {
  return asBulkLoad(makeDemoPortfolio);
}

async function makeDemoPortfolio(): Promise<string> {
  const spec = await loadStoredSpec(SPEC.id, SPEC.version);
  if (!spec) throw new Error('The SVQ2 spec is not on this device yet: reload the app once while online.');
  const existing = (await listEnrolments()).find((e) => e.registrationNumber === 'DEMO-0001');
  if (existing) return existing.id;

  const today = todayIso();
  const dates = Object.fromEntries(
    Object.entries(DAYS_AGO).map(([moment, days]) => [moment, daysBefore(today, days)]),
  ) as DemoDates;
  // The people were added at the centre before the candidate started, by no one in particular.
  const people = await as(null, dates.start, demoPeople, '09:00');
  const { annie, jo, kenneth } = people;
  const enrolment = await as(jo, dates.start, () =>
    createEnrolment({
      candidateId: annie.id,
      specId: SPEC.id,
      specVersion: SPEC.version,
      route: SVQ2_DEMO_ROUTE,
      startDate: dates.start,
      assessorId: jo.id,
      iqaId: kenneth.id,
      centre: 'Glen Parks Training',
      registrationNumber: 'DEMO-0001',
    }),
  );
  const p = enrolment.id;
  await saveCandidateEvidence(p, people, dates);
  const testimony = await saveBusyGateEvidence(p, spec, people, dates.busyGate);
  await saveAssessorEvidence(p, people, dates);
  await signOffDemoUnits(p, people, dates);
  await signDemoPortfolio(p, testimony.id, people, dates);
  // The demo is shown from its assessor's side.
  await setActingPerson(jo.id);
  return p;
}
