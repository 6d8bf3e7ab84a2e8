// What goes wrong: objects that must be refused or held, a push retried after it landed, an upload dropped
// mid-way, records relayed from a device that never syncs, and the scheduler's backoff.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/storage/db';
import { listHeld, pendingUploads, rejudgeHeld, saveEvidence, syncLog } from '../../../src/storage';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import { syncLayout } from '../../../src/sync';
import type { Person } from '../../../src/domain';
import { installFileClock, snapshot } from '../bundle/helpers';
import type { MemoryStore } from './memoryStore';
import { acceptEachOther, bundleKeys, on, PREFIX, samAndCara, sync, syncDevice } from './world';
import type { SyncDevice } from './world';

installFileClock();

describe('sync when things go wrong', () => {
  let store: MemoryStore, phone: SyncDevice, tablet: SyncDevice, sam: Person, cara: Person, portfolioId: string;
  const bundles = (d: SyncDevice) => bundleKeys(store, portfolioId, d);

  beforeEach(async () => {
    ({ store, phone, tablet, sam, cara, portfolioId } = await samAndCara());
  });

  it('an altered object is refused, logged with its key and reason, and changes nothing', async () => {
    await acceptEachOther([phone, tablet], [sam, cara]);
    await sync(phone);
    const [key] = bundles(phone);
    const bytes = store.objects.get(key!)!;
    bytes[Math.floor(bytes.length / 2)]! ^= 1;
    const before = await on(tablet, snapshot);
    const { pulled } = await sync(tablet);
    expect(pulled).toMatchObject({ refused: 1, objectsApplied: 0 });
    expect(await on(tablet, () => db().enrolments.count())).toBe(0);
    const log = await on(tablet, () => syncLog());
    expect(log.find((l) => l.level === 'error')).toMatchObject({ key, message: expect.stringContaining('Refused') });
    const after = await on(tablet, snapshot);
    for (const table of ['people', 'enrolments', 'evidence', 'media', 'held', 'conflicts', 'changes', 'audit']) {
      expect(after[table]).toEqual(before[table]);
    }
  });

  it('an object signed by a key this device does not accept is held, shown as held, and applied once accepted', async () => {
    await sync(phone);
    const { pulled } = await sync(tablet);
    expect(pulled.held).toBeGreaterThan(0);
    expect(await on(tablet, () => db().enrolments.count())).toBe(0);
    const held = await on(tablet, () => listHeld(portfolioId));
    expect(new Set(held.map((h) => h.deviceKey))).toEqual(new Set([phone.key]));
    const [state] = await on(tablet, () => tablet.engine.portfolioStates());
    expect(state!.status.kind).toBe('held');
    expect(state!.words).toMatch(/^Held: .* key this device does not accept/);
    // Applying the same object again (a retry after a crash) holds nothing twice.
    await on(tablet, async () => {
      await db().syncPortfolios.clear();
      await db().settings.delete('syncCentre');
    });
    await sync(tablet);
    expect((await on(tablet, () => listHeld(portfolioId))).length).toBe(held.length);
    // Later changes wait for the portfolio; once the person accepts the key, all of it arrives.
    const later = await on(phone, () =>
      saveEvidence({ evidence: { portfolioId, type: 'O', title: 'Later', date: '2026-03-07' } }),
    );
    await sync(phone);
    expect((await sync(tablet)).pulled.waiting).toBe(1);
    await acceptEachOther([phone, tablet], [sam, cara]);
    await on(tablet, () => rejudgeHeld());
    await sync(tablet);
    expect((await on(tablet, () => db().evidence.get(later.id)))?.title).toBe('Later');
    expect((await on(tablet, () => tablet.engine.portfolioStates()))[0]!.words).toBe('Up to date');
  });

  it('a push whose upload landed before a crash is not sent twice: the object there is byte for byte ours', async () => {
    await sync(phone);
    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: 'Crash', date: '2026-03-04' } }));
    // The feed entry fails: the bundle is in the store but the push is not recorded.
    const putNew = store.putNew.bind(store);
    store.putNew = async (key, body, options) => {
      if (key.includes('/feed/')) throw new Error('the tab was closed');
      return putNew(key, body, options);
    };
    await expect(sync(phone)).rejects.toThrow('the tab was closed');
    store.putNew = putNew;
    expect(await on(phone, () => pendingUploads())).toHaveLength(1);
    const { pushed } = await sync(phone);
    expect(pushed).toHaveLength(1);
    expect(bundles(phone)).toHaveLength(2);
    expect(await on(phone, () => pendingUploads())).toEqual([]);
  });

  it('an object under this device’s name that it did not write is never taken for its own', async () => {
    await sync(phone);
    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: 'Mine', date: '2026-03-04' } }));
    const seq = await on(phone, async () => (await db().changes.orderBy('seq').lastKey()) as number);
    const squatted = `${syncLayout.bundleFolder(`${PREFIX}/`, portfolioId, phone.id)}${syncLayout.bundleName(seq, false, false)}`;
    store.objects.set(squatted, new Uint8Array([1, 2, 3]));
    await expect(sync(phone)).rejects.toThrow(/Another writer/);
    const [state] = await on(phone, () => phone.engine.portfolioStates());
    expect(state!.words).toMatch(/^Failed: Another writer/);
  });

  it('a large upload dropped mid-way resumes without sending the finished parts again', async () => {
    await sync(phone);
    store.partSize = 64 * 1024;
    const video = new Blob([new Uint8Array(600_000).fill(3)], { type: 'video/mp4' });
    await on(phone, () =>
      saveEvidence({
        evidence: { portfolioId, type: 'O', title: 'Video', date: '2026-03-05' },
        files: [{ name: 'v.mp4', type: 'video/mp4', blob: video }],
      }),
    );
    store.dropAfterParts = 4;
    store.resetCounts();
    await expect(sync(phone)).rejects.toMatchObject({ failure: 'unavailable' });
    const firstTry = store.counts.bytesSent;
    expect(firstTry).toBe(4 * 64 * 1024);
    const [state] = await on(phone, () => phone.engine.portfolioStates());
    expect(state!.status.kind).toBe('failed');
    store.resetCounts();
    await sync(phone);
    const pending = bundles(phone)[1]!;
    const size = store.objects.get(pending)!.length;
    // The retry sends the rest of the same object (and a feed entry, an index): not the first four parts again.
    expect(store.counts.bytesSent).toBeLessThan(size - firstTry + 2000);
    expect(store.counts.bytesSent).toBeGreaterThanOrEqual(size - firstTry);
    const [after] = await on(phone, () => phone.engine.portfolioStates());
    expect(after!.words).toBe('Up to date');
  });

  it('records that reached a syncing device by hand from one that never syncs are relayed to the others', async () => {
    const office = await syncDevice('office-never-online', store);
    await acceptEachOther([phone, tablet, office], [sam, cara]);
    const bundle = await on(phone, async () => (await exportPortfolio(portfolioId)).blob);
    await on(office, () => importBundle(bundle, 'restore'));
    const relayed = await on(office, () =>
      saveEvidence({ evidence: { portfolioId, type: 'O', title: 'From the office', date: '2026-03-06' } }),
    );
    const carried = await on(office, async () => (await exportPortfolio(portfolioId)).blob);
    await sync(phone);
    await on(phone, () => importBundle(carried, 'merge'));
    await sync(phone);
    await sync(tablet);
    expect((await on(tablet, () => db().evidence.get(relayed.id)))?.title).toBe('From the office');
  });
});
