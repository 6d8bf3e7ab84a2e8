// The engine's envelope made from the sync link's `&key=`: bundles go up sealed (never a readable zip), a device
// with the same secret pulls and merges them, and a sealed object altered in the store is refused, changing nothing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { enrolmentById, loadPortfolio, saveEvidence, syncLog } from '../../../src/storage';
import { engineEnvelope, generateSyncSecret, isEnvelope } from '../../../src/sync';
import { installFileClock } from '../bundle/helpers';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { acceptEachOther, on, person, PREFIX, sync, syncDevice, usedBy } from './world';

installFileClock();

describe('sync with the link’s encryption key', () => {
  it('seals what goes up; the other device opens, verifies and merges it; an altered object is refused', async () => {
    const store = new MemoryStore();
    const secret = generateSyncSecret();
    const phone = await syncDevice('phone', store, { envelope: await engineEnvelope(secret) });
    const sam = await person('Sam', 'assessor');
    const cara = await person('Cara', 'candidate');
    const { id: portfolioId } = await portfolio(cara, sam);
    const tablet = await syncDevice('tablet', store, { envelope: await engineEnvelope(secret) });
    await usedBy(tablet, cara);
    await acceptEachOther([phone, tablet], [sam, cara]);

    await sync(phone);
    const bundles = store.keys(`${PREFIX}/portfolios/${portfolioId}/bundles/`);
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatch(/\.zip\.sealed$/);
    expect(isEnvelope(store.objects.get(bundles[0]!)!)).toBe(true);
    await sync(tablet);
    expect(await on(tablet, () => enrolmentById(portfolioId))).toBeTruthy();
    const evidenceOnTablet = (await on(tablet, () => loadPortfolio(portfolioId)))!.evidence;
    expect(evidenceOnTablet).toHaveLength(1);

    // A second push from the phone, altered in the store before the tablet reads it.
    await on(phone, () => saveEvidence({ evidence: { portfolioId, type: 'P', title: 'Second', date: '2026-03-02' } }));
    await sync(phone);
    const second = store.keys(`${PREFIX}/portfolios/${portfolioId}/bundles/`).find((k) => !bundles.includes(k))!;
    const bytes = store.objects.get(second)!;
    bytes[bytes.length >> 1]! ^= 0xff;
    await sync(tablet);
    expect((await on(tablet, () => loadPortfolio(portfolioId)))!.evidence).toHaveLength(1);
    const log = await on(tablet, () => syncLog());
    expect(log.some((row) => row.level === 'error' && row.message.startsWith(`Refused ${second}`))).toBe(true);
  });

  it('refuses a secret that is not one', async () => {
    await expect(engineEnvelope('too-short')).rejects.toThrow(/not valid/);
  });
});
