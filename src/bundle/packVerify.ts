// Verify an EQA visit pack completely, as a portfolio bundle is (the same container, signature and payload steps in
// verify.ts), then its records: data/pack.json against its schema, each portfolio's portfolio.json as a bundle's
// is, and the pack's scope: records only of the portfolios it holds, files only where the layout puts them.
import { readRecord, type QualificationSpec } from '../domain';
import type { PackCaseloadLine, PackCentreRecords, PackPlanCoverage } from '../storage';
import { sha256Hex } from '../storage';
import { type Bag, fail } from './bagread';
import { BUNDLE_SCHEMA_VERSION } from './format';
import { PACK_SCOPE, PackFile, portfolioFolder } from './packFormat';
import { packReport } from './packReport';
import {
  mediaOfRecords,
  parsePortfolioFile,
  parseBagJson,
  readSpecs,
  signerOf,
  validRecords,
  verifySignedBag,
  type CheckedPayload,
  type VerifiedBundle,
  type VerifyOptions,
} from './verify';

const PACK_JSON = 'data/pack.json';
const PACK_REPORT = 'data/report.html';

export interface VerifiedPack {
  packId: string;
  exportedAt: string;
  deviceId: string;
  signer: VerifiedBundle['signer'];
  sender: PackFile['sender'];
  centre: PackCentreRecords;
  coverage: PackPlanCoverage[];
  caseload: PackCaseloadLine[];
  /** Each portfolio as a verified, whole bundle signed by the pack's signer: what the verifier screens show. */
  portfolios: VerifiedBundle[];
  specs: QualificationSpec[];
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of the data/report.html the pack carried: only compared with the report made from the data. */
  receivedReportSha256: string | null;
}

export async function verifyPack(blob: Blob, options: VerifyOptions = {}): Promise<VerifiedPack> {
  const { bag, signed, payload } = await verifySignedBag(blob, options);
  if (payload.info.get('Fieldfolio-Scope')?.[0] !== PACK_SCOPE) {
    fail('bag-info.txt', 'says this is a portfolio bundle, not an EQA visit pack: open it under “Open a bundle”');
  }
  const pack = await readPackFile(bag, payload.info);
  checkPackLayout(payload.manifest, pack);
  const centre = validCentre(pack);
  const specs = await readSpecs(bag, payload.manifest);
  const signer = await signerOf(signed.signature);
  const portfolios: VerifiedBundle[] = [];
  for (const id of pack.portfolios) portfolios.push(await verifiedPortfolio(bag, payload, id, specs, signer));
  checkEveryMediaFileUsed(payload.manifest, portfolios);
  return {
    packId: pack.packId,
    exportedAt: pack.exportedAt,
    deviceId: pack.deviceId,
    signer,
    sender: pack.sender,
    centre,
    coverage: pack.coverage,
    caseload: pack.caseload,
    portfolios,
    specs,
    payloadFiles: payload.manifest.size,
    payloadBytes: payload.payloadBytes,
    receivedReportSha256: payload.manifest.get(PACK_REPORT) ?? null,
  };
}

async function readPackFile(bag: Bag, info: Map<string, string[]>): Promise<PackFile> {
  if (!bag.entries.has(PACK_JSON)) fail(PACK_JSON, 'is missing: every EQA visit pack has one');
  const pack = await parseBagJson(bag, PACK_JSON, PackFile, 'pack');
  if (pack.schemaVersion > BUNDLE_SCHEMA_VERSION) {
    fail(PACK_JSON, `schema version ${pack.schemaVersion} is newer than this app understands: update Fieldfolio first`);
  }
  if (info.get('External-Identifier')?.[0] !== pack.packId) {
    fail('bag-info.txt', 'External-Identifier is not the pack id in data/pack.json');
  }
  if (new Set(pack.portfolios).size !== pack.portfolios.length) fail(PACK_JSON, 'lists a portfolio twice');
  return pack;
}

const PORTFOLIO_FILE = /^data\/portfolios\/([^/]+)\/(portfolio\.json|report\.html)$/;

