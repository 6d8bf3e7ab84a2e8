// Export of a portfolio bundle: its payload (portfolio.json, specs, media, report) handed to the one bag writer
// (bagWriter.ts), which streams, hashes and signs it: the media first, so their hashing starts while the records
// are signed and rendered.
import { mediaExtension, RECORD_SCHEMA_VERSION, type QualificationSpec, type RecordOf } from '../domain';
import {
  notePeer,
  portfolioForExport,
  type PortfolioExport,
  deviceId,
  actingPersonId,
  signOwnRecords,
  signingDevicesOf,
  trustDocumentsFor,
  listStoredSpecs,
  loadStoredSpec,
  nowIso,
} from '../storage';
import { jsonBytes, textBytes, writeSignedBag, type ExportProgress, type MadeFile, type MediaFile } from './bagWriter';
import { BUNDLE_SCHEMA_VERSION, type PortfolioFile } from './format';
import { portfolioReport } from './report';

export type { ExportProgress };

export const SOFTWARE_AGENT = 'Fieldfolio 0.1.0';

export interface ExportOptions {
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** Fixed time for reproducible bundles (tests); defaults to now. */
  now?: Date;
  /** Incremental: only records changed after this time (ISO). */
  since?: string;
  /** Some records only (e.g. a verifier's decisions): marked so no device restores it as a whole portfolio. */
  partial?: boolean;
  /** The device this bundle is for: remembered, so the next bundle for it can be incremental. */
  forDevice?: string;
}

export interface ExportedBundle {
  blob: Blob;
  fileName: string;
  files: number;
  payloadBytes: number;
}

export async function exportPortfolio(portfolioId: string, options: ExportOptions = {}): Promise<ExportedBundle> {
  // Taken before the records are read: the next incremental bundle holds whatever changes after it.
  const now = options.now ?? new Date(nowIso());
  const data = await portfolioForExport(portfolioId, options.since);
  if (!data) throw new Error('This portfolio is not on this device.');
  const bundle = await writeBundle(data, { ...options, now });
  if (options.forDevice) await notePeer(options.forDevice, { sent: { portfolioId, at: now.toISOString() } });
  return bundle;
}

/** What the bundle says about itself, in portfolio.json and in bag-info.txt alike. */
export interface BundleFacts {
  enrolment: RecordOf<'enrolments'>;
  deviceId: string;
  now: Date;
  scope: 'full' | 'changes';
  since: string | undefined;
}

