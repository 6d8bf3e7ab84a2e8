// Attack 2 (issue 10): a validly signed bundle from a key that may not make its changes. The receiving device
// (home) accepts each key for the person it belongs to; what a key's person may not do is held, with the reason,
// and never applied. Unknown and revoked keys, and certificates from centres home does not trust, count for nothing.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptKey, countersign, savePerson } from '../../../src/storage';
import { db } from '../../../src/storage/db';
import { write } from '../../../src/storage/write';
import { exportPortfolio, importBundle } from '../../../src/bundle';
import type { Decision, Person } from '../../../src/domain';
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
  signatureBy,
  signOffBy,
  switchTo,
  type Device,
} from './world';

installFileClock();

const SIGN_OFF_NEEDS_ASSESSOR = 'decisions a judgement or unit sign-off needs the key of the assessor who made it';
const COUNTERSIGN_NEEDS_QUALIFIED = 'a countersignature needs the key of the qualified assessor who countersigns';

describe('authority: a key makes only the changes its person may make', () => {
  let home: Device;
  let cand: Person, sam: Person, rory: Person;
  let portfolioId: string;

  const sendHome = (from: Device) => send(from, home, portfolioId);

  /** A device that has the portfolio from home, its key accepted on home as `person`'s. */
  async function deviceOf(name: string, person: Person) {
    const d = await newDevice(name);
    await copyPortfolio(home, d, portfolioId);
    switchTo(home);
    await acceptKey({ deviceKey: d.key, deviceId: d.id, personIds: [person.id], acceptedBy: null });
    switchTo(d);
    return d;
  }

  const decisionsAtHome = async () => {
    switchTo(home);
    return db().decisions.where('portfolioId').equals(portfolioId).toArray();
  };

  beforeAll(async () => {
    home = await newDevice('home');
    cand = await candidate('Cara');
    sam = await assessor('Sam');
    rory = await assessor('Rory', 'working-towards');
    portfolioId = (await portfolio(cand, sam)).id;
  });

  it('a candidate’s key adding a unit sign-off or a criterion judgement: held, not applied', async () => {
    const phone = await deviceOf('candidate-phone', cand);
    const signOff = await signOffBy(portfolioId, sam, '2026-04-01');
    const judgement = await criterionMetBy(portfolioId, sam, '2026-04-01');
    const result = await sendHome(phone);
    expect(result).toMatchObject({ held: 3, written: 0 });
    expect(await heldReasons(portfolioId)).toEqual(
      expect.arrayContaining([
        SIGN_OFF_NEEDS_ASSESSOR,
        'signatures a unit sign-off signature needs the signing assessor’s key',
      ]),
    );
    expect((await decisionsAtHome()).map((d) => d.id)).not.toContain(signOff.id);
    expect((await decisionsAtHome()).map((d) => d.id)).not.toContain(judgement.id);
  });

  it('a candidate’s key that makes its person an assessor in the same bundle signs off nothing', async () => {
    const phone = await deviceOf('candidate-phone-2', cand);
    await savePerson({ ...cand, roles: ['candidate', 'assessor'], assessorStatus: 'qualified' });
    const own = await signOffBy(portfolioId, cand, '2026-04-02');
    await sendHome(phone);
    expect(await heldReasons(portfolioId)).toContain(
      'people a person may not change their own roles or assessor status',
    );
    expect((await decisionsAtHome()).map((d) => d.id)).not.toContain(own.id);
    expect((await db().people.get(cand.id))!.roles).toEqual(['candidate']);
  });

  it('a trainee assessor signs off in their own name, but their countersignature is held', async () => {
    const tablet = await deviceOf('trainee-tablet', rory);
    const signOff = await signOffBy(portfolioId, rory, '2026-04-03');
    expect(await sendHome(tablet)).toMatchObject({ held: 0 });
    switchTo(tablet);
    await countersign(signOff, rory.id, signatureBy(rory));
    const result = await sendHome(tablet);
    expect(result.held).toBe(2);
    expect(await heldReasons(portfolioId)).toContain(`decisions ${COUNTERSIGN_NEEDS_QUALIFIED}`);
    expect((await db().decisions.get(signOff.id))!.countersignedBy).toBeNull();
  });

  it('a decision marked countersigned with no countersignature record is held; a real countersignature applies', async () => {
    const laptop = await deviceOf('assessor-laptop', sam);
    const traineeSignOff = (await db().decisions.toArray()).find((d) => d.assessorId === rory.id && !d.deleted)!;
    const flagged = await write('the countersignature', portfolioId, (ctx) =>
      ctx.put('decisions', { ...traineeSignOff, countersignedBy: sam.id }),
    );
    await sendHome(laptop);
    expect(await heldReasons(portfolioId)).toContain(
      'decisions a decision marked countersigned needs the countersigner’s signature record',
    );
    expect((await db().decisions.get(traineeSignOff.id))!.countersignedBy).toBeNull();
    switchTo(laptop);
    await countersign(flagged as Decision, sam.id, signatureBy(sam));
    expect(await sendHome(laptop)).toMatchObject({ held: 0 });
    expect((await db().decisions.get(traineeSignOff.id))!.countersignedBy).toBe(sam.id);
  });

  it('a key no one accepted: every change held, the portfolio absent; once accepted, the bundle applies', async () => {
    const stranger = await newDevice('stranger');
    const uma = await candidate('Uma');
    const theirs = await portfolio(uma, null);
    const { blob } = await exportPortfolio(theirs.id);
    switchTo(home);
    const first = (await importBundle(blob, 'restore')).result;
    expect(first).toMatchObject({ written: 0, held: 3 });
    expect(await db().enrolments.get(theirs.id)).toBeUndefined();
    expect(await db().held.where('portfolioId').equals(theirs.id).first()).toMatchObject({
      reason: expect.stringMatching(/^signed by a key this device does not accept/),
    });
    // Nothing the unknown key signed is applied, its audit entries included.
    expect(await db().audit.where({ portfolioId: theirs.id, deviceId: stranger.id }).count()).toBe(0);
    await acceptKey({ deviceKey: stranger.key, deviceId: stranger.id, personIds: [uma.id], acceptedBy: null });
    expect((await importBundle(blob, 'restore')).result).toMatchObject({ held: 0, written: 3 });
    expect((await db().enrolments.get(theirs.id))!.candidateId).toBe(uma.id);
  });
});
