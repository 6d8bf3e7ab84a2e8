// On Ceph RGW with the sync link's encryption key: a genuine sealed bundle copied by the S3 API (server-side copy,
// `x-amz-copy-source`) under another name — a later sequence number of the same folder, another device's folder,
// another portfolio — and announced in the feed is refused by the device that reads it, in words, logged, and the
// device's records are unchanged. The unit test of the same attack: tests/unit/sync/envelopeBinding.test.ts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { syncLog } from '../../src/storage';
import { engineEnvelope, generateSyncSecret, syncLayout } from '../../src/sync';
import { installFileClock } from '../unit/bundle/helpers';
import { portfolio } from '../unit/trust/world';
import { copyAndAnnounce, heldRecords } from '../unit/sync/attacker';
import { acceptEachOther, on, person, syncDevice, usedBy } from '../unit/sync/world';
import { freshPrefix, storeOn } from './helpers';

installFileClock();

describe('sealed objects copied in the bucket, on Ceph RGW', () => {
  it('are refused with their original name, logged, and change nothing', async () => {
    const store = storeOn();
    const prefix = freshPrefix('bound');
    const P = `${prefix}/`;
    const envelope = await engineEnvelope(generateSyncSecret());
    const phone = await syncDevice('sam-phone', store, { prefix, envelope });
    const sam = await person('Sam', 'assessor');
    const cara = await person('Cara', 'candidate');
    const first = (await portfolio(cara, sam)).id;
    const second = (await portfolio(cara, sam)).id;
    const tablet = await syncDevice('cara-tablet', store, { prefix, envelope });
    await usedBy(tablet, cara);
    await acceptEachOther([phone, tablet], [sam, cara]);
    await on(phone, () => phone.engine.runOnce());
    await on(tablet, () => tablet.engine.runOnce());
    const before = await on(tablet, heldRecords);

    const folder = (portfolioId: string, deviceId: string) => syncLayout.bundleFolder(P, portfolioId, deviceId);
    const [original] = (await store.list(folder(first, phone.id))).map((o) => o.key);
    const feed = (await store.list(syncLayout.feedFolder(P))).map((o) => o.key);
    const copies = [
      `${folder(first, phone.id)}000000009999-full.zip.sealed`,
      `${folder(first, '00000000-0000-4000-9000-000000000042')}000000000001-full.zip.sealed`,
      `${folder(second, phone.id)}000000009999-full.zip.sealed`,
    ];
    const serverCopy = async (from: string, to: string) => {
      const headers = { 'x-amz-copy-source': `/${store.location.bucket}/${from}` };
      await store.request({ method: 'PUT', key: to, headers });
    };
    for (const to of copies) {
      await copyAndAnnounce(P, serverCopy, (key) => store.putNew(key, new Uint8Array()), feed, original!, to);
    }
    expect((await store.get(copies[0]!))!.length).toBe((await store.get(original!))!.length);

    const { pulled } = await on(tablet, () => tablet.engine.runOnce());
    expect(pulled).toMatchObject({ refused: 3, objectsApplied: 0 });
    expect(await on(tablet, heldRecords)).toEqual(before);
    const errors = (await on(tablet, () => syncLog())).filter((l) => l.level === 'error');
    for (const to of copies) {
      expect(errors).toContainEqual(
        expect.objectContaining({
          key: to,
          message: `Refused ${to}: it was sealed for “${original}” and copied or moved to this name in the store; an encrypted object is accepted only under the name it was written to. Nothing was changed.`,
        }),
      );
    }
  });
});
