// Push and pull through the in-process store: naming, incremental contents, discovery of a portfolio started on
// another device, idempotence, and the state a person sees.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { db } from '../../../src/storage/db';
import { saveEvidence, updateEvidenceDetails } from '../../../src/storage';
import { syncLayout } from '../../../src/sync';
import type { Person } from '../../../src/domain';
import { installFileClock, snapshot } from '../bundle/helpers';
import type { MemoryStore } from './memoryStore';
import { acceptEachOther, bundleKeys, on, person, PREFIX, samAndCara, sync, syncDevice, usedBy } from './world';
import type { SyncDevice } from './world';

installFileClock();

const portfolioJson = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  const name = Object.keys(files).find((f) => f.endsWith('data/portfolio.json'))!;
  return JSON.parse(new TextDecoder().decode(files[name])) as {
    scope: string;
    records: Record<string, Array<{ id: string }>>;
  };
};

describe('push and pull', () => {
  let store: MemoryStore, phone: SyncDevice, tablet: SyncDevice, sam: Person, cara: Person, portfolioId: string;

  beforeEach(async () => {
    ({ store, phone, tablet, sam, cara, portfolioId } = await samAndCara());
    await acceptEachOther([phone, tablet], [sam, cara]);
  });

  it('the first push is a full bundle, named by seq, with the device and index objects and a feed entry', async () => {
    const { pushed } = await sync(phone);
    expect(pushed).toHaveLength(1);
    const [key] = bundleKeys(store, portfolioId, phone);
    expect(key).toMatch(/\/\d{12}-full\.zip$/);
    expect(portfolioJson(store.objects.get(key!)!).scope).toBe('full');
    expect(store.keys(`${PREFIX}/devices/`)).toEqual([`${PREFIX}/devices/${phone.id}.json`]);
    expect(store.keys(`${PREFIX}/portfolios/${portfolioId}/index/`)).toEqual([
      `${PREFIX}/portfolios/${portfolioId}/index/${phone.id}.json`,
    ]);
    const feed = store.keys(`${PREFIX}/feed/`).map((k) => syncLayout.parseFeedKey(`${PREFIX}/`, k));
    expect(feed).toEqual([expect.objectContaining({ deviceId: phone.id, portfolioId, bundle: key!.split('/').pop() })]);
    // Nothing changed since: the next run sends nothing.
    expect((await sync(phone)).pushed).toEqual([]);
  });

  it('an incremental push carries the changed records only, and a photo once', async () => {
    await sync(phone);
    const photo = new Blob([new Uint8Array(300_000).fill(7)], { type: 'image/jpeg' });
    const evidence = await on(phone, () =>
      saveEvidence({
        evidence: { portfolioId, type: 'O', title: 'Till', date: '2026-03-02' },
        files: [{ name: 'till.jpg', type: 'image/jpeg', blob: photo }],
      }),
    );
    store.resetCounts();
    await sync(phone);
    const keys = bundleKeys(store, portfolioId, phone);
    expect(keys[1]).toMatch(/-changes\.zip$/);
    const second = portfolioJson(store.objects.get(keys[1]!)!);
    expect(second.records.evidence!.map((e) => e.id)).toEqual([evidence.id]);
    expect(second.records.media).toHaveLength(1);
    expect(store.counts.bytesSent).toBeGreaterThan(300_000);
    expect(store.counts.bytesSent).toBeLessThan(300_000 + 40_000);
    // Editing the evidence's title sends the evidence again, not the photo.
    await on(phone, () => updateEvidenceDetails(portfolioId, evidence.id, { title: 'Till, busy hour' }));
    store.resetCounts();
    await sync(phone);
    const third = portfolioJson(store.objects.get(bundleKeys(store, portfolioId, phone)[2]!)!);
    expect(third.records.media).toEqual([]);
    expect(store.counts.bytesSent).toBeLessThan(40_000);
  });

  it('the tablet discovers the portfolio started on the phone, because it concerns its candidate', async () => {
    await sync(phone);
    const { pulled } = await sync(tablet);
    expect(pulled.objectsApplied).toBe(1);
    const stored = await on(tablet, () => db().enrolments.get(portfolioId));
    expect(stored?.candidateId).toBe(cara.id);
    const states = await on(tablet, () => tablet.engine.portfolioStates());
    expect(states.map((s) => s.words)).toEqual(['Up to date']);
  });

  it('a device nobody on the portfolio uses does not pull it (and reads its index once)', async () => {
    const other = await syncDevice('someone-else', store);
    const stranger = await on(other, () => person('Stranger', 'candidate'));
    await usedBy(other, stranger);
    await sync(phone);
    await sync(other);
    expect(await on(other, () => db().enrolments.count())).toBe(0);
    store.resetCounts();
    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: 'More', date: '2026-03-03' } }));
    await sync(phone);
    store.resetCounts();
    await sync(other);
    // One listing of the feed; the index is not read again (the portfolio's people did not change).
    expect(store.calls).toEqual([`list ${PREFIX}/feed/`]);
  });

  it('applying what is already here changes nothing; an idle cycle is one request', async () => {
    await sync(phone);
    await sync(tablet);
    const before = await on(tablet, snapshot);
    // The tablet forgets where it was: it lists the whole feed and reads every object again.
    await on(tablet, async () => {
      await db().syncPortfolios.clear();
      await db().settings.delete('syncCentre');
    });
    const again = await sync(tablet);
    expect(again.pulled.objectsApplied).toBe(1);
    const after = await on(tablet, snapshot);
    const withoutSync = (s: Record<string, unknown[]>) => {
      const { syncPortfolios: _p, syncLog: _l, settings: _s, ...rest } = s;
      return rest;
    };
    expect(withoutSync(after)).toEqual(withoutSync(before));
    store.resetCounts();
    await sync(tablet);
    expect(store.counts.requests).toBe(1);
  });
});
