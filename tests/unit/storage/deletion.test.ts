// Deleting a person or a portfolio: tombstones through the one write path, one transaction each, refused with a
// reason for a person a portfolio names, and undone exactly (the records come back as they were).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldfolioDB, setDatabase, db } from '../../../src/storage/db';
import {
  auditLog,
  deleteEvidence,
  deletePerson,
  deletePortfolio,
  listEnrolments,
  listPeople,
  loadPortfolio,
  saveEvidence,
  savePerson,
  signOffUnit,
  undoDeletion,
} from '../../../src/storage';
import { evidenceFields, personFields, svq2Portfolio } from '../factories';
import { installTestClock } from '../clock';
import { onEachWrite, useOnStrictConnection } from '../writeWatch';

installTestClock();

beforeEach(() => setDatabase(new FieldfolioDB(`deletion-${Math.random()}`)));

const sig = (typedName: string, personId: string) => ({ typedName, role: 'Assessor', personId, image: '' });

/** A portfolio with two evidence items (one with a photo), one already deleted, and a signed-off unit. */
async function fullPortfolio() {
  const stored = await svq2Portfolio();
  const { enrolment, assessor } = stored;
  const kept = await saveEvidence({
    evidence: evidenceFields(enrolment.id, { title: 'Kept' }),
    files: [{ name: 'p.png', type: 'image/png', blob: new Blob(['png'], { type: 'image/png' }) }],
    criteria: [{ unitCode: 'F1', criterionKey: 'F1|pc|F1.1|F1.1' }],
  });
  const mistaken = await saveEvidence({ evidence: evidenceFields(enrolment.id, { title: 'Mistaken' }) });
  await deleteEvidence(enrolment.id, mistaken.id);
  await signOffUnit({
    portfolioId: enrolment.id,
    unitCode: 'F1',
    assessorId: assessor.id,
    date: '2026-10-02',
    signature: sig('Jo Assessor', assessor.id),
  });
  return { ...stored, kept, mistaken };
}

/** Every row of the portfolio's tables, tombstones included, without blobs. */
async function portfolioRows(portfolioId: string) {
  const rows: Array<Record<string, unknown>> = [(await db().enrolments.get(portfolioId))!];
  for (const t of ['evidence', 'media', 'decisions', 'signatures', 'forms'] as const) {
    rows.push(...((await db().table(t).where('portfolioId').equals(portfolioId).toArray()) as never[]));
  }
  return rows.map(({ blob: _b, ...r }) => r);
}

describe('deleting a portfolio', () => {
  it('tombstones the portfolio and every live record of it in one transaction; it is hidden from every list', async () => {
    const { enrolment, kept } = await fullPortfolio();
    const before = await portfolioRows(enrolment.id);
    const deletion = await deletePortfolio(enrolment.id);
    const after = await portfolioRows(enrolment.id);
    expect(after.length).toBe(before.length);
    expect(after.every((r) => r.deleted === true)).toBe(true);
    // The earlier deletion is not part of this one: an undo must not bring the mistaken item back.
    expect(deletion.records.map((r) => r.table).sort()).toEqual(
      ['decisions', 'enrolments', 'evidence', 'media', 'signatures'].sort(),
    );
    expect(deletion.records.find((r) => r.table === 'evidence')!.id).toBe(kept.id);
    expect(deletion.label).toBe('Annie Candidate’s portfolio');
    expect(await loadPortfolio(enrolment.id)).toBeNull();
    expect(await listEnrolments()).toEqual([]);
    // Every tombstone is audited (beside the mistaken item's own, earlier deletion).
    const log = await auditLog(enrolment.id);
    expect(log.filter((a) => a.action === 'delete')).toHaveLength(deletion.records.length + 1);
  });

  it('undo brings back exactly what it deleted, as it was, as a new version', async () => {
    const { enrolment, mistaken } = await fullPortfolio();
    const before = (await loadPortfolio(enrolment.id))!;
    const deletion = await deletePortfolio(enrolment.id);
    await undoDeletion(deletion);
    const after = (await loadPortfolio(enrolment.id))!;
    const content = (r: Record<string, unknown>) => {
      const { rev: _r, clock: _c, updatedAt: _u, sig: _s, ...rest } = r;
      return rest;
    };
    expect(after.evidence.map(content)).toEqual(before.evidence.map(content));
    expect(after.decisions.map(content)).toEqual(before.decisions.map(content));
    expect(after.media.map(content)).toEqual(before.media.map(content));
    expect(content(after.enrolment)).toEqual(content(before.enrolment));
    // A new version (rev +2: deleted, restored), so the undo travels and supersedes the tombstone elsewhere.
    expect(after.enrolment.rev).toBe(before.enrolment.rev + 2);
    // The photo's bytes were never removed.
    expect(await (await db().media.get(after.media[0]!.id))!.blob.text()).toBe('png');
    // The item deleted before stays deleted.
    expect(after.evidence.map((e) => e.id)).not.toContain(mistaken.id);
  });

  it('a failure part-way (the last write, the portfolio itself) leaves nothing deleted', async () => {
    const { enrolment } = await fullPortfolio();
    const before = await portfolioRows(enrolment.id);
    await useOnStrictConnection(
      onEachWrite('enrolments-fail', (tableName) => {
        if (tableName === 'enrolments') throw new Error('disk error');
      }),
    );
    await expect(deletePortfolio(enrolment.id)).rejects.toThrow(/disk error/);
    expect(await portfolioRows(enrolment.id)).toEqual(before);
  });
});

describe('deleting a person', () => {
  it('a person no portfolio names is tombstoned, hidden, and can be brought back', async () => {
    const witness = await savePerson(personFields({ name: 'Mistaken Witness', roles: ['witness'] }));
    const deletion = await deletePerson(witness.id);
    expect((await listPeople()).map((p) => p.name)).toEqual([]);
    expect((await db().people.get(witness.id))!.deleted).toBe(true);
    await undoDeletion(deletion);
    expect((await listPeople()).map((p) => p.name)).toEqual(['Mistaken Witness']);
  });

  it('a person a portfolio names (candidate, assessor, or on its records) is refused with the reason', async () => {
    const { candidate, assessor, enrolment } = await svq2Portfolio();
    const witness = await savePerson(personFields({ name: 'Morag Witness', roles: ['witness'] }));
    await saveEvidence({ evidence: evidenceFields(enrolment.id, { type: 'WT', recordedBy: witness.id }) });
    await expect(deletePerson(candidate.id)).rejects.toThrow(
      'Annie Candidate cannot be deleted: they are named on their own portfolio. Delete that portfolio first.',
    );
    await expect(deletePerson(assessor.id)).rejects.toThrow(/named on Annie Candidate’s portfolio/);
    await expect(deletePerson(witness.id)).rejects.toThrow(/named on Annie Candidate’s portfolio/);
    expect(await listPeople()).toHaveLength(3);
    // Once the portfolio is deleted, nothing names them.
    await deletePortfolio(enrolment.id);
    await deletePerson(witness.id);
    expect((await listPeople()).map((p) => p.name)).toEqual(['Annie Candidate', 'Jo Assessor']);
  });
});
