// Runs inside Chromium (see tests/bench/caseload.bench.ts): loads an assessor's full caseload into the app's own
// database — 60 candidates × 300 evidence items, each portfolio with sign-offs and a declaration — with the storage
// layer's bulk helpers (validated, 2,500 rows a transaction), and makes the assessor the acting person.
import {
  criterionKey,
  freshMeta,
  unitCriteria,
  type Decision,
  type Enrolment,
  type Evidence,
  type Person,
  type Signature,
} from '../../../src/domain';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import { bulkPutRecords } from '../../../src/storage/bulk';
import { validRecords } from '../../../src/storage/read';
import { deviceId, setActingPerson, storeSpecs } from '../../../src/storage';
import { loadBundledSpecs } from '../../../src/ui/data/bundledSpecs';

let device = 'bench';
const meta = (at = new Date().toISOString()) => freshMeta(crypto.randomUUID(), device, at);

const person = (name: string, roles: Person['roles'], assessorStatus: Person['assessorStatus']): Person => ({
  ...meta(),
  name,
  roles,
  centre: 'Bench Centre',
  registrationNumber: '',
  jobTitle: '',
  assessorStatus,
  email: '',
  iqaStatus: 'not-applicable',
  staffSince: null,
  earlierDisagreements: 0,
  sites: [],
});

const SPEC_IDS = ['vtct-l3-dip-customer-service', 'svq2-customer-service-scqf5', 'svq3-customer-service-scqf6'];

declare global {
  interface Window {
    loadCaseload: (candidates: number, itemsEach: number) => Promise<{ ms: number; evidence: number }>;
    forgetSummaries: () => Promise<number>;
  }
}

window.loadCaseload = async (candidates, itemsEach) => {
  const t = performance.now();
  const database = new FieldfolioDB('fieldfolio');
  setDatabase(database);
  await database.delete();
  await database.open();
  const { specs } = await loadBundledSpecs();
  const used = SPEC_IDS.map((id) => specs.find((s) => s.id === id)!);
  await storeSpecs(specs, 'bundled');
  device = await deviceId();
  const assessor = person('Bench Assessor', ['assessor'], 'qualified');
  const people: Person[] = [assessor];
  const enrolments: Enrolment[] = [];
  const evidence: Evidence[] = [];
  const decisions: Decision[] = [];
  const signatures: Signature[] = [];
  for (let c = 0; c < candidates; c++) {
    const spec = used[c % used.length]!;
    const candidate = person(`Candidate ${String(c + 1).padStart(2, '0')}`, ['candidate'], 'not-applicable');
    people.push(candidate);
    const route = spec.units.filter((u) => u.group === 'M' || u.group === 'F' || u.group === 'A').map((u) => u.code);
    const enrolment: Enrolment = {
      ...meta(),
      candidateId: candidate.id,
      specId: spec.id,
      specVersion: spec.version,
      route,
      startDate: '2025-09-01',
      assessorId: assessor.id,
      iqaId: null,
      centre: 'Bench Centre',
      registrationNumber: '',
      site: '',
    };
    enrolments.push(enrolment);
    const refs = spec.units.filter((u) => route.includes(u.code)).flatMap((u) => unitCriteria(u));
    for (let i = 0; i < itemsEach; i++) {
      evidence.push({
        ...meta(),
        portfolioId: enrolment.id,
        type: 'O',
        simulation: i % 97 === 5,
        title: `Observation ${i + 1}`,
        description: 'Observed the candidate dealing with a customer query at the counter, following the procedure.',
        date: `202${5 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((c % 27) + 1).padStart(2, '0')}`,
        location: 'Counter',
        recordedBy: assessor.id,
        mediaIds: [],
        formId: null,
        criteria: [0, 1, 2].map((j) => {
          const ref = refs[(i * 3 + j + c) % refs.length]!;
          return { unitCode: ref.unitCode, criterionKey: criterionKey(ref.unitCode, ref.kind, ref.id, ref.outcomeId) };
        }),
      });
    }
    for (const unitCode of route.slice(0, c % 4)) {
      decisions.push({
        ...meta(),
        portfolioId: enrolment.id,
        kind: 'unit-signoff',
        unitCode,
        criterionKey: null,
        outcome: 'met',
        assessorId: assessor.id,
        date: '2026-03-01',
        comments: '',
        signatureId: null,
        countersignedBy: null,
        countersignatureId: null,
        candidateSignatureId: null,
      });
    }
    if (c % 3 !== 0) {
      signatures.push({
        ...meta(),
        portfolioId: enrolment.id,
        personId: candidate.id,
        typedName: candidate.name,
        role: 'Candidate',
        signedAt: new Date().toISOString(),
        purpose: 'declaration',
        subjectId: enrolment.id,
        image: '',
        statement: '',
      });
    }
  }
  await bulkPutRecords('people', people);
  await bulkPutRecords('enrolments', enrolments);
  await bulkPutRecords('evidence', evidence);
  await bulkPutRecords('decisions', decisions);
  await bulkPutRecords('signatures', signatures);
  await setActingPerson(assessor.id);
  database.close();
  return { ms: performance.now() - t, evidence: evidence.length };
};