/** Every payload file is where the layout puts it, and a portfolio's files are only those of a portfolio it lists. */
function checkPackLayout(manifest: Map<string, string>, pack: PackFile): void {
  const listed = new Set(pack.portfolios);
  for (const path of manifest.keys()) {
    if (path === PACK_JSON || path === PACK_REPORT) continue;
    if (/^data\/specs\/[^/]+\.json$/.test(path) || /^data\/media\/[^/]+$/.test(path)) continue;
    const m = PORTFOLIO_FILE.exec(path);
    if (!m) fail(path, 'is not a file an EQA visit pack holds (see docs/bundle-format.md)');
    if (!listed.has(m![1]!)) {
      fail(
        path,
        `belongs to portfolio ${m![1]}, which data/pack.json does not list: a pack carries only its portfolios`,
      );
    }
  }
  for (const id of pack.portfolios) {
    const path = `${portfolioFolder(id)}/portfolio.json`;
    if (!manifest.has(path)) fail(path, 'is missing: data/pack.json lists this portfolio');
  }
}

const CENTRE_TABLES = ['samplingPlans', 'standardisations', 'cpdRecords', 'appeals', 'people'] as const;

/** The centre's records read (and migrated) as the app reads its own; an appeal may name only a portfolio held. */
function validCentre(pack: PackFile): PackCentreRecords {
  const centre = {} as Record<(typeof CENTRE_TABLES)[number], unknown[]>;
  for (const table of CENTRE_TABLES) {
    centre[table] = pack.centre[table].map((raw, i) => {
      try {
        return readRecord(table, raw);
      } catch (e) {
        return fail(PACK_JSON, `centre.${table}[${i}] is invalid: ${(e as Error).message}`);
      }
    });
  }
  const records = centre as unknown as PackCentreRecords;
  const held = new Set(pack.portfolios);
  for (const a of records.appeals) {
    if (a.portfolioId !== null && !held.has(a.portfolioId)) {
      fail(PACK_JSON, `appeal ${a.id} is about portfolio ${a.portfolioId}, which the pack does not hold`);
    }
  }
  return records;
}

/** One portfolio of the pack, checked as a portfolio bundle's records are: all of the one portfolio its folder names. */
async function verifiedPortfolio(
  bag: Bag,
  { manifest, payloadBytes }: CheckedPayload,
  id: string,
  specs: QualificationSpec[],
  signer: VerifiedBundle['signer'],
): Promise<VerifiedBundle> {
  const path = `${portfolioFolder(id)}/portfolio.json`;
  const file = await parsePortfolioFile(bag, path);
  if (file.portfolioId !== id) fail(path, `is portfolio ${file.portfolioId}, but sits in the folder of ${id}`);
  if (file.scope !== 'full') fail(path, 'is not a whole portfolio: a pack holds each portfolio complete');
  const records = validRecords(file, path);
  const enrolment = records.enrolments[0]!;
  return {
    portfolioId: id,
    exportedAt: file.exportedAt,
    deviceId: file.deviceId,
    scope: 'full',
    changesSince: null,
    records,
    audit: file.audit,
    specs: specs.filter((s) => s.id === enrolment.specId),
    media: await mediaOfRecords(bag, manifest, records.media, path),
    signer,
    devices: file.devices,
    trustDocuments: file.trust,
    sender: file.sender,
    payloadFiles: manifest.size,
    payloadBytes,
    receivedReportSha256: manifest.get(`${portfolioFolder(id)}/report.html`) ?? null,
  };
}

/** No media file rides along that no portfolio of the pack names. */
function checkEveryMediaFileUsed(manifest: Map<string, string>, portfolios: VerifiedBundle[]): void {
  const named = new Set(portfolios.flatMap((p) => p.records.media.filter((m) => !m.deleted).map((m) => m.sha256)));
  for (const [path, sha256] of manifest) {
    if (path.startsWith('data/media/') && !named.has(sha256)) fail(path, 'is named by no portfolio in the pack');
  }
}

/** The pack's report made from its verified data, and whether the report it carried is that one, byte for byte. */
export async function verifiedPackReport(
  pack: VerifiedPack,
): Promise<{ html: string; received: 'same' | 'different' | 'missing' }> {
  const html = packReport(pack, pack.portfolios, pack.specs, pack.exportedAt.slice(0, 10));
  if (pack.receivedReportSha256 === null) return { html, received: 'missing' };
  const sha256 = await sha256Hex(new TextEncoder().encode(html));
  return { html, received: sha256 === pack.receivedReportSha256 ? 'same' : 'different' };
}
