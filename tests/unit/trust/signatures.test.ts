// Attacks 3 and record signatures (issue 10): a bundle claiming a device id home knows, signed with another key, is
// refused naming both fingerprints; the audit log keeps the signer's full fingerprint; a record changed after its
// author signed it is refused even when the bundle around it is signed again by that same author's key.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptKey, saveEvidence } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import { formatFingerprint } from '../../../src/domain';
import { installFileClock, resignedWith } from '../bundle/helpers';
import { candidate, newDevice, portfolio, refused, switchTo, type Device } from './world';

installFileClock();

describe('signatures: who signed, and what', () => {
  let home: Device, annsPhone: Device;
  let portfolioId: string;

  beforeAll(async () => {
    home = await newDevice('home');
    annsPhone = await newDevice('anns-phone');
    const ann = await candidate('Ann');
    portfolioId = (await portfolio(ann, null)).id;
    const { blob } = await exportPortfolio(portfolioId);
    switchTo(home);
    await acceptKey({ deviceKey: annsPhone.key, deviceId: annsPhone.id, personIds: [ann.id], acceptedBy: null });
    expect((await importBundle(blob, 'restore')).result).toMatchObject({ held: 0 });
  });

  it('the audit entry of an import holds the signer’s full fingerprint', async () => {
    const entry = await db().audit.where({ portfolioId, action: 'import' }).first();
    expect(entry!.summary.match(/[0-9a-f]{64}/)?.[0]).toBe(annsPhone.key);
  });

  it('a known device id with another key is refused, and the reason names both fingerprints', async () => {
    switchTo(annsPhone);
    const genuine = (await exportPortfolio(portfolioId)).blob;
    const thief = await newDevice('thief');
    // The thief signs Ann's phone's bundle with its own key, keeping Ann's phone's device id.
    const spoofed = await resignedWith(genuine, () => {});
    switchTo(home);
    const reasons = await refused(spoofed, 'merge');
    expect(reasons).toEqual([
      `device ${annsPhone.id} is known here with key ${formatFingerprint(annsPhone.key)}, but this bundle says ${formatFingerprint(thief.key)}: refused`,
    ]);
  });

  it('a record changed after it was signed is refused, though its author’s key signs the bundle again', async () => {
    switchTo(annsPhone);
    const evidence = await saveEvidence({
      evidence: { portfolioId, type: 'P', title: 'Handled a complaint', date: '2026-05-01' },
    });
    const { blob } = await exportPortfolio(portfolioId);
    const altered = await resignedWith(blob, (files) => {
      files['data/portfolio.json'] = files['data/portfolio.json']!.replace(
        '"Handled a complaint"',
        '"Handled every complaint"',
      );
    });
    switchTo(home);
    expect(await refused(altered, 'merge')).toEqual([
      `evidence ${evidence.id}: its signature does not hold (changed after it was signed, or by a device the bundle does not name)`,
    ]);
    // The unaltered bundle, from the same device, applies.
    expect((await importBundle(blob, 'merge')).result).toMatchObject({ written: 1, held: 0 });
  });
});
