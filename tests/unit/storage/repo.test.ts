import 'fake-indexeddb/auto';
import type Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import {
  deleteEvidence,
  loadPortfolio,
  saveEvidence,
  savePerson,
  signOffUnit,
  countersign,
  saveDraft,
  loadDraft,
  auditLog,
  deviceId,
} from '../../../src/storage';
import { StorageError } from '../../../src/storage/errors';
import { sha256Blob } from '../../../src/storage/hashing';
import { computeProgress } from '../../../src/domain';
import { evidenceNumbers } from '../../../src/domain';
import { loadSpec } from '../domain/loadSpecs';
import { evidenceFields, personFields, svq2Portfolio } from '../factories';
// Not a React hook, whatever its name says: it installs the test clock around each test.
import { installTestClock } from '../clock';
import { onEachWrite, useOnStrictConnection } from '../writeWatch';
import {
  oldEnrolment,
  oldEvidence,
  oldMedia,
  oldPerson,
  openOldDatabase,
  upgradeToCurrent,
  v1Evidence,
  v3Meta,
} from './oldDatabases';

installTestClock();

let name: string;
beforeEach(() => {
  name = `test-${Math.random()}`;
  setDatabase(new FieldfolioDB(name));
});

const portfolio = () => svq2Portfolio();

const blob = (text: string, type = 'image/jpeg') => new Blob([text], { type });

