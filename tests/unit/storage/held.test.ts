// Held changes (docs/trust.md, "What the person sees"): a bundle from a key this device does not accept is kept
// aside; once its key is accepted for a person, each held change is judged again and applied if that person may
// make it; a person may discard one, and the audit log says so.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setDatabase } from '../../../src/storage/db';
import {
  acceptKey,
  auditLog,
  discardHeld,
  listHeld,
  listPeople,
  loadPortfolio,
  rejudgeHeld,
} from '../../../src/storage';
import { importBundle } from '../../../src/bundle';
import { device, installFileClock, setUpDemoPhone } from '../bundle/helpers';

installFileClock();

describe('held changes', () => {
  const demo = setUpDemoPhone();

  /** The tablet imports the phone's demo bundle without accepting the phone's key: every change is held. */
  async function tabletHoldingTheDemo() {
    const tablet = await device('tablet-held');
    const { bundle, result } = await importBundle(demo.bundle, 'restore');
    expect(result.written).toBe(0);
    expect(result.held).toBeGreaterThan(0);
    const named = (name: string) => bundle.records.people.find((p) => p.name === name)!.id;
    return { tablet, signer: bundle.signer, held: result.held, named };
  }

  it('applies the changes a key may make once it is accepted for a person, and keeps those that person may not make', async () => {
    const { signer, held, named } = await tabletHoldingTheDemo();
    expect(await loadPortfolio(demo.demoId)).toBeNull();
    expect((await listHeld(demo.demoId)).every((r) => r.reason.includes('does not accept'))).toBe(true);
    // Judging again with nothing new trusted changes nothing.
    expect(await rejudgeHeld()).toEqual({ applied: 0, superseded: 0, stillHeld: held });

    // The phone's key accepted as the candidate's: her portfolio, her evidence, but no assessor's sign-off.
    const accept = (personIds: string[]) =>
      acceptKey({ deviceKey: signer.deviceKey, deviceId: signer.deviceId, personIds, acceptedBy: null });
    await accept([named('Annie Macleod')]);
    const asCandidate = await rejudgeHeld();
    expect(asCandidate.applied).toBeGreaterThan(0);
    expect(asCandidate.applied + asCandidate.stillHeld).toBe(held);
    const portfolio = (await loadPortfolio(demo.demoId))!;
    expect(portfolio.evidence.length).toBe(7);
    expect(portfolio.decisions.filter((d) => d.kind === 'unit-signoff')).toEqual([]);
    const signoffs = (await listHeld(demo.demoId)).filter(
      (r) => r.table === 'decisions' && r.record.kind === 'unit-signoff',
    );
    expect(signoffs.length).toBeGreaterThan(0);
    const plain = signoffs.find((r) => !r.record.countersignedBy)!;
    expect(plain.reason).toBe('a judgement or unit sign-off needs the key of the assessor who made it');
    const countersigned = signoffs.find((r) => r.record.countersignedBy)!;
    expect(countersigned.reason).toBe('a countersignature needs the key of the qualified assessor who countersigns');
    expect((await auditLog(demo.demoId)).find((a) => a.action === 'apply-held')?.summary).toContain(signer.deviceKey);

    // Accepted for the assessor too: her sign-offs now apply.
    await accept([named('J Sullivan')]);
    const asAssessor = await rejudgeHeld();
    expect(asAssessor.applied).toBeGreaterThan(0);
    const signedOff = (await loadPortfolio(demo.demoId))!.decisions.filter((d) => d.kind === 'unit-signoff');
    expect(signedOff.map((d) => d.unitCode).sort()).toEqual(expect.arrayContaining(['A10', 'F1', 'F2']));
    expect((await listPeople()).map((p) => p.name)).toContain('J Sullivan');
    setDatabase(demo.phone);
  });

  it('discards a held change: it leaves the held list, the audit log records it, and it is never applied', async () => {
    const { signer } = await tabletHoldingTheDemo();
    const before = await listHeld();
    const evidence = before.find((r) => r.table === 'evidence')!;
    await discardHeld(evidence.id);
    expect((await listHeld()).map((r) => r.id)).toEqual(before.filter((r) => r !== evidence).map((r) => r.id));
    const entry = (await auditLog(demo.demoId)).find((a) => a.action === 'discard-held')!;
    expect(entry.recordId).toBe(evidence.recordId);
    expect(entry.summary).toContain(signer.deviceKey);
    // Accepting its key later, for everyone, applies the rest but not what was discarded.
    const everyone = before.filter((r) => r.table === 'people').map((r) => r.recordId);
    await acceptKey({ deviceKey: signer.deviceKey, deviceId: signer.deviceId, personIds: everyone, acceptedBy: null });
    expect((await rejudgeHeld()).applied).toBeGreaterThan(0);
    const evidenceIds = (await loadPortfolio(demo.demoId))!.evidence.map((e) => e.id);
    expect(evidenceIds.length).toBe(6);
    expect(evidenceIds).not.toContain(evidence.recordId);
    setDatabase(demo.phone);
  });
});
