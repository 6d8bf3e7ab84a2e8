// The demo portfolio is as real as a user's: names where a form names a person, each audit entry credited to the
// person who did it, and every date (forms, signatures, evidence, audit) on the day it happened, relative to today.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import {
  actingPersonId,
  auditLog,
  listPeople,
  loadDemoPortfolio,
  loadPortfolio,
  storeSpecs,
} from '../../../src/storage';
import { installTestClock } from '../clock';
import { loadSpec } from '../domain/loadSpecs';

// A clock years after the seeds' dates: nothing in the demo may be fixed to a calendar year.
const clock = installTestClock('2031-03-10T08:00:00.000Z');

beforeEach(async () => {
  setDatabase(new FieldfolioDB(`demo-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
});

const day = (iso: string) => iso.slice(0, 10);

async function demo() {
  const id = await loadDemoPortfolio();
  const data = (await loadPortfolio(id))!;
  const people = await listPeople();
  const byName = (name: string) => people.find((p) => p.name === name)!;
  return { id, data, people, byName, audit: await auditLog(id, 1000) };
}

describe('the demo portfolio', () => {
  it('names the candidate on its observation record, never a record id', async () => {
    const { data, people } = await demo();
    const observation = data.forms.find((f) => f.formType === 'observation')!;
    expect(observation.data.candidate).toBe('Annie Macleod');
    const ids = new Set([...people.map((p) => p.id), data.enrolment.id]);
    const values = Object.values(observation.data).flat();
    expect(values.filter((v) => typeof v === 'string' && ids.has(v))).toEqual([]);
  });

  it('credits each audit entry to the person who did it', async () => {
    const { data, audit, byName } = await demo();
    const actors = new Set(audit.map((a) => a.actorId));
    expect(actors.size).toBeGreaterThanOrEqual(5);
    for (const e of data.evidence) {
      const created = audit.find((a) => a.recordType === 'evidence' && a.recordId === e.id && a.action === 'create')!;
      expect(created.actorId).toBe(e.recordedBy);
    }
    const declaration = data.signatures.find((s) => s.purpose === 'declaration')!;
    expect(audit.find((a) => a.recordId === declaration.id)!.actorId).toBe(byName('Annie Macleod').id);
    for (const d of data.decisions.filter((x) => x.kind === 'unit-signoff')) {
      expect(audit.find((a) => a.recordId === d.id && a.action === 'sign-off')!.actorId).toBe(d.assessorId);
    }
    // Shown from the assessor's side afterwards.
    expect(await actingPersonId()).toBe(byName('J Sullivan').id);
  });

  it('dates forms, signatures, evidence and the audit log consistently, in the months before today', async () => {
    const today = day(clock.current.peek());
    const { data, audit } = await demo();
    const { enrolment } = data;
    expect(enrolment.startDate < today).toBe(true);
    expect(enrolment.startDate >= '2030-09-01').toBe(true);
    // Each record was made on its own day: its audit entries and stamps say the same.
    for (const e of data.evidence) {
      if (e.type !== 'RPL') expect(day(e.createdAt)).toBe(e.date);
      expect(audit.filter((a) => a.recordId === e.id).map((a) => day(a.at))).toContain(day(e.createdAt));
    }
    for (const s of data.signatures) {
      expect(day(s.signedAt) >= enrolment.startDate && day(s.signedAt) <= today).toBe(true);
      const subject =
        data.evidence.find((e) => e.id === s.subjectId) ?? data.decisions.find((d) => d.id === s.subjectId);
      if (s.purpose === 'evidence' && s.role !== 'Internal quality assurer') {
        expect(day(s.signedAt)).toBe((subject as { date: string }).date);
      }
      if (s.purpose === 'unit-signoff' || s.purpose === 'candidate-signoff') {
        expect(day(s.signedAt)).toBe((subject as { date: string }).date);
      }
    }
    const observation = data.forms.find((f) => f.formType === 'observation')!;
    const d = observation.data as Record<string, string>;
    const date = d.date!;
    expect([d.assessorDate, d.candidateDate, day(d.assessorSignatureAt!), day(observation.createdAt)]).toEqual([
      date,
      date,
      date,
      date,
    ]);
    expect(observation.title).toContain(`${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`);
    // Nothing in the log is dated after today, or on the day the demo was loaded but its people.
    expect(audit.every((a) => day(a.at) <= today)).toBe(true);
    expect(audit.filter((a) => day(a.at) === today)).toEqual([]);
    expect(await db().audit.count()).toBeGreaterThan(audit.length - 1);
  });
});