export async function writeBundle(unsigned: PortfolioExport, options: ExportOptions = {}): Promise<ExportedBundle> {
  const now = options.now ?? new Date(nowIso());
  const facts: BundleFacts = {
    enrolment: unsigned.records.enrolments[0]!,
    deviceId: await deviceId(),
    now,
    scope: options.since || options.partial ? 'changes' : 'full',
    since: options.since,
  };
  const bag = await writeSignedBag({
    folder: `fieldfolio-${facts.enrolment.id}`,
    media: mediaFiles(unsigned),
    make: async () => {
      const part = await portfolioPart(unsigned, facts, options.since);
      const files: MadeFile[] = [
        { path: 'data/portfolio.json', bytes: part.portfolioJson },
        ...specFiles(part.specs),
        { path: 'data/report.html', bytes: textBytes(part.report) },
      ];
      return { files, bagInfo: (oxum) => bagInfo(facts, oxum) };
    },
    deviceId: facts.deviceId,
    now,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  return { ...bag, fileName: `fieldfolio-${facts.enrolment.id}.zip` };
}

/** One portfolio's share of a bag besides its media (mediaFiles): its portfolio.json, the specs it carries, its report. */
export interface PortfolioPart {
  /** The records as they leave: signed. */
  records: PortfolioExport['records'];
  portfolioJson: Uint8Array;
  specs: QualificationSpec[];
  report: string;
}

/** A portfolio as a bundle or an EQA visit pack carries it: every version this device made leaves it signed (docs/trust.md). */
export async function portfolioPart(
  unsigned: PortfolioExport,
  facts: BundleFacts,
  since: string | undefined,
): Promise<PortfolioPart> {
  const data = { ...unsigned, records: await signOwnRecords(unsigned.records) };
  const { spec, carried } = await specsFor(facts.enrolment, since);
  const report = portfolioReport(data, spec, facts.now.toISOString().slice(0, 10));
  const file = portfolioFile(data, facts, await trustPart(data.records));
  return { records: data.records, portfolioJson: jsonBytes(file), specs: carried, report };
}

/**
 * The spec the portfolio uses (for the report), and the spec files that travel: none in an incremental bundle,
 * which goes to a device that already holds the portfolio, and so its spec.
 */
async function specsFor(enrolment: RecordOf<'enrolments'>, since: string | undefined) {
  const spec = await loadStoredSpec(enrolment.specId, enrolment.specVersion);
  if (since) return { spec, carried: [] };
  return { spec, carried: spec ? [spec] : (await listStoredSpecs()).filter((s) => s.id === enrolment.specId) };
}

/** What the bundle carries for the receiver's trust decisions: signers' keys, their certificates, the sender. */
async function trustPart(
  records: PortfolioExport['records'],
): Promise<Pick<PortfolioFile, 'devices' | 'trust' | 'sender'>> {
  const devices = await signingDevicesOf(records);
  const trust = await trustDocumentsFor(new Set(devices.map((d) => d.deviceKey)));
  const personId = await actingPersonId();
  const person = personId ? records.people.find((p) => p.id === personId) : undefined;
  return { devices, trust, sender: person ? { personId: person.id, name: person.name } : null };
}

function portfolioFile(
  data: PortfolioExport,
  facts: BundleFacts,
  trust: Awaited<ReturnType<typeof trustPart>>,
): PortfolioFile {
  return {
    format: 'fieldfolio-portfolio',
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    recordSchemaVersion: RECORD_SCHEMA_VERSION,
    portfolioId: facts.enrolment.id,
    exportedAt: facts.now.toISOString(),
    deviceId: facts.deviceId,
    scope: facts.scope,
    changesSince: facts.since ?? null,
    records: data.records as unknown as PortfolioFile['records'],
    audit: data.audit,
    ...trust,
  };
}

/** The spec files a bag carries. */
export const specFiles = (specs: QualificationSpec[]): MadeFile[] =>
  specs.map((s) => ({ path: `data/specs/${s.id}.json`, bytes: jsonBytes(s) }));

/** Each live media file once, named by its SHA-256 (signing the records changes none of what this reads). */
export function mediaFiles(data: PortfolioExport): MediaFile[] {
  const files: MediaFile[] = [];
  const seen = new Set<string>();
  for (const m of data.records.media) {
    const blob = data.mediaBlobs.get(m.id);
    const path = `data/media/${m.sha256}.${mediaExtension(m.mimeType) ?? 'bin'}`;
    if (!blob || m.deleted || seen.has(path)) continue;
    seen.add(path);
    files.push({ path, blob });
  }
  return files;
}

function bagInfo(facts: BundleFacts, oxum: string): Array<[string, string]> {
  const { enrolment, since } = facts;
  const changes = since ? `, changes since ${since}` : '';
  return [
    ['Bagging-Date', facts.now.toISOString().slice(0, 10)],
    ['Payload-Oxum', oxum],
    ['Bag-Software-Agent', SOFTWARE_AGENT],
    ['External-Identifier', enrolment.id],
    ['External-Description', `Fieldfolio portfolio bundle: ${enrolment.specId} ${enrolment.specVersion}${changes}`],
    ['Fieldfolio-Schema-Version', String(BUNDLE_SCHEMA_VERSION)],
    ['Fieldfolio-Record-Schema-Version', String(RECORD_SCHEMA_VERSION)],
    ['Fieldfolio-Exporting-Device', facts.deviceId],
    ['Fieldfolio-Scope', facts.scope],
    ...(since ? [['Fieldfolio-Changes-Since', since] as [string, string]] : []),
    // The spec the portfolio uses, whether or not its file travels (an incremental bundle leaves it out).
    ['Fieldfolio-Spec', `${enrolment.specId} ${enrolment.specVersion}`],
  ];
}
