// The sync engine on a real Ceph RGW: a whole bundle altered in the bucket does not block a device that joins (it
// reads the previous good whole bundle and the changes after it), and a truncated object in the middle of a folder
// is refused while the ones after it arrive. Each step is logged; nothing already stored changes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/storage/db';
import { syncLog } from '../../src/storage';
import { createSyncEngine, syncLayout, type S3Store } from '../../src/sync';
import type { Person } from '../../src/domain';
import { installFileClock } from '../unit/bundle/helpers';
import { portfolio } from '../unit/trust/world';
import {
  acceptEachOther,
  addedTitles,
  addEvidence,
  on,
  person,
  syncDevice,
  usedBy,
  type SyncDevice,
} from '../unit/sync/world';
import { spoilers } from '../unit/sync/spoilers';
import { freshPrefix, storeOn } from './helpers';

installFileClock();

describe('bad objects on Ceph RGW', () => {
  let store: S3Store;
  let prefix: string;
  let phone: SyncDevice, tablet: SyncDevice, late: SyncDevice;
  let sam: Person, cara: Person;
  let portfolioId: string;
  const device = (name: string) => syncDevice(name, store, { prefix });
  const run = (d: SyncDevice) => on(d, () => d.engine.runOnce());
  const bundles = async () =>
    (await store.list(syncLayout.bundleFolder(`${prefix}/`, portfolioId, phone.id))).map((o) => o.key);
  const add = (d: SyncDevice, title: string) => addEvidence(d, portfolioId, title);
  const spoil = async (key: string, how: keyof typeof spoilers) =>
    store.put(key, spoilers[how]!((await store.get(key))!));

  beforeEach(async () => {
    store = storeOn();
    prefix = freshPrefix('bad');
    phone = await device('sam-phone');
    sam = await person('Sam', 'assessor');
    cara = await person('Cara', 'candidate');
    portfolioId = (await portfolio(cara, sam)).id;
    tablet = await device('cara-tablet');
    late = await device('cara-laptop');
    await usedBy(tablet, cara);
    await usedBy(late, cara);
    await acceptEachOther([phone, tablet, late], [sam, cara]);
  });

  it('a device that joins reads the previous good whole bundle when the last one was altered in the bucket', async () => {
    const whole = createSyncEngine({
      store,
      prefix,
      rules: { fullWhenReplayExceeds: 0 },
      watchChanges: () => () => {},
    });
    await run(phone);
    await add(phone, 'A');
    await run(phone);
    await add(phone, 'B');
    await on(phone, () => whole.runOnce());
    await add(phone, 'C');
    await run(phone);
    const keys = await bundles();
    expect(keys.map((k) => k.replace(/^.*\/\d{12}-/, ''))).toEqual([
      'full.zip',
      'changes.zip',
      'full.zip',
      'changes.zip',
    ]);
    await spoil(keys[2]!, 'altered');

    const { pulled } = await run(late);
    expect(pulled).toMatchObject({ refused: 1, objectsApplied: 3, waiting: 0 });
    expect(await addedTitles(late)).toEqual(['A', 'C']);
    const log = await on(late, () => syncLog());
    expect(log.find((l) => l.level === 'error')).toMatchObject({ key: keys[2], message: expect.stringMatching(/^Refused/) }); // prettier-ignore
    expect(log.find((l) => l.level === 'warning')?.message).toMatch(/reading the previous whole bundle/);
    expect((await on(late, () => late.engine.portfolioStates()))[0]!.words).toBe('Up to date');
  });

  it('a truncated object in the middle of a folder is refused and the ones after it arrive', async () => {
    await run(phone);
    await run(tablet);
    await add(phone, 'A');
    await run(phone);
    await add(phone, 'B');
    await run(phone);
    const keys = await bundles();
    await spoil(keys[1]!, 'truncated');
    const before = await on(tablet, () => db().evidence.count());
    const { pulled } = await run(tablet);
    expect(pulled).toMatchObject({ refused: 1, objectsApplied: 1 });
    expect(await addedTitles(tablet)).toEqual(['B']);
    expect(await on(tablet, () => db().evidence.count())).toBe(before + 1);
    const refusal = (await on(tablet, () => syncLog())).find((l) => l.level === 'error');
    expect(refusal).toMatchObject({ key: keys[1], message: expect.stringContaining('Nothing was changed') });
  });
});