/** Drops every stored caseload summary: the next home screen works them all out again (the cold case). */
window.forgetSummaries = async () => {
  setDatabase(new FieldfolioDB('fieldfolio'));
  const n = await db().settings.where('key').equals('caseloadSummaries').delete();
  db().close();
  return n;
};

/** The caseload's read alone (no React, no app start), and its parts: median of `runs`, in ms. */
(window as unknown as Record<string, unknown>).timeCaseloadQuery = async (runs = 7) => {
  const { loadCaseload, todayIso } = await import('../../../src/storage');
  const { portfolioSummarySchema, readSummary } = await import('../../../src/domain');
  setDatabase(new FieldfolioDB('fieldfolio'));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const timed = async (f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f();
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  const ids = (await db().enrolments.toCollection().primaryKeys()) as string[];
  const cache = (await db().settings.get('caseloadSummaries'))?.value as {
    summaries: Record<string, { summary: unknown }>;
  };
  const summaries = Object.values(cache.summaries).map((s) => s.summary);
  // First, on this fresh page: the people and enrolments validated for the first time (what a page load pays),
  // then the caseload's first read.
  const rows = await Promise.all([db().people.toArray(), db().enrolments.toArray()]);
  let t = performance.now();
  validRecords('people', rows[0], []);
  validRecords('enrolments', rows[1], []);
  const firstValidation = performance.now() - t;
  t = performance.now();
  // A caseload read that had to read portfolios' stamps one by one hands back a check to confirm; none: it did not.
  const firstRead = await loadCaseload(todayIso());
  const firstCaseload = performance.now() - t;
  const stampsRead = firstRead.confirm === null ? 0 : 1;
  const result = {
    firstValidation,
    firstCaseload,
    stampsRead,
    caseload: await timed(() => loadCaseload(todayIso())),
    peopleAndEnrolments: await timed(() => Promise.all([db().people.toArray(), db().enrolments.toArray()])),
    deviceStamp: await timed(() =>
      db().transaction('r', ['changes', 'specs'], () =>
        Promise.all([db().changes.orderBy('seq').lastKey(), db().specs.count()]),
      ),
    ),
    portfolioStamps: await timed(() =>
      db().transaction('r', ['changes'], () =>
        Promise.all(
          ids.map((id) =>
            db().changes.where('[portfolioId+seq]').between([id, 0], [id, Infinity], true, true).lastKey(),
          ),
        ),
      ),
    ),
    summaries: await timed(() => db().settings.get('caseloadSummaries')),
    fieldCheck: await timed(async () => summaries.forEach((s) => readSummary(s))),
    schemaCheck: await timed(async () => summaries.forEach((s) => portfolioSummarySchema.parse(s))),
  };
  db().close();
  return result;
};

document.getElementById('status')!.textContent = 'ready';
