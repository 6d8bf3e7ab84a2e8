// An EQA's sampling decisions on the portfolios of a visit pack leave their device as ONE signed bag
// (docs/bundle-format.md, "EQA decisions bundle"): per portfolio, what a verifier's decisions bundle carries (the
// enrolment, the EQA, their `sample` decisions; scope `changes`). The centre verifies it once, admits each
// portfolio's part under the ordinary trust rules, and merges them all in one transaction.
import { emptyRecordSet, RECORD_SCHEMA_VERSION, z, type Enrolment, type Person } from '../domain';
import { applyImports, deviceId, newId, nowIso, type Admission, type ImportResult } from '../storage';
import { fail } from './bagread';
import { jsonBytes, writeSignedBag, type MadeFile } from './bagWriter';
import { portfolioPart, SOFTWARE_AGENT, type ExportedBundle } from './export';
import { BUNDLE_SCHEMA_VERSION } from './format';
import { admitBundle, BundleRefused, importPlanOf } from './import';
import { EQA_DECISIONS_SCOPE, PACK_PORTFOLIOS_MAX, portfolioFolder } from './packFormat';
import { sampleDecisions, type VerifierSample } from './verifierDecisions';
import {
  bundleOfBag,
  parsePortfolioFile,
  parseWithinLimits,
  signerOf,
  validRecords,
  verifySignedBag,
  type SignedBagChecked,
  type VerifiedBundle,
  type VerifyOptions,
} from './verify';

const FORMAT = 'fieldfolio-eqa-decisions';
const DECISIONS_JSON = 'data/decisions.json';
const id = z.string().min(1).max(100);

const DecisionsFile = z
  .object({
    format: z.literal(FORMAT),
    schemaVersion: z.number().int().positive(),
    recordSchemaVersion: z.number().int().positive(),
    decisionsId: id,
    /** The visit pack the portfolios were sampled from. */
    packId: id.nullable(),
    exportedAt: z.string().min(1),
    deviceId: z.string().min(1),
    portfolios: z.array(id).min(1).max(PACK_PORTFOLIOS_MAX),
    sender: z.object({ personId: id, name: z.string().max(200) }).nullable(),
  })
  .loose();
type DecisionsFile = z.infer<typeof DecisionsFile>;

/** One portfolio's enrolment and the EQA's samples on it. */
export interface PortfolioSamples {
  enrolment: Enrolment;
  samples: VerifierSample[];
}

export interface EqaDecisionsInput {
  packId: string | null;
  verifier: Person;
  portfolios: PortfolioSamples[];
  /** ISO date-time of the decisions; defaults to the clock's now. */
  now?: string;
}

/** Writes the EQA's decisions on every portfolio sampled as one signed bag; portfolios with none are left out. */
export async function exportEqaDecisions({ packId, verifier, portfolios, now }: EqaDecisionsInput) {
  const sampled = portfolios.filter((p) => p.samples.length > 0);
  if (sampled.length === 0) throw new Error('Record a decision on at least one portfolio first.');
  const at = now ?? nowIso();
  const device = await deviceId();
  const decisionsId = newId();
  const files: MadeFile[] = [];
  for (const { enrolment, samples } of sampled) {
    const records = { ...emptyRecordSet(), enrolments: [enrolment], people: [verifier] };
    records.decisions = sampleDecisions({ enrolment, verifier, samples }, device, at);
    const facts = { enrolment, deviceId: device, now: new Date(at), scope: 'changes' as const, since: undefined };
    const part = await portfolioPart({ records, mediaBlobs: new Map(), audit: [] }, facts, undefined);
    files.push({ path: `${portfolioFolder(enrolment.id)}/portfolio.json`, bytes: part.portfolioJson });
  }
  const file: DecisionsFile = {
    format: FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    recordSchemaVersion: RECORD_SCHEMA_VERSION,
    decisionsId,
    packId,
    exportedAt: at,
    deviceId: device,
    portfolios: sampled.map((p) => p.enrolment.id),
    sender: { personId: verifier.id, name: verifier.name },
  };
  const folder = `fieldfolio-eqa-decisions-${decisionsId}`;
  const bag = await writeSignedBag({
    folder,
    media: [],
    make: async () => ({
      files: [{ path: DECISIONS_JSON, bytes: jsonBytes(file) }, ...files],
      bagInfo: (oxum: string): Array<[string, string]> => [
        ['Bagging-Date', at.slice(0, 10)],
        ['Payload-Oxum', oxum],
        ['Bag-Software-Agent', SOFTWARE_AGENT],
        ['External-Identifier', decisionsId],
        ['External-Description', `Fieldfolio EQA decisions on ${sampled.length} portfolio(s)`],
        ['Fieldfolio-Schema-Version', String(BUNDLE_SCHEMA_VERSION)],
        ['Fieldfolio-Record-Schema-Version', String(RECORD_SCHEMA_VERSION)],
        ['Fieldfolio-Exporting-Device', device],
        ['Fieldfolio-Scope', EQA_DECISIONS_SCOPE],
      ],
    }),
    deviceId: device,
    now: new Date(at),
  });
  return { ...bag, fileName: `${folder}.zip` } satisfies ExportedBundle;
}

