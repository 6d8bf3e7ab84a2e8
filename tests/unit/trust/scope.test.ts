// Attack 1 (issue 10): a bundle for a new portfolio reaches into other portfolios on the receiving device. Its
// records are the attacker device's own, validly signed, and its key is even accepted on the target: scope alone
// must refuse each reach, before anything is written.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptKey, deleteEvidence, savePerson } from '../../../src/storage';
import { write } from '../../../src/storage/write';
import { db } from '../../../src/storage/db';
import { admitBundle, exportPortfolio, verifyBundle } from '../../../src/bundle';
import type { Decision, Person } from '../../../src/domain';
import { installFileClock, rejection } from '../bundle/helpers';
import {
  assessor,
  candidate,
  newDevice,
  portfolio,
  refused,
  signatureBy,
  signedHere,
  signOffBy,
  switchTo,
  withExtra,
  type Device,
} from './world';

installFileClock();

describe('scope: a bundle speaks for its own portfolio only', () => {
  let target: Device, attacker: Device;
  let vera: Person, mallory: Person;
  let first: Awaited<ReturnType<typeof portfolio>>;
  let third: { id: string; signOff: Decision };

  beforeAll(async () => {
    target = await newDevice('target');
    const sam = await assessor('Sam');
    vera = await candidate('Vera');
    first = await portfolio(vera, sam);
    const walt = await candidate('Walt');
    const thirdPortfolio = await portfolio(walt, sam);
    const signOff = await signOffBy(thirdPortfolio.id, sam, '2026-04-01');
    third = { id: thirdPortfolio.id, signOff };
    attacker = await newDevice('attacker');
    mallory = await candidate('Mallory');
    switchTo(target);
    // The strongest attacker: a key the target has accepted (for Mallory, its candidate).
    await acceptKey({ deviceKey: attacker.key, deviceId: attacker.id, personIds: [mallory.id], acceptedBy: null });
  });

  /** A new portfolio of Mallory's on the attacker's device, made by `attack` there, exported as the app does. */
  async function attackBundle(attack: (portfolioId: string) => Promise<unknown> = async () => {}) {
    switchTo(attacker);
    const own = await portfolio(mallory, null);
    await attack(own.id);
    const { blob } = await exportPortfolio(own.id);
    return { blob, portfolioId: own.id };
  }

  it('without a reach, the attacker’s new portfolio is admitted: the refusals below are the reaches’ alone', async () => {
    const { blob } = await attackBundle();
    switchTo(target);
    const admission = await admitBundle(await verifyBundle(blob));
    expect(admission.refusals).toEqual([]);
    expect(admission.held).toEqual([]);
  });

  it('(a) renaming a person of another portfolio is refused', async () => {
    const { blob } = await attackBundle();
    // The attacker's device makes its own version of Vera (same id), signed as its export signs.
    const renamed = await savePerson({ id: vera.id, name: 'Vera Renamed', roles: ['candidate'] });
    const tampered = await withExtra(blob, { records: await signedHere({ people: [renamed] }) });
    switchTo(target);
    expect(await refused(tampered)).toContain(`people ${vera.id}: a person this portfolio does not name`);
    expect((await db().people.get(vera.id))!.name).toBe('Vera');
  });

  it('(b) deleting another portfolio’s only evidence is refused, under its own portfolio id or the victim’s', async () => {
    const evidenceId = first.evidence.id;
    const { blob } = await attackBundle(async (own) => {
      // Made and deleted in the attacker's own portfolio: the tombstone leaves by a plain export.
      await write('attack', own, (ctx) =>
        ctx.put('evidence', { id: evidenceId, portfolioId: own, type: 'P', title: 'x', date: '2026-03-01' }),
      );
      await deleteEvidence(own, evidenceId);
    });
    switchTo(target);
    expect(await refused(blob)).toEqual([
      `evidence ${evidenceId}: would overwrite a record of another portfolio (${first.id})`,
    ]);
    // The same tombstone naming the victim's portfolio, slipped into a bundle for a new one (re-signed).
    const plain = await attackBundle();
    const underVictim = await write('attack', first.id, (ctx) =>
      ctx.put('evidence', { id: evidenceId, portfolioId: first.id, type: 'P', title: 'x', date: '2026-03-01' }),
    );
    await deleteEvidence(first.id, evidenceId);
    const tombstone = await db().evidence.get(evidenceId);
    const tampered = await withExtra(plain.blob, { records: await signedHere({ evidence: [tombstone!] }) });
    switchTo(target);
    // Verification already refuses a record of another portfolio than the bundle's, before admission.
    expect((await rejection(tampered)).message).toMatch(`evidence ${evidenceId} belongs to another portfolio`);
    expect(underVictim.portfolioId).toBe(first.id);
    expect((await db().evidence.get(evidenceId))!.deleted).toBe(false);
  });

  it('(c) deleting a sign-off (and its signature) in a third portfolio is refused', async () => {
    const { signOff } = third;
    const { blob } = await attackBundle(async (own) => {
      await write('attack', own, async (ctx) => {
        await ctx.put('decisions', { ...fieldsOf(signOff), portfolioId: own, deleted: true });
        await ctx.put('signatures', {
          ...signatureBy(mallory),
          id: signOff.signatureId!,
          portfolioId: own,
          purpose: 'unit-signoff',
          subjectId: signOff.id,
          signedAt: '2026-04-01T00:00:00.000Z',
          deleted: true,
        });
      });
    });
    switchTo(target);
    const reasons = await refused(blob);
    expect(reasons).toContain(`decisions ${signOff.id}: would overwrite a record of another portfolio (${third.id})`);
    expect(reasons).toContain(
      `signatures ${signOff.signatureId}: would overwrite a record of another portfolio (${third.id})`,
    );
    expect((await db().decisions.get(signOff.id))!.deleted).toBe(false);
  });

  it('(d) an audit entry of another portfolio, or one in the target device’s name, is refused', async () => {
    const { blob, portfolioId } = await attackBundle();
    const entry = { at: '2026-04-02T10:00:00.000Z', actorId: null, action: 'sign-off', recordType: 'decisions' };
    const elsewhere = { ...entry, id: 'planted-elsewhere', portfolioId: first.id, deviceId: attacker.id };
    const inTargetsName = { ...entry, id: 'planted-as-target', portfolioId, deviceId: target.id };
    const tampered = await withExtra(blob, {
      audit: [
        { ...elsewhere, recordId: 'x', summary: 'Unit signed off' },
        { ...inTargetsName, recordId: 'x', summary: 'Unit signed off' },
      ],
    });
    switchTo(target);
    const reasons = await refused(tampered);
    expect(reasons).toContain(`audit planted-elsewhere: an audit entry of another portfolio (${first.id})`);
    expect(reasons).toContain(
      'audit planted-as-target: an audit entry in this device’s name that this device never wrote',
    );
  });
});

/** A stored decision's content fields (what the attacker copies to take its id). */
function fieldsOf(d: Decision) {
  const { sig: _sig, clock: _clock, rev: _rev, deviceId: _device, createdAt: _c, updatedAt: _u, ...fields } = d;
  return fields;
}
