// A demo portfolio so a newcomer sees the product working in one click: a candidate on the SVQ2 in
// Customer Service (the route of the seed's worked form 6), with evidence drawn from the seed's worked
// examples, criteria mappings, signatures and a few signed-off units.
import { criterionKey, type Person, type QualificationSpec } from '../domain';
import { setActingPerson } from './device';
import { createEnrolment, listEnrolments } from './enrolments';
import { saveEvidence, signEvidenceSample } from './evidence';
import { saveForm } from './forms';
import { savePerson } from './people';
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
function saveObservationForm(p: string, spec: QualificationSpec, { annie }: DemoPeople) {
  return saveForm({
    portfolioId: p,
    formType: 'observation',
    title: 'Observation record: F2 — 2026-06-03',
    status: 'complete',
    data: {
      svqTitle: spec.title,
      unit: 'F2',
      elements: ['F2.1'],
      candidate: annie.id,
      date: '2026-06-03',
      activities:
        'Busy gate with a long queue, one colleague off sick and another called to the shop. A customer’s credit card was rejected: Annie asked them to wait in the office, paged her manager, and kept the queue moving with a friendly word to each visitor.',
      pcsCovered: OBSERVED.map((c) => c.criterionKey),
      otherUnits: 'A10 (handling a problem), C3 (working with colleagues)',
      feedback:
        'Calm and courteous under pressure; the customer with the rejected card was treated discreetly. Next time, tell the queue how long the wait will be.',
      performanceSatisfactory: true,
      assessorSignature: 'J Sullivan',
      assessorSignatureRole: 'Assessor',
      assessorSignatureAt: '2026-06-03T15:10:00.000Z',
      assessorDate: '2026-06-03',
      candidateSignature: 'Annie Macleod',
      candidateSignatureRole: 'Candidate',
      candidateSignatureAt: '2026-06-03T15:12:00.000Z',
      candidateDate: '2026-06-03',
    },
  });
}

/** The observation (on its form, with a photo) and the witness testimony of the same busy day; returns the testimony. */
async function saveBusyGateEvidence(p: string, formId: string, { jo, morag }: DemoPeople) {
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'O',
      formId,
      title: 'Busy gate: rejected card and a long queue',
      description:
        'Annie had a long queue of visitors waiting to enter the park, the temporary staff member was off sick, and her other team member had been called to help in the shop. One customer paid with a credit card that was rejected. Annie asked the customer to wait in the office, paged her manager to help, and dealt with the queue.',
      date: '2026-06-03',
      location: 'Main gate, Glen Parks',
      recordedBy: jo.id,
    },
    files: [{ name: 'gate-queue.png', type: 'image/png', blob: photo() }],
    criteria: [...OBSERVED, el('A10', 'A10.1'), el('C3', 'C3.1')],
    signature: sig('J Sullivan', 'Assessor', jo.id),
  });
  return saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'WT',
      title: 'Witness testimony: the rejected card',
      description:
        'Annie referred to me an issue with an upset customer whose credit card was rejected. I confirm this is the correct procedure for Annie to follow, and she handled the situation well.',
      date: '2026-06-03',
      location: 'Glen Parks',
      recordedBy: morag.id,
    },
    criteria: [pc('F2', 'F2.1', 'F2.1.3'), el('C3', 'C3.1'), el('C3', 'C3.2')],
    signature: sig('Morag Ross', 'Witness', morag.id),
  });
}

/** A personal statement, questions, a product, an old RPL certificate and a simulated role play. */
async function saveOtherEvidence(p: string, { annie, jo, tia }: DemoPeople) {
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'RA',
      title: 'Personal statement: knowing our visitors',
      description: 'How I identify our customers and what they expect, from families to school groups.',
      date: '2026-05-12',
      recordedBy: annie.id,
    },
    criteria: [el('F1', 'F1.1'), el('F1', 'F1.2'), pc('F2', 'F2.1', 'F2.1.4')],
  });
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'Q&A',
      title: 'Questions on legislation',
      description: 'Oral questions on the Consumer Protection and data protection rules that apply at the gate.',
      date: '2026-06-10',
      recordedBy: jo.id,
    },
    criteria: [el('F2', 'F2.2'), pc('F2', 'F2.1', 'F2.1.5')],
    signature: sig('J Sullivan', 'Assessor', jo.id),
  });
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'P',
      title: 'Customer comment cards (May)',
      description: 'Summary of comment cards Annie collected and followed up.',
      date: '2026-05-31',
      recordedBy: annie.id,
    },
    criteria: [el('D2', 'D2.1'), el('B2', 'B2.1')],
  });
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'RPL',
      title: 'Certificate from a previous job',
      description: 'Customer care certificate from a previous employer.',
      date: '2023-04-20',
      recordedBy: annie.id,
    },
    criteria: [el('D3', 'D3.1')],
  });
  await saveEvidence({
    evidence: {
      portfolioId: p,
      type: 'O',
      simulation: true,
      title: 'Role play: a complaint at the desk',
      description:
        'Role-played complaint in the training room, cross-referenced to C5, whose evidence must come from real work.',
      date: '2026-07-01',
      recordedBy: tia.id,
    },
    criteria: [el('C3', 'C3.3'), el('C5', 'C5.1')],
  });
}

/** The declaration, the IQA's sample of the testimony, and four unit sign-offs (one countersigned). */
async function signDemoPortfolio(p: string, testimonyId: string, { annie, jo, tia, kenneth }: DemoPeople) {
  await signDeclaration(p, {
    ...sig('Annie Macleod', 'Candidate', annie.id),
    statement: 'The evidence in this portfolio is my own work.',
  });
  // The centre's IQA has sampled the witness testimony: the index of evidence shows it.
  await signEvidenceSample(p, testimonyId, sig('Kenneth Hay', 'Internal quality assurer', kenneth.id));
  await signOffUnit({
    portfolioId: p,
    unitCode: 'F1',
    assessorId: jo.id,
    date: '2026-06-03',
    signature: sig('J Sullivan', 'Assessor', jo.id),
    candidateSignature: sig('Annie Macleod', 'Candidate', annie.id),
  });
  await signOffUnit({
    portfolioId: p,
    unitCode: 'F2',
    assessorId: jo.id,
    date: '2026-06-10',
    signature: sig('J Sullivan', 'Assessor', jo.id),
  });
  const a10 = await signOffUnit({
    portfolioId: p,
    unitCode: 'A10',
    assessorId: tia.id,
    date: '2026-06-24',
    signature: sig('Tia Brown', 'Assessor', tia.id),
  });
  await countersign(a10, jo.id, sig('J Sullivan', 'Assessor', jo.id));
  await signOffUnit({
    portfolioId: p,
    unitCode: 'C3',
    assessorId: tia.id,
    date: '2026-07-29',
    signature: sig('Tia Brown', 'Assessor', tia.id),
  });
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

  const people = await demoPeople();
  await setActingPerson(people.jo.id);
  const enrolment = await createEnrolment({
    candidateId: people.annie.id,
    specId: SPEC.id,
    specVersion: SPEC.version,
    route: SVQ2_DEMO_ROUTE,
    startDate: '2026-03-02',
    assessorId: people.jo.id,
    iqaId: people.kenneth.id,
    centre: 'Glen Parks Training',
    registrationNumber: 'DEMO-0001',
  });
  const p = enrolment.id;
  const observationForm = await saveObservationForm(p, spec, people);
  const testimony = await saveBusyGateEvidence(p, observationForm.id, people);
  await saveOtherEvidence(p, people);
  await signDemoPortfolio(p, testimony.id, people);
  return p;
}
