// A portfolio exported and imported whole: nothing lost, nothing added, and a bag that says what it holds.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase, db } from '../../../src/storage/db';
import { deleteEvidence, loadDemoPortfolio, loadPortfolio, savePerson } from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { formatDate } from '../../../src/domain';
import { verifyBundle } from '../../../src/bundle/verify';
import { importBundle, writeVerifiedBundle } from './trusting';
import { device, FIXED, snapshot, setUpDemoPhone, installFileClock, unzipAll } from './helpers';

const clock = installFileClock();

describe('portfolio bundle: round trip', () => {
  const demo = setUpDemoPhone();

  it('round trip: export, import into a fresh database, deep-equal (media bytes included)', async () => {
    setDatabase(demo.phone);
    const before = (await loadPortfolio(demo.demoId))!;
    const mediaBefore = await Promise.all(
      (await db().media.toArray()).map(async (m) => [m.sha256, await m.blob.text()]),
    );
    await device('tablet');
    const { result, bundle: verified } = await importBundle(demo.bundle, 'restore');
    expect(result.conflicts).toBe(0);
    expect(verified.signer.known).toBe(false);
    const after = (await loadPortfolio(demo.demoId))!;
    const { problems: _a, ...b } = before;
    const { problems: _b, ...a } = after;
    expect(a).toEqual(b);
    const mediaAfter = await Promise.all(
      (await db().media.toArray()).map(async (m) => [m.sha256, await m.blob.text()]),
    );
    expect(mediaAfter.sort()).toEqual(mediaBefore.sort());
  });

  it('importing the same bundle twice changes nothing', async () => {
    await device('tablet2');
    await importBundle(demo.bundle, 'restore');
    const once = await snapshot();
    const { result } = await importBundle(demo.bundle, 'merge');
    expect(result).toEqual({ held: 0, written: 0, unchanged: expect.any(Number), conflicts: 0 });
    expect(await snapshot()).toEqual(once);
  });

  it('a portfolio with deleted evidence and media restores: the tombstones travel without bytes', async () => {
    const phone = await device('phone-deleting');
    const id = await loadDemoPortfolio();
    const withPhoto = (await loadPortfolio(id))!.evidence.find((e) => e.mediaIds.length > 0)!;
    await deleteEvidence(id, withPhoto.id);
    const out = await exportPortfolio(id, { now: FIXED });
    await device('tablet-restoring');
    const { result } = await importBundle(out.blob, 'restore');
    expect(result.written).toBeGreaterThan(0);
    const restored = (await loadPortfolio(id))!;
    expect(restored.evidence.map((e) => e.id)).not.toContain(withPhoto.id);
    const media = await db().media.toArray();
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((m) => m.deleted && m.blob === undefined)).toBe(true);
    setDatabase(phone);
  });

  it('verification reports progress; a verified bundle is then written without a second check', async () => {
    const steps: Array<[number, number]> = [];
    const verified = await verifyBundle(demo.bundle, { onProgress: (done, total) => steps.push([done, total]) });
    expect(steps[0]).toEqual([0, verified.payloadBytes]);
    expect(steps.at(-1)).toEqual([verified.payloadBytes, verified.payloadBytes]);
    await device('tablet5');
    const result = await writeVerifiedBundle(verified, 'restore');
    expect(result.written).toBe(Object.values(verified.records).reduce((n, rows) => n + rows.length, 0));
    expect((await loadPortfolio(demo.demoId))!.evidence).toHaveLength(verified.records.evidence.length);
  });

  it('a bundle carries only the people who appear in its portfolio', async () => {
    setDatabase(demo.phone);
    const stranger = await savePerson({
      name: 'Unrelated Candidate',
      roles: ['candidate'],
      email: 'someone@example.org',
    });
    const v = await verifyBundle((await exportPortfolio(demo.demoId, { now: FIXED })).blob);
    const names = v.records.people.map((p) => p.name);
    expect(names).not.toContain(stranger.name);
    const enrolment = v.records.enrolments[0]!;
    expect(v.records.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([enrolment.candidateId, ...(enrolment.assessorId ? [enrolment.assessorId] : [])]),
    );
    // Everyone a record names is there, so the receiving device can show who did what.
    for (const e of v.records.evidence)
      if (e.recordedBy) expect(v.records.people.some((p) => p.id === e.recordedBy)).toBe(true);
  });

  it('exports a valid bag: manifests list every payload file, Payload-Oxum matches', async () => {
    const v = await verifyBundle(demo.bundle);
    expect(v.payloadFiles).toBe(4); // portfolio.json, the SVQ2 spec, one photo, report.html
    expect(v.records.evidence.length).toBe(7);
    expect(v.media.size).toBe(1);
  });

  it("the report, bag-info and portfolio.json carry the export time given, or else the storage clock's", async () => {
    setDatabase(demo.phone);
    const textOf = async (blob: Blob, path: string) => {
      const files = await unzipAll(blob);
      return new TextDecoder().decode(files[Object.keys(files).find((name) => name.endsWith(path))!]);
    };
    const given = (await exportPortfolio(demo.demoId, { now: FIXED })).blob;
    expect(await textOf(given, 'data/report.html')).toContain('report made 26/11/2026');
    expect(await textOf(given, 'bag-info.txt')).toContain('Bagging-Date: 2026-11-26');
    expect(JSON.parse(await textOf(given, 'data/portfolio.json')).exportedAt).toBe(FIXED.toISOString());

    const at = clock.peek();
    const clocked = (await exportPortfolio(demo.demoId)).blob;
    expect(await textOf(clocked, 'data/report.html')).toContain(`report made ${formatDate(at)}`);
    expect(await textOf(clocked, 'bag-info.txt')).toContain(`Bagging-Date: ${at.slice(0, 10)}`);
    expect(JSON.parse(await textOf(clocked, 'data/portfolio.json')).exportedAt).toBe(at);
  });
});
