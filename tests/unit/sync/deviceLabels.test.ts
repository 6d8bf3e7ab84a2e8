// Device labels through the in-process store: each device publishes its label; another learns it when that device's
// folder has news (one GET), learns a new label with the next change, and an idle cycle reads no descriptor.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanDeviceLabel, knownDeviceLabels, saveEvidence } from '../../../src/storage';
import { createSyncEngine, syncLayout } from '../../../src/sync';
import { installFileClock } from '../bundle/helpers';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { acceptEachOther, on, person, PREFIX, sync, syncDevice, usedBy, type SyncDevice } from './world';

installFileClock();

describe('device labels', () => {
  let store: MemoryStore;
  let phone: SyncDevice, tablet: SyncDevice;
  let portfolioId: string;

  beforeEach(async () => {
    store = new MemoryStore();
    phone = await syncDevice('Sam’s phone', store);
    const sam = await person('Sam', 'assessor');
    const cara = await person('Cara', 'candidate');
    portfolioId = (await portfolio(cara, sam)).id;
    tablet = await syncDevice('Cara’s tablet', store);
    await usedBy(tablet, cara);
    await acceptEachOther([phone, tablet], [sam, cara]);
  });

  const labelsOnTablet = () => on(tablet, knownDeviceLabels);

  it('a device with news is named by the label it published; an idle cycle reads no descriptor', async () => {
    await sync(phone);
    expect(Object.keys(await labelsOnTablet())).toEqual([]);
    await sync(tablet);
    expect((await labelsOnTablet())[phone.id]?.label).toBe('Sam’s phone');
    store.resetCounts();
    await sync(tablet);
    expect(store.counts.byKind.get).toBe(0);
  });

  it('a renamed device shows by its new name with its next change', async () => {
    await sync(phone);
    await sync(tablet);
    phone.engine = createSyncEngine({ store, prefix: PREFIX, label: 'Assessor’s phone', watchChanges: () => () => {} });
    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'O', title: 'More', date: '2026-03-03' } }));
    await sync(phone);
    const descriptor = store.objects.get(syncLayout.deviceKey(`${PREFIX}/`, phone.id))!;
    expect(JSON.parse(new TextDecoder().decode(descriptor)).label).toBe('Assessor’s phone');
    await sync(tablet);
    expect((await labelsOnTablet())[phone.id]?.label).toBe('Assessor’s phone');
  });

  it('a label read from the store is one trimmed line of at most 200 characters, or nothing', () => {
    expect(cleanDeviceLabel('  Sam’s\n phone ')).toBe('Sam’s phone');
    expect(cleanDeviceLabel('x'.repeat(500))).toHaveLength(200);
    expect(cleanDeviceLabel('   ')).toBeNull();
    expect(cleanDeviceLabel({ label: 'x' })).toBeNull();
  });

  it('the device a key names, for the sync log', () => {
    expect(syncLayout.deviceOfKey('c/portfolios/p1/bundles/dev-1/000000000001-full.zip')).toBe('dev-1');
    expect(syncLayout.deviceOfKey('c/portfolios/p1/index/dev-2.json')).toBe('dev-2');
    expect(syncLayout.deviceOfKey('c/devices/dev-3.json')).toBe('dev-3');
    expect(syncLayout.deviceOfKey('c/feed/x')).toBeNull();
  });
});
