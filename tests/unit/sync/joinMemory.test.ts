// A device that joins holds one pulled object at a time: once a bundle is applied, nothing of the sync engine keeps
// its body alive, so what the join holds does not grow with the number of portfolios in the centre. Checked by
// watching every body the store hands out (weak references) and forcing full collections after the join: the
// bodies still alive are at most the one in hand, for 4 portfolios and for 16 alike. (The heap itself is not
// compared: the in-memory IndexedDB keeps the whole database in the same heap, so it grows with the portfolios by
// design; `npm run bench -- --only=syncrgw` measures the heap of a 1 GB join in a process of its own.)
import 'fake-indexeddb/auto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/storage/db';
import { saveEvidence } from '../../../src/storage';
import { installFileClock } from '../bundle/helpers';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { acceptEachOther, on, person, sync, syncDevice, usedBy } from './world';

installFileClock();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A store that remembers, weakly, every object body it hands out. */
class WatchedStore extends MemoryStore {
  readonly bodies: Array<WeakRef<Blob>> = [];
  override async getBlob(key: string): Promise<Blob | null> {
    const body = await super.getBlob(key);
    if (body && key.includes('/bundles/')) this.bodies.push(new WeakRef(body));
    return body;
  }
}

async function bodiesAliveAfterJoin(portfolios: number) {
  const store = new WatchedStore();
  const phone = await syncDevice('sam-phone', store);
  const sam = await person('Sam', 'assessor');
  for (let i = 0; i < portfolios; i++) {
    const { id } = await portfolio(await person(`Candidate ${i}`, 'candidate'), sam);
    const photo = new Blob([new Uint8Array(64 * 1024).fill(i)], { type: 'image/jpeg' });
    await saveEvidence({
      evidence: { portfolioId: id, type: 'O', title: `At the till ${i}`, date: '2026-03-02' },
      files: [{ name: 'till.jpg', type: 'image/jpeg', blob: photo }],
    });
  }
  const people = await db().people.toArray();
  await sync(phone);
  const tablet = await syncDevice('sam-tablet', store);
  await usedBy(tablet, sam);
  await acceptEachOther([phone, tablet], people);
  await sync(tablet);
  const arrived = await on(tablet, () => db().evidence.count());
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { fetched: store.bodies.length, alive: store.bodies.filter((b) => b.deref()).length, arrived };
}

describe('the join holds one object at a time', () => {
  it('keeps no pulled body alive after applying it, for 4 portfolios as for 16', async () => {
    const small = await bodiesAliveAfterJoin(4);
    const large = await bodiesAliveAfterJoin(16);
    expect(small).toMatchObject({ fetched: 4, arrived: 8 });
    expect(large).toMatchObject({ fetched: 16, arrived: 32 });
    expect(small.alive).toBeLessThanOrEqual(1);
    expect(large.alive).toBeLessThanOrEqual(1);
  }, 120_000);
});
