// Encrypted objects are bound to their key in the bucket: someone who may write to the bucket copies a genuine
// sealed bundle under another name — a later sequence number in the same folder (a replay), another device's
// folder, another portfolio of the same people — and announces it with a feed entry. Each copy is refused with its
// reason in words, logged, and nothing the device holds changes; an index object copied to another portfolio's
// place is not believed. The same attack on Ceph RGW: tests/sync/envelopeBinding.test.ts.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { enrolmentById, syncLog } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import { engineEnvelope, generateSyncSecret, syncLayout, type Envelope } from '../../../src/sync';
import { installFileClock } from '../bundle/helpers';
import { copyAndAnnounce, heldRecords } from './attacker';
import { portfolio } from '../trust/world';
import { MemoryStore } from './memoryStore';
import { acceptEachOther, on, person, PREFIX, sync, syncDevice, usedBy, type SyncDevice } from './world';

installFileClock();

const P = `${PREFIX}/`;

describe('a sealed object copied under another name', () => {
  let store: MemoryStore;
  let envelope: Envelope;
  let phone: SyncDevice, tablet: SyncDevice;
  let first: string, second: string;
  const folder = (portfolioId: string, deviceId: string) => syncLayout.bundleFolder(P, portfolioId, deviceId);
  const announce = (from: string, to: string) =>
    copyAndAnnounce(
      P,
      async (a, b) => void store.objects.set(b, store.objects.get(a)!.slice()),
      async (key) => void store.objects.set(key, new Uint8Array()),
      store.keys(`${P}feed/`),
      from,
      to,
    );
  const refusals = () =>
    on(tablet, async () => (await syncLog()).filter((l) => l.level === 'error').map((l) => `${l.key} ${l.message}`));

  beforeEach(async () => {
    store = new MemoryStore();
    envelope = await engineEnvelope(generateSyncSecret());
    phone = await syncDevice('sam-phone', store, { envelope });
    const sam = await person('Sam', 'assessor');
    const cara = await person('Cara', 'candidate');
    first = (await portfolio(cara, sam)).id;
    second = (await portfolio(cara, sam)).id;
    tablet = await syncDevice('cara-tablet', store, { envelope });
    await usedBy(tablet, cara);
    await acceptEachOther([phone, tablet], [sam, cara]);
    await sync(phone);
    await sync(tablet);
  });

  it('is refused in words, logged, and changes nothing: a later seq, another device, another portfolio', async () => {
    const [original] = store.keys(folder(first, phone.id));
    const before = await on(tablet, heldRecords);
    const copies = {
      replay: `${folder(first, phone.id)}000000009999-full.zip.sealed`,
      otherDevice: `${folder(first, '00000000-0000-4000-9000-000000000042')}000000000001-full.zip.sealed`,
      otherPortfolio: `${folder(second, phone.id)}000000009999-full.zip.sealed`,
    };
    for (const to of Object.values(copies)) await announce(original!, to);

    const { pulled } = await sync(tablet);
    expect(pulled).toMatchObject({ refused: 3, objectsApplied: 0 });
    expect(await on(tablet, heldRecords)).toEqual(before);
    const log = await refusals();
    for (const to of Object.values(copies)) {
      expect(log).toContain(
        `${to} Refused ${to}: it was sealed for “${original}” and copied or moved to this name in the store; an encrypted object is accepted only under the name it was written to. Nothing was changed.`,
      );
    }
    // The real objects still arrive: a new push from the phone after the copies.
    await on(phone, () => sync(phone));
    expect((await sync(tablet)).pulled.refused).toBe(0);
  });

  it('an index object copied to another portfolio’s place is not believed: that portfolio is not pulled', async () => {
    const dan = await on(phone, () => person('Dan', 'candidate'));
    const danPortfolio = await on(phone, async () => (await portfolio(dan, null)).id);
    await sync(phone);
    const late = await syncDevice('cara-laptop', store, { envelope });
    await usedBy(late, await on(phone, async () => (await db().people.toArray()).find((p) => p.name === 'Cara')!));
    await acceptEachOther([phone, late], await on(phone, () => db().people.toArray()));
    // The attacker puts Cara's index over Dan's and announces Dan's portfolio with Cara's people's hash.
    store.objects.set(syncLayout.indexKey(P, danPortfolio, phone.id), store.objects.get(syncLayout.indexKey(P, first, phone.id))!.slice()); // prettier-ignore
    const feed = store.keys(`${P}feed/`).map((k) => syncLayout.parseFeedKey(P, k)!);
    const caras = feed.find((e) => e.portfolioId === first)!;
    const dans = feed.find((e) => e.portfolioId === danPortfolio)!;
    const at = new Date(Date.now() + 1000).toISOString();
    store.objects.set(syncLayout.feedKey(P, { ...dans, at, partiesHash: caras.partiesHash }), new Uint8Array());

    await sync(late);
    expect(await on(late, () => enrolmentById(first))).toBeTruthy();
    expect(await on(late, () => enrolmentById(danPortfolio))).toBeUndefined();
    expect(await on(late, () => db().evidence.where('portfolioId').equals(danPortfolio).count())).toBe(0);
  });
});
