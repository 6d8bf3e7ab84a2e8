// The EQA visit pack: one signed bag of the centre's records and the chosen portfolios with their media. It round
// trips (every record and media file as stored, the report made again from the data is the one carried), any
// tampering is refused with the file named, and a pack may not carry records of portfolios it does not hold.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDatabase, type FieldfolioDB } from '../../../src/storage/db';
import {
  acceptKey,
  listAppeals,
  loadDemoCentre,
  portfolioForExport,
  qaOfPortfolio,
  savePerson,
  setActingPerson,
  storeSpecs,
  type DemoCentre,
} from '../../../src/storage';
import { exportEqaPack } from '../../../src/bundle/pack';
import { verifiedPackReport, verifyPack, type VerifiedPack } from '../../../src/bundle/packVerify';
import { verifyBundle } from '../../../src/bundle/verify';
import { importBundle } from '../../../src/bundle/import';
import { exportVerifierDecisions } from '../../../src/bundle/verifierDecisions';
import { exportPortfolio } from '../../../src/bundle/export';
import { device, installFileClock, mutate, refusalOf, resignedWith, unzipAll } from './helpers';
import { loadSpec } from '../domain/loadSpecs';

installFileClock();
const SPECS = ['svq3-customer-service-scqf6', 'vtct-l3-dip-customer-service'].map(loadSpec);

let centreDevice: FieldfolioDB;
let centre: DemoCentre;
let held: string[];
let packBlob: Blob;
let pack: VerifiedPack;

beforeAll(async () => {
  centreDevice = await device('centre');
  await storeSpecs(SPECS, 'bundled');
  centre = await loadDemoCentre();
  await setActingPerson(centre.staff.kenneth.id);
  // The portfolio with the appeal, one with the open action, and one other: with their media.
  const appealed = (await listAppeals()).map((a) => a.portfolioId!);
  const withAction = [];
  for (const id of centre.portfolioIds) if ((await qaOfPortfolio(id)).actions.length > 0) withAction.push(id);
  held = [...new Set([...appealed, ...withAction, centre.portfolioIds[0]!])];
  packBlob = (await exportEqaPack(held)).blob;
  pack = await verifyPack(packBlob);
}, 120_000);

const refusal = (blob: Blob) => refusalOf(verifyPack(blob), 'the pack');

