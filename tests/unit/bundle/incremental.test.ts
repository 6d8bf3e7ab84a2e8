// Sending to a device: progress and cancelling, incremental bundles of what changed since the last one sent to
// it, and bundles of changes only, which no device restores as a whole portfolio.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase } from '../../../src/storage/db';
import {
  createEnrolment,
  deviceId,
  deviceSigningKey,
  listPeers,
  loadPortfolio,
  saveEvidence,
  savePerson,
} from '../../../src/storage';
import { exportPortfolio } from '../../../src/bundle/export';
import { verifyBundle } from '../../../src/bundle/verify';
import { acceptKeysOf, importBundle } from './trusting';
import { device, FIXED, snapshot, specs, setUpDemoPhone, installFileClock } from './helpers';

const clock = installFileClock();

describe('portfolio bundle: sending to a device', () => {
  const demo = setUpDemoPhone();

  it('incremental: a bundle for a device holds only what changed since the last one sent to it', async () => {
    setDatabase(demo.phone);
    const full = await exportPortfolio(demo.demoId, { forDevice: 'tablet-device' });
    const tablet = await device('tablet4');
    await importBundle(full.blob, 'restore');
    setDatabase(demo.phone);
    clock.advance(5);
    const e = (await loadPortfolio(demo.demoId))!.evidence.find((x) => x.type === 'P')!;
    await saveEvidence({ evidence: { ...e, description: 'Updated after the first bundle' } });
    const since = (await listPeers()).find((p) => p.deviceId === 'tablet-device')!.sentAt[demo.demoId]!;
    const delta = await exportPortfolio(demo.demoId, { forDevice: 'tablet-device', since });
    const v = await verifyBundle(delta.blob);
    expect(v.records.evidence.map((x) => x.description)).toEqual(['Updated after the first bundle']);
    expect(v.records.enrolments).toHaveLength(1);
    expect(v.media.size).toBe(0);
    expect(delta.blob.size).toBeLessThan(full.blob.size / 2);
    setDatabase(tablet);
    const { result } = await importBundle(delta.blob, 'merge');
    expect(result.written).toBe(1);
    expect((await loadPortfolio(demo.demoId))!.evidence.find((x) => x.id === e.id)!.description).toBe(
      'Updated after the first bundle',
    );
  });

  it('export reports progress up to the whole payload, and can be cancelled without noting a send', async () => {
    setDatabase(demo.phone);
    const seen: Array<{ bytesDone: number; bytesTotal: number; file: string }> = [];
    const out = await exportPortfolio(demo.demoId, { now: FIXED, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(
      seen.every((p, i) => p.bytesTotal === out.payloadBytes && (i === 0 || p.bytesDone >= seen[i - 1]!.bytesDone)),
    ).toBe(true);
    expect(seen.at(-1)!.bytesDone).toBe(out.payloadBytes);
    expect(seen.map((p) => p.file)).toContain('data/portfolio.json');

    const controller = new AbortController();
    const cancelled = exportPortfolio(demo.demoId, {
      forDevice: 'cancelled-device',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect((await listPeers()).some((p) => p.deviceId === 'cancelled-device')).toBe(false);
  });

  it('a bundle of changes only is marked so, cannot be restored as a portfolio, and send times are per portfolio', async () => {
    setDatabase(demo.phone);
    const full = await exportPortfolio(demo.demoId, { forDevice: 'laptop-device' });
    const since = (await listPeers()).find((p) => p.deviceId === 'laptop-device')!.sentAt;
    expect(Object.keys(since)).toEqual([demo.demoId]);
    const delta = await exportPortfolio(demo.demoId, { forDevice: 'laptop-device', since: since[demo.demoId] });
    const v = await verifyBundle(delta.blob);
    expect([v.scope, v.changesSince]).toEqual(['changes', since[demo.demoId]]);
    expect((await verifyBundle(full.blob)).scope).toBe('full');
    // A second portfolio was never sent to that device: its first bundle for it must be a full one.
    const other = await createEnrolment({
      candidateId: (await savePerson({ name: 'Second Candidate', roles: ['candidate'] })).id,
      specId: specs[0]!.id,
      specVersion: specs[0]!.version,
      route: [],
      startDate: '2026-02-01',
    });
    expect((await listPeers()).find((p) => p.deviceId === 'laptop-device')!.sentAt[other.id]).toBeUndefined();

    await device('empty-laptop');
    await deviceId(); // the device's own identity (id and key), made on first use, is not portfolio data
    await deviceSigningKey();
    await acceptKeysOf(await verifyBundle(delta.blob)); // as a person would before importing (trusting.ts)
    const before = await snapshot();
    await expect(importBundle(delta.blob, 'restore')).rejects.toThrow(
      /holds only changes to a portfolio, not the whole of it/,
    );
    expect(await snapshot()).toEqual(before);
  });
});
