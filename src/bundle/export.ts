// Export: a zip holding one BagIt 1.0 bag, streamed (STORE: media is already compressed), every file's
// SHA-256 computed as it is written, signed with this device's key. Memory stays bounded by the flush size and
// the hash workers' read size, not the portfolio size.
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
  digestBlob,
  type BlobDigest,
} from '../storage';
import { BAGIT_TXT, bagInfoText, manifestText, payloadOxum } from './bagit';
import { BUNDLE_SCHEMA_VERSION, type PortfolioFile } from './format';
import { portfolioReport } from './report';
import { signatureFileFor } from './signature';
import { BagZipWriter } from './zipwrite';

export const SOFTWARE_AGENT = 'Fieldfolio 0.1.0';

export interface ExportProgress {
  bytesDone: number;
  bytesTotal: number;
  file: string;
}

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

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value, null, 1));

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
interface BundleFacts {
  enrolment: RecordOf<'enrolments'>;
  deviceId: string;
  now: Date;
  scope: 'full' | 'changes';
  since: string | undefined;
}

export async function writeBundle(unsigned: PortfolioExport, options: ExportOptions = {}): Promise<ExportedBundle> {
  // Every version this device made leaves it signed (docs/trust.md).
  const data = { ...unsigned, records: await signOwnRecords(unsigned.records) };
  const enrolment = data.records.enrolments[0]!;
  const facts: BundleFacts = {
    enrolment,
    deviceId: await deviceId(),
    now: options.now ?? new Date(nowIso()),
    scope: options.since || options.partial ? 'changes' : 'full',
    since: options.since,
  };
  const { spec, carried } = await specsFor(enrolment, options.since);
  const report = portfolioReport(data, spec, facts.now.toISOString().slice(0, 10));
  const files = collectPayload(data, portfolioFile(data, facts, await trustPart(data.records)), carried, report);
  const progress = new ExportProgressCounter(files, options.onProgress);
  const zip = new BagZipWriter(`fieldfolio-${enrolment.id}`, facts.now, options.signal);
  const manifest = await writePayload(zip, hashMedia(files, progress), progress);
  const tagManifestBytes = await writeTagFiles(zip, bagInfo(facts, progress.bytesTotal, files.length), manifest);
  await zip.writeBytes('signature.json', await signatureFileFor(tagManifestBytes, facts.deviceId));
  return {
    blob: zip.finish(),
    fileName: `fieldfolio-${enrolment.id}.zip`,
    files: files.length,
    payloadBytes: progress.bytesTotal,
  };
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

/** A payload file: bytes made here (JSON, report), or a stored media Blob. */
type PayloadFile = { path: string } & ({ bytes: Uint8Array } | { blob: Blob });
/** The same, with each media file's digest under way in a hash worker. */
type PayloadSource = { path: string } & ({ bytes: Uint8Array } | { blob: Blob; digest: Promise<BlobDigest> });

/** Every payload file, in the order written: portfolio.json, the specs, each media file once, the report. */
function collectPayload(
  data: PortfolioExport,
  portfolio: PortfolioFile,
  specs: QualificationSpec[],
  report: string,
): PayloadFile[] {
  const files: PayloadFile[] = [
    { path: 'data/portfolio.json', bytes: jsonBytes(portfolio) },
    ...specs.map((s) => ({ path: `data/specs/${s.id}.json`, bytes: jsonBytes(s) })),
  ];
  const seen = new Set<string>();
  for (const m of data.records.media) {
    const blob = data.mediaBlobs.get(m.id);
    const path = `data/media/${m.sha256}.${mediaExtension(m.mimeType) ?? 'bin'}`;
    if (!blob || m.deleted || seen.has(path)) continue;
    seen.add(path);
    files.push({ path, blob });
  }
  files.push({ path: 'data/report.html', bytes: encoder.encode(report) });
  return files;
}

/**
 * Progress counts bytes hashed: media in the workers (all queued at once, so several move together), the files
 * made here as they are written.
 */
class ExportProgressCounter {
  readonly bytesTotal: number;
  private bytesDone = 0;
  /** The file being written. */
  file = '';

  constructor(
    files: PayloadFile[],
    private readonly onProgress?: (p: ExportProgress) => void,
  ) {
    this.bytesTotal = files.reduce((n, f) => n + ('bytes' in f ? f.bytes.length : f.blob.size), 0);
  }

  readonly hashed = (bytes: number): void => {
    this.bytesDone += bytes;
    this.onProgress?.({ bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, file: this.file });
  };
}

/** Starts every media file's digest at once in the hash workers. */
function hashMedia(files: PayloadFile[], progress: ExportProgressCounter): PayloadSource[] {
  return files.map((f) => ('blob' in f ? { ...f, digest: digestBlob(f.blob, progress.hashed) } : f));
}

type ManifestEntry = { path: string; sha256: string };

async function writePayload(
  zip: BagZipWriter,
  sources: PayloadSource[],
  progress: ExportProgressCounter,
): Promise<ManifestEntry[]> {
  const manifest: ManifestEntry[] = [];
  for (const source of sources) {
    progress.file = source.path;
    if ('bytes' in source) {
      manifest.push({ path: source.path, sha256: await zip.writeBytes(source.path, source.bytes) });
      progress.hashed(source.bytes.length);
    } else {
      manifest.push({ path: source.path, sha256: await zip.writeBlob(source.path, source.blob, source.digest) });
    }
  }
  return manifest;
}

function bagInfo(facts: BundleFacts, payloadBytes: number, payloadFiles: number): string {
  const { enrolment, since } = facts;
  const changes = since ? `, changes since ${since}` : '';
  return bagInfoText([
    ['Bagging-Date', facts.now.toISOString().slice(0, 10)],
    ['Payload-Oxum', payloadOxum(payloadBytes, payloadFiles)],
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
  ]);
}

/** bagit.txt, bag-info.txt and the payload manifest, then the tag manifest over them; returns the latter's bytes. */
async function writeTagFiles(zip: BagZipWriter, bagInfoTxt: string, manifest: ManifestEntry[]): Promise<Uint8Array> {
  const tagFiles: Array<[string, Uint8Array]> = [
    ['bagit.txt', encoder.encode(BAGIT_TXT)],
    ['bag-info.txt', encoder.encode(bagInfoTxt)],
    ['manifest-sha256.txt', encoder.encode(manifestText(manifest))],
  ];
  const tagManifest: ManifestEntry[] = [];
  for (const [path, bytes] of tagFiles) tagManifest.push({ path, sha256: await zip.writeBytes(path, bytes) });
  const tagManifestBytes = encoder.encode(manifestText(tagManifest));
  await zip.writeBytes('tagmanifest-sha256.txt', tagManifestBytes);
  return tagManifestBytes;
}
