import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import {
  auditLog,
  deleteEvidence,
  listPeople,
  loadPortfolio,
  saveEvidence,
  savePerson,
  updateEnrolment,
  updateEvidenceDetails,
} from '../../../src/storage';
import { StorageError } from '../../../src/storage/errors';
import { sha256Blob } from '../../../src/storage/hashing';
import { evidenceFields, personFields, svq2Portfolio } from '../factories';
// Not a React hook, whatever its name says: it installs the test clock around each test.
import { installTestClock } from '../clock';

installTestClock();

beforeEach(() => {
  setDatabase(new FieldfolioDB(`edit-test-${Math.random()}`));
});

const portfolio = () => svq2Portfolio();

const CRITERIA = [
  { unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' },
  { unitCode: 'A10', criterionKey: 'A10|pc|A10.1|A10.1' },
];

async function signedEvidence(portfolioId: string, assessorId: string) {
  return saveEvidence({
    evidence: evidenceFields(portfolioId, { location: 'Gate 3', recordedBy: assessorId }),
    files: [{ name: 'photo.jpg', type: 'image/jpeg', blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }) }],
    criteria: CRITERIA,
    signature: {
      typedName: 'Jo Assessor',
      role: 'assessor',
      personId: assessorId,
      image: 'data:image/png;base64,AAAA',
    },
  });
}

