// Relay (docs/trust.md): records made on the candidate's phone, merged into the assessor's laptop and sent on
// from there, keep their author's signature: the office judges them as the phone's, and the laptop's as its own.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptKey } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import type { Decision, Evidence, Person } from '../../../src/domain';
import { installFileClock } from '../bundle/helpers';
import { assessor, candidate, newDevice, portfolio, signOffBy, type Device } from './world';

installFileClock();

describe('relay: a record speaks for its author wherever it travels', () => {
  let phone: Device, laptop: Device;
  let cara: Person, sam: Person;
  let evidence: Evidence, signOff: Decision;
  let relayed: Blob;

  beforeAll(async () => {
    phone = await newDevice('cara-phone');
    cara = await candidate('Cara');
    const started = await portfolio(cara, null);
    evidence = started.evidence;
    const fromPhone = (await exportPortfolio(started.id)).blob;
    laptop = await newDevice('sam-laptop');
    await acceptKey({ deviceKey: phone.key, deviceId: phone.id, personIds: [cara.id], acceptedBy: null });
    expect((await importBundle(fromPhone, 'restore')).result).toMatchObject({ held: 0 });
    sam = await assessor('Sam');
    signOff = await signOffBy(started.id, sam, '2026-04-01');
    relayed = (await exportPortfolio(started.id)).blob;
  });

  const accept = (d: Device, person: Person) =>
    acceptKey({ deviceKey: d.key, deviceId: d.id, personIds: [person.id], acceptedBy: null });

  it('the office that accepts both applies the phone’s records as the phone’s and the laptop’s as the laptop’s', async () => {
    await newDevice('office');
    await accept(phone, cara);
    await accept(laptop, sam);
    expect((await importBundle(relayed, 'restore')).result).toMatchObject({ held: 0, conflicts: 0 });
    const stored = await db().evidence.get(evidence.id);
    expect([stored!.deviceId, stored!.sig?.deviceKey]).toEqual([phone.id, phone.key]);
    const decision = await db().decisions.get(signOff.id);
    expect([decision!.deviceId, decision!.sig?.deviceKey]).toEqual([laptop.id, laptop.key]);
  });

  it('an office that accepts only the laptop holds the phone’s records: the relaying key does not speak for them', async () => {
    await newDevice('office-2');
    await accept(laptop, sam);
    const { result } = await importBundle(relayed, 'restore');
    const held = await db().held.toArray();
    expect(result.held).toBe(held.length);
    expect(held.map((h) => h.recordId).sort()).toEqual([cara.id, evidence.id, evidence.portfolioId].sort());
    expect(held.every((h) => h.deviceKey === phone.key && h.reason.startsWith('signed by a key this device'))).toBe(
      true,
    );
    expect(await db().decisions.get(signOff.id)).toBeDefined();
  });
});
