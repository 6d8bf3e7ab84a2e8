// Attack 2, certified keys (issue 10): a centre-certified assessor's key counts until the centre revokes it; after
// that its new changes are held. A certificate from a centre the receiving device does not trust counts for nothing.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addTrustDocuments, issueCertificate, makeCentreKey, revokeDeviceKey, trustCentre } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import type { Person } from '../../../src/domain';
import { installFileClock } from '../bundle/helpers';
import {
  assessor,
  candidate,
  copyPortfolio,
  criterionMetBy,
  heldReasons,
  newDevice,
  portfolio,
  send,
  signOffBy,
  switchTo,
  type Device,
} from './world';

installFileClock();

describe('certified keys: a centre’s word, and its withdrawal', () => {
  let home: Device;
  let portfolioId: string;

  beforeAll(async () => {
    home = await newDevice('home');
    portfolioId = (await portfolio(await candidate('Cara'), await assessor('Sam'))).id;
  });

  /** An assessor's phone holding the portfolio, certified as a qualified assessor by `centre` (it carries the certificate). */
  async function certifiedPhone(centre: Device, name: string): Promise<{ phone: Device; kim: Person }> {
    const phone = await newDevice(name);
    const kim = await assessor('Kim');
    switchTo(centre);
    const certificate = await issueCertificate({
      deviceId: phone.id,
      devicePublicKey: phone.publicKey,
      personId: kim.id,
      personName: kim.name,
      grants: [{ role: 'assessor', portfolios: 'all', status: 'qualified' }],
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2027-12-31T00:00:00.000Z',
    });
    await copyPortfolio(home, phone, portfolioId);
    await addTrustDocuments([certificate]);
    return { phone, kim };
  }

  const sendHome = (phone: Device) => send(phone, home, portfolioId);

  it('a certified key’s changes apply; once its revocation reaches home, its new changes are held', async () => {
    const centre = await newDevice('centre');
    const centreKey = await makeCentreKey();
    const { phone, kim } = await certifiedPhone(centre, 'kim-phone');
    switchTo(home);
    await trustCentre(centreKey.fingerprint);
    const signOff = await (switchTo(phone), signOffBy(portfolioId, kim, '2026-04-01'));
    expect(await sendHome(phone)).toMatchObject({ held: 0 });
    expect(await db().decisions.get(signOff.id)).toBeDefined();

    switchTo(centre);
    const revocation = await revokeDeviceKey(phone.key, 'phone lost');
    switchTo(home);
    expect(await addTrustDocuments([revocation])).toEqual({ added: 1, problems: [] });
    switchTo(phone);
    // Backdated to before the revocation: counts for nothing.
    const judgement = await criterionMetBy(portfolioId, kim, '2026-03-01');
    expect(await sendHome(phone)).toMatchObject({ held: 1, written: 0 });
    expect(await db().decisions.get(judgement.id)).toBeUndefined();
    expect(await heldReasons(portfolioId)).toEqual([
      expect.stringMatching(/^decisions signed by a revoked key \([0-9a-f ]+\): phone lost$/),
    ]);
  });

  it('a certificate from a centre home does not trust counts for nothing', async () => {
    const otherCentre = await newDevice('other-centre');
    await makeCentreKey();
    const { phone, kim } = await certifiedPhone(otherCentre, 'kim-phone-2');
    const signOff = await (switchTo(phone), signOffBy(portfolioId, kim, '2026-04-05'));
    const result = await sendHome(phone);
    expect(result.written).toBe(0);
    expect(result.held).toBeGreaterThanOrEqual(2);
    expect(await db().decisions.get(signOff.id)).toBeUndefined();
    const held = await db().held.where('deviceKey').equals(phone.key).toArray();
    expect(held.map((h) => h.reason)).toContain(
      `signed by a key this device does not accept (${held[0]!.deviceKey.match(/.{4}/g)!.join(' ')}): no trusted centre has certified this key and no one on this device has accepted it`,
    );
  });
});
