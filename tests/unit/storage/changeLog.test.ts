// The change sequence sync pushes from (storage/changes.ts), the v4 → v5 migration that seeds it, and the bounded
// sync log.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import {
  appendSyncLog,
  changesWaiting,
  deleteEvidence,
  lastChangeSeq,
  outgoingChanges,
  saveEvidence,
  SYNC_LOG_LIMIT,
  syncLog,
} from '../../../src/storage';
import { evidenceFields, svq2Portfolio } from '../factories';
import { installTestClock } from '../clock';
import { oldEnrolment, oldEvidence, oldPerson, openOldDatabase, upgradeToCurrent, v3Meta } from './oldDatabases';

installTestClock();

beforeEach(() => setDatabase(new FieldfolioDB(`changes-${Math.random()}`)));

describe('the change sequence', () => {
  it('every save and deletion appends, in its own transaction, and an incremental selection follows seq', async () => {
    const { enrolment } = await svq2Portfolio();
    const before = await lastChangeSeq();
    expect(before).toBe(3); // two people and the enrolment
    const e = await saveEvidence({ evidence: evidenceFields(enrolment.id, { title: 'One' }) });
    const afterSave = await lastChangeSeq();
    await deleteEvidence(enrolment.id, e.id);
    const entries = await db().changes.where('seq').above(before).toArray();
    expect(entries.map((c) => [c.table, c.recordId, c.portfolioId])).toEqual([
      ['evidence', e.id, enrolment.id],
      ['evidence', e.id, enrolment.id],
    ]);
    expect(await changesWaiting(enrolment.id, before)).toBe(1);
    const out = (await outgoingChanges(enrolment.id, afterSave, null))!;
    // The deletion travels as the tombstone; the enrolment always goes as the anchor; the people it names too.
    expect(out.data.records.evidence.map((r) => [r.id, r.deleted])).toEqual([[e.id, true]]);
    expect(out.data.records.enrolments.map((r) => r.id)).toEqual([enrolment.id]);
    expect(out.toSeq).toBe(afterSave + 1);
    expect((await outgoingChanges(enrolment.id, out.toSeq, null))!.changed).toBe(0);
  });

  it('the sync log keeps the newest entries only', async () => {
    for (let i = 0; i < SYNC_LOG_LIMIT + 5; i++) {
      await appendSyncLog({ level: 'info', portfolioId: null, key: null, message: `entry ${i}` });
    }
    const log = await syncLog();
    expect(log).toHaveLength(SYNC_LOG_LIMIT);
    expect(log[0]!.message).toBe(`entry ${SYNC_LOG_LIMIT + 4}`);
    expect(log.at(-1)!.message).toBe('entry 5');
  });
});

describe('migration from schema version 4', () => {
  it('keeps every record and seeds the change sequence with each, so the first push carries them', async () => {
    const v4 = await openOldDatabase(4);
    const person = oldPerson(v3Meta(1));
    const evidence = oldEvidence(v3Meta(1));
    await v4.table('people').put(person);
    await v4.table('enrolments').put(oldEnrolment(v3Meta(1)));
    await v4.table('evidence').put(evidence);

    const upgraded = await upgradeToCurrent(v4);
    expect(await upgraded.evidence.get('ev1')).toEqual(evidence);
    expect(await upgraded.people.get('p1')).toEqual(person);
    const seeded = await upgraded.changes.toArray();
    expect(seeded.map((c) => [c.table, c.recordId, c.portfolioId]).sort()).toEqual([
      ['enrolments', 'e1', 'e1'],
      ['evidence', 'ev1', 'e1'],
      ['people', 'p1', ''],
    ]);
    expect(await changesWaiting('e1', 0)).toBe(2);
    for (const table of ['syncPortfolios', 'outbox', 'syncLog']) expect(await upgraded.table(table).count()).toBe(0);
  });
});
