// Adding a record type needs one module (noteRecordType.ts) and one line in the registry: with that line, a
// fresh database has its table, the one write path stores and audits it, and bundles carry it there and back.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/domain/records/registry', async (importOriginal) => {
  const app = await importOriginal<typeof import('../../../src/domain/records/registry')>();
  const { noteRecordType } = await import('./noteRecordType');
  const types = [...app.RECORD_TYPES, noteRecordType]; // the one registry line
  return { ...app, RECORD_TYPES: types, ...app.recordRegistry(types) };
});

import { withoutSignature, type RecordTable } from '../../../src/domain';
import { FieldfolioDB, db, setDatabase } from '../../../src/storage/db';
import { write } from '../../../src/storage/write';
import { portfolioRecords } from '../../../src/storage/read';
import { auditLog, portfolioForExport, storeSpecs } from '../../../src/storage';
import { writeBundle } from '../../../src/bundle/export';
import { verifyBundle } from '../../../src/bundle/verify';
import { writeVerifiedBundle } from '../bundle/trusting';
// Not a React hook, whatever its name says: it installs the test clock around each test.
import { installTestClock } from '../clock';
import { svq2Portfolio } from '../factories';
import { loadSpec } from '../domain/loadSpecs';
import type { Note } from './noteRecordType';

installTestClock();

// The app's types know nothing of the test's type: its table name goes through as a RecordTable.
const NOTES = 'notes' as RecordTable;

async function freshDevice(name: string) {
  setDatabase(new FieldfolioDB(`${name}-${Math.random()}`));
  await storeSpecs([loadSpec('svq2-customer-service-scqf5')], 'bundled');
}

async function portfolioWithNote() {
  await freshDevice('notes-phone');
  const { enrolment } = await svq2Portfolio();
  const note = (await write('the note', enrolment.id, (ctx) =>
    ctx.put(NOTES, { portfolioId: enrolment.id, text: 'Annie asked to be observed on a Saturday' }),
  )) as unknown as Note;
  return { portfolioId: enrolment.id, note };
}

describe('a record type added to the registry', () => {
  it('gets its table with its indexes, is stamped and audited by the one write path, and reads back validated', async () => {
    const { portfolioId, note } = await portfolioWithNote();
    expect(
      db()
        .table('notes')
        .schema.indexes.map((i) => i.name),
    ).toEqual(['portfolioId']);
    expect(note).toMatchObject({
      portfolioId,
      text: 'Annie asked to be observed on a Saturday',
      rev: 1,
      deleted: false,
      schemaVersion: 3,
    });
    expect(await portfolioRecords(NOTES, portfolioId)).toEqual([note]);
    expect((await auditLog(portfolioId)).map((a) => `${a.action} ${a.recordType}`)).toContain('create notes');
  });

  it('travels in a bundle: exported, verified and imported into another device unchanged', async () => {
    const { portfolioId, note } = await portfolioWithNote();
    const exported = (await portfolioForExport(portfolioId))!;
    expect((exported.records as Record<string, unknown[]>).notes).toEqual([note]);
    const bundle = await writeBundle(exported, { now: new Date('2026-11-26T12:00:00Z') });
    const verified = await verifyBundle(bundle.blob);
    expect((verified.records as unknown as Record<string, Note[]>).notes!.map((n) => withoutSignature(n))).toEqual([
      note,
    ]);

    await freshDevice('notes-tablet');
    const result = await writeVerifiedBundle(verified, 'restore');
    expect(result.conflicts).toBe(0);
    // The note arrives as it left: signed by the device that made it (docs/trust.md), otherwise unchanged.
    const [received] = (await portfolioRecords(NOTES, portfolioId)) as unknown as Note[];
    expect(withoutSignature(received!)).toEqual(note);
    expect(received!.sig?.deviceKey).toMatch(/^[0-9a-f]{64}$/);
  });
});