describe('an EQA visit pack', () => {
  it('holds the chosen portfolios complete, as stored, with every media file once', async () => {
    expect(pack.portfolios.map((p) => p.portfolioId)).toEqual(held);
    for (const p of pack.portfolios) {
      setDatabase(centreDevice);
      const stored = (await portfolioForExport(p.portfolioId))!;
      for (const table of ['evidence', 'decisions', 'iqaDecisions', 'qaActions', 'media'] as const) {
        expect(p.records[table].map((r) => r.id).sort()).toEqual(stored.records[table].map((r) => r.id).sort());
      }
      for (const m of p.records.media.filter((x) => !x.deleted)) {
        const bytes = new Uint8Array(await p.media.get(m.id)!.arrayBuffer());
        const storedBytes = new Uint8Array(await stored.mediaBlobs.get(m.id)!.arrayBuffer());
        expect(bytes).toEqual(storedBytes);
      }
    }
    expect(pack.portfolios.flatMap((p) => p.records.media).length).toBeGreaterThan(0);
  });

  it("carries the centre's records: plans with coverage, standardisation, CPD, the appeal, the staff", () => {
    expect(pack.centre.samplingPlans.length).toBeGreaterThan(0);
    expect(pack.coverage.map((c) => c.planId).sort()).toEqual(pack.centre.samplingPlans.map((p) => p.id).sort());
    expect(pack.centre.standardisations.length).toBe(1);
    expect(pack.centre.cpdRecords.length).toBe(6);
    expect(pack.centre.appeals.every((a) => held.includes(a.portfolioId!))).toBe(true);
    const staffNames = pack.centre.people.filter((p) => p.roles.includes('iqa')).map((p) => p.name);
    expect(staffNames).toEqual(expect.arrayContaining(['Kenneth Hay', 'Aileen McKell']));
    expect(pack.caseload.reduce((n, l) => n + l.inPack, 0)).toBe(held.length);
    expect(pack.sender?.name).toBe('Kenneth Hay');
  });

  it('carries a script-free report the app makes again from the data, byte for byte', async () => {
    const report = await verifiedPackReport(pack);
    expect(report.received).toBe('same');
    expect(report.html).not.toMatch(/<script/i);
    for (const heading of [
      'Caseload summary',
      'Sampling plans and their coverage',
      'IQA decisions',
      'Actions and their state',
      'Standardisation',
      'Assessor and IQA competence',
      'Appeals',
    ]) {
      expect(report.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(report.html).toContain('disagree');
    const files = await unzipAll(packBlob);
    const folder = Object.keys(files)[0]!.split('/')[0]!;
    for (const id of held) expect(files[`${folder}/data/portfolios/${id}/report.html`]).toBeDefined();
  });

  it('is refused by the portfolio importer, and a portfolio bundle by the pack opener, each saying what it is', async () => {
    await expect(verifyBundle(packBlob)).rejects.toThrow(/EQA visit pack, not a portfolio bundle/);
    setDatabase(centreDevice);
    const single = (await exportPortfolio(held[0]!)).blob;
    expect(await refusal(single)).toMatch(/portfolio bundle, not an EQA visit pack/);
  });
});

describe('who may make a pack', () => {
  it('is only a qualified IQA: a trainee IQA, an assessor and no one are refused in words, before any file is made', async () => {
    setDatabase(centreDevice);
    try {
      await setActingPerson(centre.staff.aileen.id);
      await expect(exportEqaPack(held)).rejects.toThrow(
        /Aileen McKell is working towards the IQA qualification: a qualified IQA makes the EQA visit pack/,
      );
      await setActingPerson(centre.staff.jo.id);
      await expect(exportEqaPack(held)).rejects.toThrow(/is not an internal quality assurer here/);
      await setActingPerson(null);
      await expect(exportEqaPack(held)).rejects.toThrow(/Choose who you are/);
      await setActingPerson(centre.staff.kenneth.id);
      expect((await exportEqaPack(held.slice(0, 1))).blob.size).toBeGreaterThan(0);
    } finally {
      await setActingPerson(centre.staff.kenneth.id);
    }
  });
});

describe('a tampered pack', () => {
  it('is refused when a media byte changes', async () => {
    const files = await unzipAll(packBlob);
    const mediaPath = Object.keys(files).find((p) => p.includes('/data/media/'))!;
    const bytes = new Uint8Array(await packBlob.arrayBuffer());
    const name = new TextEncoder().encode(mediaPath);
    // The file's data follows its local header (30 bytes + name); flip a byte well inside it.
    const at = indexOf(bytes, name) + name.length + 40;
    const altered = await mutate(packBlob, (b) => (b[at] = b[at]! ^ 0xff));
    expect(await refusal(altered)).toMatch(/data\/media\//);
  });

  it('is refused when a record changes without a new signature', async () => {
    const bytes = new Uint8Array(await packBlob.arrayBuffer());
    const at = indexOf(bytes, new TextEncoder().encode('"Kenneth Hay"')) + 2;
    const altered = await mutate(packBlob, (b) => (b[at] = 'X'.charCodeAt(0)));
    expect(await refusal(altered)).toMatch(/SHA-256|CRC|hash/i);
  });
});

describe("a pack's scope", () => {
  const other = () => centre.portfolioIds.find((id) => !held.includes(id))!;

  it('refuses files of a portfolio the pack does not list', async () => {
    const smuggled = await resignedWith(packBlob, (f) => {
      f[`data/portfolios/${other()}/portfolio.json`] = f[`data/portfolios/${held[0]}/portfolio.json`]!;
    });
    expect(await refusal(smuggled)).toMatch(/does not list: a pack carries only its portfolios/);
  });

  it("refuses a portfolio's file carrying another portfolio's records", async () => {
    const smuggled = await resignedWith(packBlob, (f) => {
      const path = `data/portfolios/${held[0]}/portfolio.json`;
      const file = JSON.parse(f[path]!);
      file.records.evidence[0].portfolioId = other();
      f[path] = JSON.stringify(file);
    });
    expect(await refusal(smuggled)).toMatch(/belongs to another portfolio/);
  });

  it('refuses an appeal about a portfolio the pack does not hold', async () => {
    const smuggled = await resignedWith(packBlob, (f) => {
      const file = JSON.parse(f['data/pack.json']!);
      file.centre.appeals[0].portfolioId = other();
      f['data/pack.json'] = JSON.stringify(file);
    });
    expect(await refusal(smuggled)).toMatch(/which the pack does not hold/);
  });

  it("refuses portfolio records in the centre's part", async () => {
    const smuggled = await resignedWith(packBlob, (f) => {
      const file = JSON.parse(f['data/pack.json']!);
      file.centre.evidence = [];
      f['data/pack.json'] = JSON.stringify(file);
    });
    expect(await refusal(smuggled)).toMatch(/pack schema/);
  });

  it('refuses a media file no portfolio of the pack names', async () => {
    const smuggled = await resignedWith(packBlob, (f) => {
      f[`data/media/${'0'.repeat(64)}.jpg`] = 'extra bytes';
    });
    expect(await refusal(smuggled)).toMatch(/named by no portfolio in the pack/);
  });
});

describe("the EQA's decisions", () => {
  it('leave the EQA device as a signed bundle the centre merges', async () => {
    await device('eqa');
    const eqa = await savePerson({ name: 'Esther Quinn', roles: ['ev'] });
    const opened = await verifyPack(packBlob);
    const sampled = opened.portfolios[0]!;
    const unit = sampled.records.enrolments[0]!.route[0]!;
    const { blob } = await exportVerifierDecisions({
      enrolment: sampled.records.enrolments[0]!,
      verifier: eqa,
      samples: [{ unitCode: unit, outcome: 'met', comments: 'Agree with the IQA' }],
    });
    setDatabase(centreDevice);
    const bundle = await verifyBundle(blob);
    await acceptKey({
      deviceKey: bundle.signer.deviceKey,
      deviceId: bundle.signer.deviceId,
      personIds: [eqa.id],
      acceptedBy: centre.staff.kenneth.id,
    });
    const { result } = await importBundle(blob, 'merge');
    expect(result.held).toBe(0);
    const merged = (await portfolioForExport(sampled.portfolioId))!;
    const decision = merged.records.decisions.find((d) => d.kind === 'sample' && d.assessorId === eqa.id);
    expect(decision).toMatchObject({ unitCode: unit, outcome: 'met', comments: 'Agree with the IQA' });
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
