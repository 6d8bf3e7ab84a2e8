// An EQA's decisions on several portfolios of a visit pack: one signed bag, verified once by the centre, each
// portfolio's part admitted under the ordinary trust rules and all merged in one transaction; a bag that carries
// anything but sampling decisions, or a portfolio it does not list, is refused with the file named.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDatabase, type FieldfolioDB } from '../../../src/storage/db';
import {
  acceptKey,
  loadDemoCentre,
  portfolioForExport,
  savePerson,
  setActingPerson,
  storeSpecs,
  type DemoCentre,
} from '../../../src/storage';
import type { Person } from '../../../src/domain';
import { exportEqaPack } from '../../../src/bundle/pack';
import { verifyPack, type VerifiedPack } from '../../../src/bundle/packVerify';
import { verifyBundle } from '../../../src/bundle/verify';
import {
  admitEqaDecisions,
  exportEqaDecisions,
  verifyReceived,
  writeEqaDecisions,
  type VerifiedEqaDecisions,
} from '../../../src/bundle/eqaDecisions';
import { device, installFileClock, refusalOf, resignedWith } from './helpers';
import { loadSpec } from '../domain/loadSpecs';

installFileClock();
const SPECS = ['svq3-customer-service-scqf6', 'vtct-l3-dip-customer-service'].map(loadSpec);

let centreDevice: FieldfolioDB;
let centre: DemoCentre;
let pack: VerifiedPack;
let eqa: Person;
let decisionsBlob: Blob;

beforeAll(async () => {
  centreDevice = await device('centre');
  await storeSpecs(SPECS, 'bundled');
  centre = await loadDemoCentre();
  await setActingPerson(centre.staff.kenneth.id);
  const packBlob = (await exportEqaPack(centre.portfolioIds.slice(0, 3))).blob;
  await device('eqa');
  eqa = await savePerson({ name: 'Esther Quinn', roles: ['ev'] });
  pack = await verifyPack(packBlob);
  const [first, second, third] = pack.portfolios;
  decisionsBlob = (
    await exportEqaDecisions({
      packId: pack.packId,
      verifier: eqa,
      portfolios: [
        { enrolment: first!.records.enrolments[0]!, samples: [sample(first!, 'met')] },
        { enrolment: second!.records.enrolments[0]!, samples: [sample(second!, 'not-yet')] },
        // A portfolio looked at but not sampled is left out.
        { enrolment: third!.records.enrolments[0]!, samples: [] },
      ],
    })
  ).blob;
  setDatabase(centreDevice);
}, 120_000);

function sample(p: VerifiedPack['portfolios'][number], outcome: 'met' | 'not-yet') {
  return { unitCode: p.records.enrolments[0]!.route[0]!, outcome, comments: `EQA on ${p.portfolioId}` };
}

async function received(blob: Blob): Promise<VerifiedEqaDecisions> {
  const r = await verifyReceived(blob);
  if (r.kind !== 'eqa-decisions') throw new Error(`expected an EQA decisions bundle, got ${r.kind}`);
  return r.decisions;
}

const refusal = (blob: Blob) => refusalOf(verifyReceived(blob), 'the bundle');

describe("an EQA's decisions on a pack", () => {
  it('are one bundle holding each sampled portfolio, which a portfolio importer refuses saying what it is', async () => {
    const decisions = await received(decisionsBlob);
    expect(decisions.packId).toBe(pack.packId);
    expect(decisions.sender).toEqual({ personId: eqa.id, name: 'Esther Quinn' });
    expect(decisions.portfolios.map((p) => p.portfolioId)).toEqual(
      pack.portfolios.slice(0, 2).map((p) => p.portfolioId),
    );
    for (const part of decisions.portfolios) {
      expect(part.scope).toBe('changes');
      expect(part.records.evidence).toEqual([]);
      expect(part.records.decisions.map((d) => [d.kind, d.assessorId])).toEqual([['sample', eqa.id]]);
    }
    await expect(verifyBundle(decisionsBlob)).rejects.toThrow(/EQA’s decisions on several portfolios/);
  });

  it('wait for the EQA’s key, then merge into every portfolio at once', async () => {
    const decisions = await received(decisionsBlob);
    const before = await admitEqaDecisions(decisions);
    expect(before.every((a) => a.signer.standing.kind === 'unknown')).toBe(true);
    await acceptKey({
      deviceKey: decisions.signer.deviceKey,
      deviceId: decisions.signer.deviceId,
      personIds: [eqa.id],
      acceptedBy: centre.staff.kenneth.id,
    });
    const results = await writeEqaDecisions(decisions, await admitEqaDecisions(decisions));
    expect(results.map((r) => r.held)).toEqual([0, 0]);
    for (const [i, outcome] of (['met', 'not-yet'] as const).entries()) {
      const p = pack.portfolios[i]!;
      const stored = (await portfolioForExport(p.portfolioId))!.records.decisions.filter(
        (d) => d.assessorId === eqa.id,
      );
      expect(stored).toMatchObject([{ kind: 'sample', outcome, comments: `EQA on ${p.portfolioId}` }]);
    }
    // Merging the same bundle again changes nothing.
    const again = await writeEqaDecisions(decisions, await admitEqaDecisions(decisions));
    expect(again.map((r) => r.written)).toEqual([0, 0]);
  });

  it('refuses a part carrying more than sampling decisions, and a file for a portfolio it does not list', async () => {
    const withEvidence = await resignedWith(decisionsBlob, (files) => {
      const path = Object.keys(files).find((p) => p.endsWith('portfolio.json'))!;
      const file = JSON.parse(files[path]!);
      const evidence = pack.portfolios[0]!.records.evidence[0];
      file.records.evidence = [{ ...evidence, portfolioId: file.portfolioId }];
      files[path] = JSON.stringify(file);
    });
    expect(await refusal(withEvidence)).toMatch(/carries evidence: only decisions travel here/);
    const unlisted = await resignedWith(decisionsBlob, (files) => {
      const path = Object.keys(files).find((p) => p.endsWith('portfolio.json'))!;
      files[path.replace(/portfolios\/[^/]+\//, 'portfolios/someone-else/')] = files[path]!;
    });
    expect(await refusal(unlisted)).toMatch(/is not a file an EQA decisions bundle holds/);
  });
});