export interface VerifiedEqaDecisions {
  decisionsId: string;
  packId: string | null;
  exportedAt: string;
  signer: VerifiedBundle['signer'];
  sender: DecisionsFile['sender'];
  /** Each portfolio's part, verified as a decisions bundle is (scope `changes`, signed by the bag's signer). */
  portfolios: VerifiedBundle[];
  payloadFiles: number;
  payloadBytes: number;
}

/** What "Open a bundle" received: a portfolio bundle, or an EQA's decisions on several portfolios. */
export type ReceivedBundle =
  { kind: 'bundle'; bundle: VerifiedBundle } | { kind: 'eqa-decisions'; decisions: VerifiedEqaDecisions };

/** Verifies the bag once (container, signature, every hash), then reads it as what its bag-info says it is. */
export async function verifyReceived(blob: Blob, options: VerifyOptions = {}): Promise<ReceivedBundle> {
  const checked = await verifySignedBag(blob, options);
  if (checked.payload.info.get('Fieldfolio-Scope')?.[0] === EQA_DECISIONS_SCOPE) {
    return { kind: 'eqa-decisions', decisions: await decisionsOfBag(checked) };
  }
  return { kind: 'bundle', bundle: await bundleOfBag(checked) };
}

const PART = /^data\/portfolios\/([^/]+)\/portfolio\.json$/;
/** The only records an EQA's decisions part carries: the enrolment, the EQA, their sampling decisions. */
const CARRIED = new Set(['enrolments', 'people', 'decisions']);

async function decisionsOfBag({ bag, signed, payload }: SignedBagChecked): Promise<VerifiedEqaDecisions> {
  const parsed = DecisionsFile.safeParse(
    bag.entries.has(DECISIONS_JSON)
      ? parseWithinLimits(await bag.text(DECISIONS_JSON), DECISIONS_JSON)
      : fail(DECISIONS_JSON, 'is missing: every EQA decisions bundle has one'),
  );
  if (!parsed.success) fail(DECISIONS_JSON, `does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  const file = parsed.data!;
  if (file.schemaVersion > BUNDLE_SCHEMA_VERSION) fail(DECISIONS_JSON, 'is newer than this app understands');
  if (payload.info.get('External-Identifier')?.[0] !== file.decisionsId) {
    fail('bag-info.txt', 'External-Identifier is not the decisions id in data/decisions.json');
  }
  const listed = new Set(file.portfolios);
  if (listed.size !== file.portfolios.length) fail(DECISIONS_JSON, 'lists a portfolio twice');
  for (const path of payload.manifest.keys()) {
    const m = PART.exec(path);
    if (path !== DECISIONS_JSON && !(m && listed.has(m[1]!))) {
      fail(path, 'is not a file an EQA decisions bundle holds (see docs/bundle-format.md)');
    }
  }
  const signer = await signerOf(signed.signature);
  const portfolios: VerifiedBundle[] = [];
  for (const portfolioId of file.portfolios) {
    const path = `${portfolioFolder(portfolioId)}/portfolio.json`;
    if (!payload.manifest.has(path)) fail(path, 'is missing: data/decisions.json lists this portfolio');
    const part = await parsePortfolioFile(bag, path);
    if (part.portfolioId !== portfolioId) fail(path, `is portfolio ${part.portfolioId}, in the folder of another`);
    if (part.scope !== 'changes') fail(path, 'is a whole portfolio: an EQA decisions bundle carries decisions only');
    const records = validRecords(part, path);
    for (const [table, rows] of Object.entries(records)) {
      if (rows.length > 0 && !CARRIED.has(table)) fail(path, `carries ${table}: only decisions travel here`);
    }
    if (records.decisions.some((d) => d.kind !== 'sample')) fail(path, 'carries a decision that is not a sample');
    portfolios.push({
      portfolioId,
      exportedAt: part.exportedAt,
      deviceId: part.deviceId,
      scope: 'changes',
      changesSince: null,
      records,
      audit: part.audit,
      specs: [],
      media: new Map(),
      signer,
      devices: part.devices,
      trustDocuments: part.trust,
      sender: part.sender,
      payloadFiles: payload.manifest.size,
      payloadBytes: payload.payloadBytes,
      receivedReportSha256: null,
    });
  }
  return {
    decisionsId: file.decisionsId,
    packId: file.packId,
    exportedAt: file.exportedAt,
    signer,
    sender: file.sender,
    portfolios,
    payloadFiles: payload.manifest.size,
    payloadBytes: payload.payloadBytes,
  };
}

/** What each portfolio's part would change here, decided as for any bundle (docs/trust.md). */
export async function admitEqaDecisions(decisions: VerifiedEqaDecisions): Promise<Admission[]> {
  const admissions: Admission[] = [];
  for (const part of decisions.portfolios) admissions.push(await admitBundle(part));
  return admissions;
}

/** Merges every portfolio's part as admission decided, in one transaction; refused as a whole if any part is. */
export async function writeEqaDecisions(
  decisions: VerifiedEqaDecisions,
  admissions: Admission[],
): Promise<ImportResult[]> {
  const refusals = admissions.flatMap((a) => a.refusals);
  if (refusals.length > 0) throw new BundleRefused(refusals);
  return applyImports(decisions.portfolios.map((part, i) => importPlanOf(part, 'merge', admissions[i]!)));
}