describe('updateEvidenceDetails', () => {
  it('changes the details and adds media, keeping existing media, criteria and signatures', async () => {
    const { enrolment, assessor } = await portfolio();
    const original = await signedEvidence(enrolment.id, assessor.id);
    const added = new Blob(['%PDF more'], { type: 'application/pdf' });

    const updated = await updateEvidenceDetails(
      enrolment.id,
      original.id,
      {
        title: 'Queue at gate 4',
        date: '2026-10-02',
        description: 'Dealt with a long queue',
        location: 'Gate 4',
        type: 'PD',
        simulation: true,
      },
      [{ name: 'notes.pdf', type: 'application/pdf', blob: added }],
    );

    expect(updated.rev).toBe(original.rev + 1);
    expect(updated.createdAt).toBe(original.createdAt);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence).toHaveLength(1);
    const e = data.evidence[0]!;
    expect([e.title, e.date, e.description, e.location, e.type, e.simulation]).toEqual([
      'Queue at gate 4',
      '2026-10-02',
      'Dealt with a long queue',
      'Gate 4',
      'PD',
      true,
    ]);
    expect(e.recordedBy).toBe(assessor.id);
    // Criteria are untouched; the original media id is still first, the new one follows.
    expect(e.criteria).toEqual(CRITERIA);
    expect(e.mediaIds).toHaveLength(2);
    expect(e.mediaIds[0]).toBe(original.mediaIds[0]);
    const newMedia = data.media.find((m) => m.id === e.mediaIds[1])!;
    expect(newMedia).toMatchObject({
      evidenceId: e.id,
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      size: added.size,
      sha256: await sha256Blob(added),
    });
    expect(await (await db().media.get(e.mediaIds[0]!))!.blob.text()).toBe('jpeg bytes');
    expect(await (await db().media.get(e.mediaIds[1]!))!.blob.text()).toBe('%PDF more');
    expect(data.signatures.filter((s) => s.subjectId === e.id)).toHaveLength(1);

    const log = await auditLog(enrolment.id);
    const entry = log.find((a) => a.recordType === 'evidence' && a.action === 'update')!;
    expect(entry.summary).toBe('changed title, date, description, location, type, simulation; +1 media');
  });

  it('with no files and only some fields given, changes just those', async () => {
    const { enrolment, assessor } = await portfolio();
    const original = await signedEvidence(enrolment.id, assessor.id);
    await updateEvidenceDetails(enrolment.id, original.id, { title: 'Renamed', description: undefined });
    const e = (await loadPortfolio(enrolment.id))!.evidence[0]!;
    expect(e.title).toBe('Renamed');
    expect(e.location).toBe('Gate 3');
    expect(e.mediaIds).toEqual(original.mediaIds);
    expect(e.criteria).toEqual(CRITERIA);
  });

  it('an invalid change is refused and leaves nothing behind (no orphan media)', async () => {
    const { enrolment, assessor } = await portfolio();
    const original = await signedEvidence(enrolment.id, assessor.id);
    await expect(
      updateEvidenceDetails(enrolment.id, original.id, { title: '' }, [
        { name: 'x.txt', type: 'text/plain', blob: new Blob(['x']) },
      ]),
    ).rejects.toMatchObject({ kind: 'validation' });
    await expect(updateEvidenceDetails(enrolment.id, original.id, { date: '2/10/2026' })).rejects.toBeInstanceOf(
      StorageError,
    );
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence[0]!.title).toBe('Queue at the gate');
    expect(data.evidence[0]!.rev).toBe(original.rev);
    expect(data.media).toHaveLength(1);
    expect(await db().media.count()).toBe(1);
  });

  it('refuses deleted evidence and evidence of another portfolio', async () => {
    const { enrolment, assessor } = await portfolio();
    const original = await signedEvidence(enrolment.id, assessor.id);
    await expect(updateEvidenceDetails('another-portfolio', original.id, { title: 'x' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await deleteEvidence(enrolment.id, original.id);
    await expect(
      updateEvidenceDetails(enrolment.id, original.id, { title: 'Back from the dead' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await db().evidence.get(original.id))!.deleted).toBe(true);
  });
});

describe('editing people and enrolments', () => {
  it('savePerson with an id edits that person in place: same record, fields not given kept, audited', async () => {
    const trainee = await savePerson({
      name: 'Sam Trainee',
      roles: ['assessor'],
      assessorStatus: 'working-towards',
      email: 'sam@example.org',
      centre: 'North',
    });
    const edited = await savePerson({
      id: trainee.id,
      name: 'Sam Trainee',
      roles: ['assessor', 'iqa'],
      assessorStatus: 'qualified',
      centre: 'North',
      registrationNumber: 'A123',
    });
    const people = await listPeople();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      id: trainee.id,
      roles: ['assessor', 'iqa'],
      assessorStatus: 'qualified',
      registrationNumber: 'A123',
      email: 'sam@example.org',
      createdAt: trainee.createdAt,
    });
    expect(edited.rev).toBe(2);
    const log = (await auditLog('people')).filter((a) => a.recordId === trainee.id);
    expect(log.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('updateEnrolment changes the route and people in one audited write, keeping the rest', async () => {
    const { enrolment, candidate } = await portfolio();
    const iqa = await savePerson(personFields({ name: 'Ida IQA', roles: ['iqa'] }));
    const newAssessor = await savePerson(
      personFields({ name: 'Max Assessor', roles: ['assessor'], assessorStatus: 'qualified' }),
    );
    const route = ['F1', 'F2', 'A10', 'B4', 'C3', 'D2', 'D3'];
    const updated = await updateEnrolment(
      enrolment,
      { route, assessorId: newAssessor.id, iqaId: iqa.id },
      'route +B4 −B2',
    );
    expect(updated.rev).toBe(2);
    const stored = (await loadPortfolio(enrolment.id))!.enrolment;
    expect(stored).toMatchObject({
      route,
      assessorId: newAssessor.id,
      iqaId: iqa.id,
      candidateId: candidate.id,
      startDate: '2026-09-01',
      specVersion: '1.0.0',
    });
    const log = await auditLog(enrolment.id);
    expect(log.filter((a) => a.recordType === 'enrolments').map((a) => [a.action, a.summary])).toContainEqual([
      'update',
      'route +B4 −B2',
    ]);
  });
});

describe('a recording form in the index of evidence', () => {
  it('its evidence item follows the form when the form is saved again: details, and criteria added, none lost', async () => {
    const { saveForm } = await import('../../../src/storage');
    const { enrolment } = await portfolio();
    const form = await saveForm({
      portfolioId: enrolment.id,
      formType: 'observation',
      title: 'Observation: gate',
      data: {},
      status: 'draft',
    });
    const evidence = await saveEvidence({
      evidence: {
        portfolioId: enrolment.id,
        type: 'O',
        title: 'Observation: gate',
        date: '2026-10-01',
        formId: form.id,
      },
      criteria: [CRITERIA[0]!],
    });
    // Mapped on the evidence itself, not named by the form: must survive the form's next save.
    const { setEvidenceMappings } = await import('../../../src/storage');
    await setEvidenceMappings(enrolment.id, evidence.id, [
      CRITERIA[0]!,
      { unitCode: 'B2', criterionKey: 'B2|pc|B2.1|B2.1' },
    ]);

    await saveForm(
      {
        id: form.id,
        portfolioId: enrolment.id,
        formType: 'observation',
        title: 'Observation: gate, busy day',
        data: { date: '2026-10-03' },
        status: 'complete',
      },
      {
        evidenceId: evidence.id,
        details: { title: 'Observation: gate, busy day', description: 'Queue handled', date: '2026-10-03' },
        criteria: [CRITERIA[1]!],
      },
    );
    const after = (await loadPortfolio(enrolment.id))!.evidence.find((e) => e.id === evidence.id)!;
    expect(after).toMatchObject({
      title: 'Observation: gate, busy day',
      description: 'Queue handled',
      date: '2026-10-03',
    });
    expect(after.criteria.map((c) => c.criterionKey).sort()).toEqual([
      'A10|pc|A10.1|A10.1',
      'B2|pc|B2.1|B2.1',
      'F1|pc|F1.1|F1.1',
    ]);
    expect((await auditLog(enrolment.id)).some((a) => a.summary === 'follows its observation form')).toBe(true);
  });
});

it('a record that fails validation is refused with a readable message, not zod JSON', async () => {
  const { enrolment } = await portfolio();
  const e = await saveEvidence({
    evidence: { portfolioId: enrolment.id, type: 'O', title: 'x', date: '1 Oct 2026' },
  }).catch((err: Error) => err);
  expect(e).toBeInstanceOf(StorageError);
  expect((e as Error).message).toBe('the evidence was not saved: date: date must be YYYY-MM-DD.');
});

it('an internal quality assurer signs an item as sampled: the index of evidence shows who and when', async () => {
  const { signEvidenceSample, storeSpecs } = await import('../../../src/storage');
  const { buildIndexOfEvidence } = await import('../../../src/domain');
  const { loadSpec } = await import('../domain/loadSpecs');
  const spec = loadSpec('svq2-customer-service-scqf5');
  await storeSpecs([spec], 'bundled');
  const { enrolment } = await portfolio();
  const iqa = await savePerson(personFields({ name: 'Ivy Quality', roles: ['iqa'] }));
  const e = await saveEvidence({ evidence: evidenceFields(enrolment.id, { type: 'P', title: 'Comment cards' }) });
  const before = buildIndexOfEvidence((await loadPortfolio(enrolment.id))!, spec).rows.find(
    (r) => r.evidenceId === e.id,
  )!;
  expect(before.ivSampling).toBe('');
  await signEvidenceSample(enrolment.id, e.id, {
    typedName: 'Ivy Quality',
    role: 'Internal quality assurer',
    personId: iqa.id,
    image: '',
  });
  const after = buildIndexOfEvidence((await loadPortfolio(enrolment.id))!, spec).rows.find(
    (r) => r.evidenceId === e.id,
  )!;
  expect(after.ivSampling).toMatch(/^Ivy Quality \S+/);
  await expect(
    signEvidenceSample(enrolment.id, 'no-such-evidence', {
      typedName: 'Ivy Quality',
      role: 'Internal quality assurer',
      personId: iqa.id,
      image: '',
    }),
  ).rejects.toThrow(/no longer exists/);
});