describe('storage', () => {
  it('saves evidence, media, mappings and signature together, and reads them back validated', async () => {
    const { enrolment, assessor } = await portfolio();
    const evidence = await saveEvidence({
      evidence: {
        portfolioId: enrolment.id,
        type: 'O',
        title: 'Queue at the gate',
        date: '2026-10-01',
        recordedBy: assessor.id,
      },
      files: [{ name: 'photo.jpg', type: 'image/jpeg', blob: blob('jpeg bytes') }],
      criteria: [
        { unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' },
        { unitCode: 'A10', criterionKey: 'A10|pc|A10.1|A10.1' },
      ],
      signature: {
        typedName: 'Jo Assessor',
        role: 'assessor',
        personId: assessor.id,
        image: 'data:image/png;base64,AAAA',
      },
    });
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence.map((e) => e.title)).toEqual(['Queue at the gate']);
    expect(data.evidence[0]!.simulation).toBe(false);
    expect(data.media).toHaveLength(1);
    expect(data.media[0]!.sha256).toBe(await sha256Blob(blob('jpeg bytes')));
    expect(data.mappings.map((m) => m.unitCode).sort()).toEqual(['A10', 'F1']);
    expect(data.signatures.map((s) => s.subjectId)).toEqual([evidence.id]);
    expect(data.evidence[0]!.rev).toBe(1);
    expect(data.evidence[0]!.deviceId).toMatch(/[0-9a-f-]{36}/);
    // The blob is stored whole.
    const stored = await db().media.get(data.media[0]!.id);
    expect(await stored!.blob.text()).toBe('jpeg bytes');
  });

  it('a failed write inside the transaction leaves nothing behind', async () => {
    const { enrolment } = await portfolio();
    await expect(
      saveEvidence({
        evidence: { portfolioId: enrolment.id, type: 'O', title: 'Half saved?', date: '2026-10-01' },
        files: [{ name: 'a.jpg', type: 'image/jpeg', blob: blob('x') }],
        // An invalid mapping (empty criterion key) fails validation after media and evidence were put.
        criteria: [{ unitCode: 'F1', criterionKey: '' }],
      }),
    ).rejects.toBeInstanceOf(StorageError);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence).toEqual([]);
    expect(data.media).toEqual([]);
    expect(await db().media.count()).toBe(0);
  });

  it('a full disk gives a clear message and keeps what was stored', async () => {
    const { enrolment } = await portfolio();
    await saveEvidence({ evidence: evidenceFields(enrolment.id, { type: 'P', title: 'Kept' }) });
    // Simulate the browser's quota failure at the lowest layer, the way Chromium reports it, on the connection
    // saves commit through (strict durability).
    await useOnStrictConnection(
      onEachWrite('full-disk', (tableName) => {
        if (tableName === 'media') {
          const inner = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          throw Object.assign(new DOMException('Transaction aborted', 'AbortError'), { inner });
        }
      }),
    );
    const attempt = saveEvidence({
      evidence: { portfolioId: enrolment.id, type: 'O', title: 'Big video', date: '2026-10-02' },
      files: [{ name: 'v.mp4', type: 'video/mp4', blob: blob('video', 'video/mp4') }],
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'quota' });
    await expect(attempt).rejects.toThrow(/out of storage space.*not saved.*intact/);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence.map((e) => e.title)).toEqual(['Kept']);
  });

  it('deletion is a tombstone: the record stays, marked deleted, with its media', async () => {
    const { enrolment } = await portfolio();
    const e = await saveEvidence({
      evidence: { portfolioId: enrolment.id, type: 'O', title: 'Gone', date: '2026-10-01' },
      files: [{ name: 'a.jpg', type: 'image/jpeg', blob: blob('x') }],
      criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
    });
    await deleteEvidence(enrolment.id, e.id);
    expect((await loadPortfolio(enrolment.id))!.evidence).toEqual([]);
    const raw = await db().evidence.get(e.id);
    expect(raw).toMatchObject({ deleted: true, rev: 2 });
    expect((await db().media.toArray()).every((m) => m.deleted)).toBe(true);
    expect((await loadPortfolio(enrolment.id))!.mappings).toEqual([]);
    const actions = (await auditLog(enrolment.id)).map((a) => `${a.action} ${a.recordType}`);
    expect(actions).toContain('delete evidence');
    expect(actions).toContain('create evidence');
    // The portfolio's log starts with its own creation, filed under its id.
    expect(actions).toContain('create enrolments');
  });

  it('loads deleted evidence as tombstones, so evidence index numbers survive a deletion and a back-dated item', async () => {
    const { enrolment } = await portfolio();
    // The test clock moves on with every write: each item is recorded a moment after the one before.
    const record = (title: string, date: string, type: 'O' | 'RPL' = 'O') =>
      saveEvidence({ evidence: evidenceFields(enrolment.id, { type, title, date }) });
    const first = await record('First', '2026-10-01');
    const second = await record('Second', '2026-10-02');
    const third = await record('Third', '2026-10-03');
    const before = evidenceNumbers((await loadPortfolio(enrolment.id))!);
    expect([first.id, second.id, third.id].map((id) => before.get(id))).toEqual([1, 2, 3]);

    const backDated = await record('Old certificate', '2020-01-01', 'RPL');
    await deleteEvidence(enrolment.id, second.id);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.evidence.map((e) => e.title).sort()).toEqual(['First', 'Old certificate', 'Third']);
    expect(data.evidenceTombstones).toEqual([{ id: second.id, createdAt: second.createdAt }]);
    const after = evidenceNumbers(data);
    expect([first.id, third.id, backDated.id].map((id) => after.get(id))).toEqual([1, 3, 4]);
  });

  it('unit sign-off by an assessor working towards the award counts only once countersigned', async () => {
    const spec = loadSpec('svq2-customer-service-scqf5');
    const { enrolment } = await portfolio();
    const trainee = await savePerson(
      personFields({ name: 'Tia Trainee', roles: ['assessor'], assessorStatus: 'working-towards' }),
    );
    const qualified = await savePerson(
      personFields({ name: 'Quinn Qualified', roles: ['assessor'], assessorStatus: 'qualified' }),
    );
    const sig = { typedName: 'Tia Trainee', role: 'assessor', personId: trainee.id, image: '' };
    const decision = await signOffUnit({
      portfolioId: enrolment.id,
      unitCode: 'F1',
      assessorId: trainee.id,
      date: '2026-10-05',
      signature: sig,
    });
    let data = (await loadPortfolio(enrolment.id))!;
    let progress = computeProgress(spec, data, '2026-11-26');
    expect(progress.achievedUnits).toEqual([]);
    expect(progress.flags.some((f) => f.kind === 'countersign' && f.unitCode === 'F1')).toBe(true);
    await countersign(decision, qualified.id, { ...sig, typedName: 'Quinn Qualified', personId: qualified.id });
    data = (await loadPortfolio(enrolment.id))!;
    progress = computeProgress(spec, data, '2026-11-26');
    expect(progress.achievedUnits).toEqual(['F1']);
    expect(progress.flags.some((f) => f.kind === 'countersign')).toBe(false);
  });

  it('drafts survive a reopen of the database', async () => {
    await saveDraft('form:abc', { observation: 'Annie greeted the customer' });
    db().close();
    setDatabase(new FieldfolioDB(name));
    expect(await loadDraft('form:abc')).toEqual({ observation: 'Annie greeted the customer' });
  });

  it('a record that fails validation when read back is reported, not dropped silently', async () => {
    const { enrolment } = await portfolio();
    await db().evidence.put({ id: 'broken', portfolioId: enrolment.id, type: 'XYZ' } as never);
    const data = (await loadPortfolio(enrolment.id))!;
    expect(data.problems).toHaveLength(1);
    expect(data.problems[0]).toMatch(/^evidence broken: /);
  });
});

/** Opens a database an older version wrote, as the app does, and reads its portfolio back without problems. */
async function openUpgraded(old: Dexie) {
  const upgraded = await upgradeToCurrent(old);
  const data = (await loadPortfolio('e1'))!;
  expect(data.problems).toEqual([]);
  return { upgraded, data };
}

