// The pull's read-ahead (src/sync/readAhead.ts): a joining device reads the next folders' objects while it applies
// one — each object once, never more than PULL_OBJECTS_IN_FLIGHT at a time — and what it read ahead is only a head
// start: taken once, for that very key; a read ahead that failed is asked for again; large objects wait their turn.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/storage/db';
import { saveEvidence } from '../../../src/storage';
import { PULL_OBJECTS_IN_FLIGHT, StoreError } from '../../../src/sync';
import { READ_AHEAD_MAX_BYTES, ReadAheadStore } from '../../../src/sync/readAhead';
import { installFileClock } from '../bundle/helpers';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { acceptEachOther, on, person, sync, syncDevice, usedBy } from './world';

installFileClock();

/** A store whose bundle reads take a few ms, counting those in flight at once and the reads of each key. */
class SlowStore extends MemoryStore {
  inFlight = 0;
  maxInFlight = 0;
  readonly reads = new Map<string, number>();
  override async getBlob(key: string): Promise<Blob | null> {
    if (!key.includes('/bundles/')) return super.getBlob(key);
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.inFlight--;
    return super.getBlob(key);
  }
}

describe('the pull reads ahead', () => {
  it('a joining device has the next objects on their way while it applies one, each read once', async () => {
    const store = new SlowStore();
    const phone = await syncDevice('sam-phone', store);
    const sam = await person('Sam', 'assessor');
    for (let i = 0; i < 6; i++) {
      const { id } = await portfolio(await person(`Candidate ${i}`, 'candidate'), sam);
      await saveEvidence({ evidence: { portfolioId: id, type: 'O', title: `At the till ${i}`, date: '2026-03-02' } });
    }
    const people = await db().people.toArray();
    await sync(phone);
    const tablet = await syncDevice('sam-tablet', store);
    await usedBy(tablet, sam);
    await acceptEachOther([phone, tablet], people);
    store.reads.clear();
    store.maxInFlight = 0;
    await sync(tablet);
    // Each portfolio holds the evidence it was started with and the one saved here.
    expect(await on(tablet, () => Promise.all([db().enrolments.count(), db().evidence.count()]))).toEqual([6, 12]);
    expect([...store.reads.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(store.maxInFlight).toBeGreaterThan(1);
    expect(store.maxInFlight).toBeLessThanOrEqual(PULL_OBJECTS_IN_FLIGHT);
  }, 60_000);
});

describe('ReadAheadStore', () => {
  const object = (key: string, size = 3) => ({ key, size });
  const storeWith = (...keys: string[]) => {
    const store = new MemoryStore();
    for (const key of keys) store.objects.set(key, new Uint8Array([1, 2, 3]));
    return store;
  };

  it('hands a body read ahead to the one read of that key, then reads the store again', async () => {
    const store = storeWith('a', 'b');
    const ahead = new ReadAheadStore(store);
    ahead.getAhead(object('a'));
    expect(store.counts.byKind.get).toBe(1);
    expect(await (await ahead.getBlob('a'))!.bytes()).toEqual(new Uint8Array([1, 2, 3]));
    expect(store.counts.byKind.get).toBe(1);
    await ahead.getBlob('a');
    await ahead.getBlob('b');
    expect(store.counts.byKind.get).toBe(3);
  });

  it('does not read ahead a body the pull has already read (a read ahead that came late)', async () => {
    const store = storeWith('a');
    const ahead = new ReadAheadStore(store);
    await ahead.getBlob('a');
    ahead.getAhead(object('a'));
    expect(store.counts.byKind.get).toBe(1);
  });

  it('asks again for a body whose read ahead failed', async () => {
    const store = storeWith('a');
    const ahead = new ReadAheadStore(store);
    store.failNext = 1;
    ahead.getAhead(object('a'));
    expect(await ahead.getBlob('a')).not.toBeNull();
    expect(store.counts.byKind.get).toBe(2);
  });

  it('a failure when the pull itself reads is the pull’s', async () => {
    const store = storeWith('a');
    const ahead = new ReadAheadStore(store);
    store.offline = true;
    ahead.getAhead(object('a'));
    await expect(ahead.getBlob('a')).rejects.toBeInstanceOf(StoreError);
  });

  it('leaves large objects to their turn, drops what was not used, and starts nothing once cleared', async () => {
    const store = storeWith('a', 'big');
    const ahead = new ReadAheadStore(store);
    ahead.getAhead(object('big', READ_AHEAD_MAX_BYTES + 1));
    expect(store.counts.byKind.get).toBe(0);
    ahead.getAhead(object('a'));
    ahead.clear();
    await ahead.getBlob('a');
    expect(store.counts.byKind.get).toBe(2);
    // A read ahead that comes after the pull starts nothing.
    ahead.getAhead(object('b', 3));
    expect(await ahead.listAhead('f/')).toBeNull();
    expect(store.counts.byKind.get + store.counts.byKind.list).toBe(2);
  });

  it('hands a listing made ahead to the same list call once', async () => {
    const store = storeWith('f/1', 'f/2', 'g/1');
    const ahead = new ReadAheadStore(store);
    expect((await ahead.listAhead('f/', 'f/1'))!.map((o) => o.key)).toEqual(['f/2']);
    expect(await ahead.list('f/', 'f/1')).toEqual([object('f/2')]);
    expect(store.counts.byKind.list).toBe(1);
    await ahead.list('f/', 'f/1');
    await ahead.list('f/');
    expect(store.counts.byKind.list).toBe(3);
    // One the pull has made already is not made again ahead of it.
    expect(await ahead.listAhead('f/')).toBeNull();
    expect(store.counts.byKind.list).toBe(3);
  });
});