describe('migration from schema version 1', () => {
  it('opens a database written by version 1 and loses nothing', async () => {
    const v1 = await openOldDatabase(1);
    const at = '2025-01-02T03:04:05.000Z';
    const common = { createdAt: at, updatedAt: at, rev: 3, deviceId: 'old-device', deleted: false };
    await v1.table('people').put({ id: 'p1', ...common, name: 'Old Candidate', role: 'candidate', shoeSize: 9 });
    await v1.table('enrolments').put(oldEnrolment(common, { startDate: '2025-01-01' }));
    await v1.table('evidence').put(v1Evidence(common, { title: 'Old observation', date: '2025-01-01' }));
    await v1.table('media').put(oldMedia(common));
    const mapping = { ...common, portfolioId: 'e1', evidenceId: 'ev1', unitCode: 'F1' };
    await v1.table('mappings').put({ id: 'map1', ...mapping, criterionKey: 'F1|pc|F1.1|F1.1' });
    await v1.table('mappings').put({ id: 'map2', ...mapping, deleted: true, criterionKey: 'F1|pc|F1.2|F1.2' });
    await v1.table('drafts').put({ key: 'form:x', data: { a: 1 }, updatedAt: at });

    const { upgraded, data } = await openUpgraded(v1);
    expect(data.people.find((p) => p.id === 'p1')).toMatchObject({
      roles: ['candidate'],
      name: 'Old Candidate',
      shoeSize: 9,
      rev: 3,
    });
    expect(data.evidence).toEqual([
      expect.objectContaining({
        id: 'ev1',
        simulation: false,
        title: 'Old observation',
        schemaVersion: 3,
        clock: { 'before-v3': 3 },
      }),
    ]);
    expect(data.mappings).toHaveLength(1);
    expect(await (await upgraded.media.get('m1'))!.blob.text()).toBe('png');
    expect(await loadDraft('form:x')).toEqual({ a: 1 });
    // v1's mapping rows now live on their evidence; the indexes of v2 work on migrated rows.
    expect(data.evidence[0]!.criteria).toEqual([{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }]);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('mappings');
    expect(await upgraded.evidence.where('portfolioId').equals('e1').count()).toBe(1);
  });
});

describe('migration from schema version 2', () => {
  it('gives every record a version vector from its revision, so merges order old records as before', async () => {
    const v2 = await openOldDatabase(2);
    const at = '2026-01-02T03:04:05.000Z';
    const common = { createdAt: at, updatedAt: at, rev: 4, deviceId: 'old-device', deleted: false, schemaVersion: 2 };
    await v2.table('people').put(oldPerson(common, { futureField: 'kept' }));
    await v2.table('enrolments').put(oldEnrolment(common));
    const criteria = [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }];
    await v2.table('evidence').put(oldEvidence(common, { simulation: true, criteria }));
    await v2.table('media').put(oldMedia(common, { name: 'a.png', sha256: 'b'.repeat(64) }));

    const { upgraded, data } = await openUpgraded(v2);
    expect(data.people[0]).toMatchObject({
      name: 'Cand',
      futureField: 'kept',
      rev: 4,
      clock: { 'before-v3': 4 },
      schemaVersion: 3,
    });
    expect(data.evidence[0]).toMatchObject({
      title: 'Observed',
      simulation: true,
      criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
      clock: { 'before-v3': 4 },
    });
    expect(await (await upgraded.media.get('m1'))!.blob.text()).toBe('png');
    // The next change on this device supersedes the old version.
    const edited = await savePerson({ id: 'p1', name: 'Cand Edited', roles: ['candidate'] });
    expect(edited.clock).toEqual({ 'before-v3': 4, [await deviceId()]: 1 });
    expect(edited.rev).toBe(5);
  });
});

describe('migration from schema version 3', () => {
  it('adds the trust tables and keeps every record as it was', async () => {
    const v3 = await openOldDatabase(3);
    await v3.table('people').put(oldPerson(v3Meta(2)));
    await v3.table('enrolments').put(oldEnrolment(v3Meta(2)));
    const stored = oldEvidence(v3Meta(2));
    await v3.table('evidence').put(stored);

    const { upgraded, data } = await openUpgraded(v3);
    expect(await upgraded.evidence.get('ev1')).toEqual(stored);
    expect(data.evidence[0]).toMatchObject({ title: 'Observed', clock: { phone: 2 } });
    for (const table of ['devices', 'trustDocuments', 'acceptances', 'held']) {
      expect(await upgraded.table(table).count()).toBe(0);
    }
    await upgraded.held.put({
      id: 'h1',
      portfolioId: 'e1',
      table: 'evidence',
      recordId: 'ev1',
      record: stored,
      reason: 'test',
      deviceId: 'x',
      deviceKey: 'k',
      receivedAt: stored.createdAt,
    });
    expect(await upgraded.held.where('portfolioId').equals('e1').count()).toBe(1);
  });
});

describe('reading records back', () => {
  it('validates each stored version once per session, and every new version again', async () => {
    const { enrolment } = await portfolio();
    const e = await saveEvidence({ evidence: evidenceFields(enrolment.id, { title: 'First' }) });
    const first = (await loadPortfolio(enrolment.id))!.evidence[0]!;
    expect((await loadPortfolio(enrolment.id))!.evidence[0]).toBe(first); // the same version: not parsed again
    // A new version written behind the storage layer's back, and invalid: it is validated, and reported.
    await db().evidence.put({ ...(await db().evidence.get(e.id))!, rev: 9, date: 'not a date' } as never);
    const after = (await loadPortfolio(enrolment.id))!;
    expect(after.evidence).toEqual([]);
    expect(after.problems[0]).toMatch(new RegExp(`^evidence ${e.id}: `));
  });
});
