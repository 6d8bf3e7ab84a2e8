// Verify a bundle completely before anything touches the database, step by step: the container (a zip holding
// one BagIt bag), the signature (over the tag manifest, which covers the other tag files), the payload (manifest,
// Payload-Oxum, every hash), and the records (portfolio.json against its schemas, the specs, the media files).
import {
  bundleRecordsProblem,
  jsonTextProblem,
  parseSpec,
  readRecord,
  RECORD_SCHEMA_VERSION,
  type QualificationSpec,
  type RecordOf,
  type z,
} from '../domain';
import { EXCHANGED_TABLES, type ExchangedTable, fromBase64, fullFingerprint, knownDevice } from '../storage';
import { Bag, decodeUtf8, fail, MiB } from './bagread';
import { BAGIT_TXT, parseBagInfo, parseManifest, payloadOxum } from './bagit';
import { BUNDLE_SCHEMA_VERSION, PortfolioFile, type SignatureFile } from './format';
import { EQA_DECISIONS_SCOPE, PACK_SCOPE } from './packFormat';
import { checkSignatureMatches, readSignatureFile } from './signature';
import { BundleError, DEFAULT_LIMITS, NotABundleError, type ZipLimits } from './zipread';

export { BundleError, NotABundleError };

export interface VerifiedBundle {
  portfolioId: string;
  exportedAt: string;
  deviceId: string;
  /** "changes": not a whole portfolio (incremental, or a verifier's decisions); it can only be merged. */
  scope: 'full' | 'changes';
  changesSince: string | null;
  records: { [T in ExchangedTable]: Array<RecordOf<T>> };
  audit: PortfolioFile['audit'];
  specs: QualificationSpec[];
  /** Media bytes by media record id. */
  media: Map<string, Blob>;
  /** The signing device: `deviceKey` is its key's full fingerprint; `known` when this device has seen the id with that key. */
  signer: {
    fingerprint: string;
    deviceKey: string;
    deviceId: string;
    publicKey: string;
    known: boolean;
    label: string | null;
  };
  /** The devices whose signatures the records carry, their certificates, and who sent it (docs/trust.md). */
  devices: PortfolioFile['devices'];
  trustDocuments: unknown[];
  sender: PortfolioFile['sender'];
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of the data/report.html the bundle carried (checked against the manifest), null if none: never shown, only compared with the report made from the data (bundleReport). */
  receivedReportSha256: string | null;
}

export interface VerifyOptions {
  limits?: ZipLimits;
  /** Payload bytes hashed so far, of the total: the long part of verifying a large bundle. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

const TAG_MANIFEST = 'tagmanifest-sha256.txt';
const MANIFEST = 'manifest-sha256.txt';
const PORTFOLIO_JSON = 'data/portfolio.json';
const REPORT_HTML = 'data/report.html';

export async function verifyBundle(
  blob: Blob,
  { limits = DEFAULT_LIMITS, onProgress }: VerifyOptions = {},
): Promise<VerifiedBundle> {
  return bundleOfBag(await verifySignedBag(blob, { limits, onProgress }));
}

/** A signed bag whose container, signature and payload have passed, read as a portfolio bundle. */
export async function bundleOfBag({ bag, signed, payload }: SignedBagChecked): Promise<VerifiedBundle> {
  const scope = payload.info.get('Fieldfolio-Scope')?.[0];
  if (scope === PACK_SCOPE) {
    fail('bag-info.txt', 'says this is an EQA visit pack, not a portfolio bundle: open it under “Open an EQA pack”');
  }
  if (scope === EQA_DECISIONS_SCOPE) {
    fail('bag-info.txt', 'says this is an EQA’s decisions on several portfolios: merge it under “Open a bundle”');
  }
  const { file, records, specs, media } = await checkRecords(bag, payload);
  return {
    portfolioId: file.portfolioId,
    exportedAt: file.exportedAt,
    deviceId: file.deviceId,
    scope: file.scope,
    changesSince: file.changesSince,
    records,
    audit: file.audit,
    specs,
    media,
    signer: await signerOf(signed.signature),
    devices: file.devices,
    trustDocuments: file.trust,
    sender: file.sender,
    payloadFiles: payload.manifest.size,
    payloadBytes: payload.payloadBytes,
    receivedReportSha256: payload.manifest.get(REPORT_HTML) ?? null,
  };
}

/**
 * The steps every signed bag passes, a portfolio bundle or an EQA visit pack: the container, the signature, the
 * payload (every file listed, bag-info, every hash).
 */
export type SignedBagChecked = Awaited<ReturnType<typeof verifySignedBag>>;

export async function verifySignedBag(blob: Blob, { limits = DEFAULT_LIMITS, onProgress }: VerifyOptions = {}) {
  const bag = await openBag(blob, limits);
  const signed = await checkSignature(bag);
  const payload = await checkPayload(bag, signed, onProgress);
  return { bag, signed, payload };
}

/** Container: a sound zip whose files all sit in one folder, declared a BagIt 1.0 bag. */
async function openBag(blob: Blob, limits: ZipLimits): Promise<Bag> {
  const bag = await Bag.open(blob, limits);
  if ((await bag.text('bagit.txt')) !== BAGIT_TXT) fail('bagit.txt', 'is not a BagIt 1.0 declaration');
  return bag;
}

interface SignedTags {
  signature: SignatureFile;
  /** SHA-256 by path of every tag file the signature vouches for. */
  tagManifest: Map<string, string>;
}

/** Signature: checked first, as everything else is trusted through the signed tag manifest. */
async function checkSignature(bag: Bag): Promise<SignedTags> {
  const tagManifestBytes = await bag.bytes(TAG_MANIFEST);
  const tagManifest = parseManifest(decodeUtf8(tagManifestBytes, TAG_MANIFEST), TAG_MANIFEST, fail);
  const signature = await readSignatureFile(bag);
  await checkSignatureMatches(signature, tagManifestBytes);
  await checkTagFiles(bag, tagManifest);
  return { signature: signature.file, tagManifest };
}

/** Every tag file matches the signed tag manifest, which covers all the tag files it must and no payload. */
async function checkTagFiles(bag: Bag, tagManifest: Map<string, string>): Promise<void> {
  for (const [path, hash] of tagManifest) {
    if (path.startsWith('data/')) fail(TAG_MANIFEST, `lists a payload file (${path})`);
    bag.checkDigest(path, await bag.digest(path), TAG_MANIFEST, hash);
  }
  // The two files no manifest covers: the tag manifest is checked by the signature; their zip CRC-32 here.
  for (const path of [TAG_MANIFEST, 'signature.json']) bag.checkDigest(path, await bag.digest(path), 'the zip');
  for (const path of ['bagit.txt', 'bag-info.txt', MANIFEST]) {
    if (!tagManifest.has(path)) fail(TAG_MANIFEST, `does not cover ${path}`);
  }
}

export interface CheckedPayload {
  /** SHA-256 by path of every payload file. */
  manifest: Map<string, string>;
  info: Map<string, string[]>;
  payloadBytes: number;
}

/** Payload: every file listed once, bag-info agreeing with the payload and the signer, every hash right. */
async function checkPayload(
  bag: Bag,
  { signature, tagManifest }: SignedTags,
  onProgress: VerifyOptions['onProgress'],
): Promise<CheckedPayload> {
  const manifest = await readCompleteManifest(bag, tagManifest);
  const payloadBytes = [...manifest.keys()].reduce((n, path) => n + bag.entry(path).size, 0);
  const info = await checkBagInfo(bag, manifest, payloadBytes, signature.deviceId);
  await checkPayloadHashes(bag, manifest, payloadBytes, onProgress);
  return { manifest, info, payloadBytes };
}

/** The payload manifest, once every file in the bag is in a manifest and every payload file listed is there. */
async function readCompleteManifest(bag: Bag, tagManifest: Map<string, string>): Promise<Map<string, string>> {
  const tagFiles = new Set([TAG_MANIFEST, 'signature.json', ...tagManifest.keys()]);
  const manifest = parseManifest(await bag.text(MANIFEST), MANIFEST, fail);
  for (const path of bag.entries.keys()) {
    if (!path.startsWith('data/') && !tagFiles.has(path)) fail(path, 'is not listed in any manifest');
    if (path.startsWith('data/') && !manifest.has(path)) fail(path, 'is not listed in manifest-sha256.txt');
  }
  for (const path of manifest.keys())
    if (!bag.entries.has(path)) fail(path, 'is listed in manifest-sha256.txt but missing');
  return manifest;
}

async function checkBagInfo(
  bag: Bag,
  manifest: Map<string, string>,
  payloadBytes: number,
  signerDeviceId: string,
): Promise<Map<string, string[]>> {
  const info = parseBagInfo(await bag.text('bag-info.txt'));
  const oxum = info.get('Payload-Oxum')?.[0];
  const actualOxum = payloadOxum(payloadBytes, manifest.size);
  if (oxum !== actualOxum) {
    fail('bag-info.txt', `Payload-Oxum ${oxum ?? '(missing)'} does not match the payload (${actualOxum})`);
  }
  if (info.get('Fieldfolio-Exporting-Device')?.[0] !== signerDeviceId) {
    fail('signature.json', 'names a different device than bag-info.txt');
  }
  for (const [label, values] of info) {
    if (values.length > 1 && label !== 'Fieldfolio-Spec') fail('bag-info.txt', `repeats ${label}`);
  }
  const schemaVersion = Number(info.get('Fieldfolio-Schema-Version')?.[0]);
  if (!(schemaVersion >= 1)) fail('bag-info.txt', 'has no Fieldfolio-Schema-Version: not a Fieldfolio bundle');
  if (schemaVersion > BUNDLE_SCHEMA_VERSION) {
    fail(
      'bag-info.txt',
      `was written with bundle schema version ${schemaVersion}, newer than this app understands (${BUNDLE_SCHEMA_VERSION}): update Fieldfolio first`,
    );
  }
  return info;
}

/** Stored entries are hashed in the workers, all queued at once (the page stays responsive). */
async function checkPayloadHashes(
  bag: Bag,
  manifest: Map<string, string>,
  payloadBytes: number,
  onProgress: VerifyOptions['onProgress'],
): Promise<void> {
  let hashed = 0;
  onProgress?.(0, payloadBytes);
  const progressed = (n: number) => onProgress?.((hashed += n), payloadBytes);
  const digests = await Promise.all([...manifest.keys()].map((path) => bag.digest(path, progressed)));
  [...manifest.entries()].forEach(([path, hash], i) => bag.checkDigest(path, digests[i]!, MANIFEST, hash));
}

/** Records: portfolio.json against the bundle and record schemas, then the specs and media files it relies on. */
async function checkRecords(bag: Bag, { manifest, info }: CheckedPayload) {
  const file = await readPortfolioFile(bag, info);
  const records = validRecords(file);
  const specs = await readSpecs(bag, manifest);
  const media = await mediaOfRecords(bag, manifest, records.media);
  return { file, records, specs, media };
}

async function readPortfolioFile(bag: Bag, info: Map<string, string[]>): Promise<PortfolioFile> {
  const file = await parsePortfolioFile(bag, PORTFOLIO_JSON);
  if (info.get('External-Identifier')?.[0] !== file.portfolioId) {
    fail('bag-info.txt', 'External-Identifier is not the portfolio id in data/portfolio.json');
  }
  if ((info.get('Fieldfolio-Scope')?.[0] ?? 'full') !== file.scope) {
    fail('bag-info.txt', 'Fieldfolio-Scope disagrees with data/portfolio.json');
  }
  return file;
}

/** A portfolio.json (of a bundle, or of one portfolio in a pack) against the bundle schema and the versions known. */
export async function parsePortfolioFile(bag: Bag, path: string): Promise<PortfolioFile> {
  const file = await parseBagJson(bag, path, PortfolioFile, 'bundle');
  if (file.schemaVersion > BUNDLE_SCHEMA_VERSION) {
    fail(path, `schema version ${file.schemaVersion} is newer than this app understands`);
  }
  if (file.recordSchemaVersion > RECORD_SCHEMA_VERSION) {
    fail(path, `record schema version ${file.recordSchemaVersion} is newer than this app understands`);
  }
  return file;
}

/** The JSON file at `path` within the limits (parseWithinLimits) and checked by `schema`, named in its refusal. */
export async function parseBagJson<S extends z.ZodType>(
  bag: Bag,
  path: string,
  schema: S,
  schemaName: string,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(parseWithinLimits(await bag.text(path), path));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    fail(path, `does not match the ${schemaName} schema: ${issues}`);
  }
  return parsed.data;
}

/** A JSON file parsed once its depth is known to be safe, and refused by its record count before any schema. */
export function parseWithinLimits(text: string, path: string): unknown {
  const tooDeep = jsonTextProblem(text);
  if (tooDeep) fail(path, tooDeep);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(path, 'is not valid JSON');
  }
  const tooMany = bundleRecordsProblem(countRecords(json));
  if (tooMany) fail(path, tooMany);
  return json;
}

/** The rows of every list under `records` (or a pack's `centre`), and the audit entries, of a file not yet validated. */
function countRecords(json: unknown): number {
  const { records, centre, audit } = (json ?? {}) as { records?: unknown; centre?: unknown; audit?: unknown };
  const listsIn = (x: unknown) => (x && typeof x === 'object' ? Object.values(x) : []);
  const lists = [audit, ...listsIn(records), ...listsIn(centre)];
  return lists.reduce<number>((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
}

/** Every record read (and migrated) as the app reads its own, all of the one portfolio the file names. */
export function validRecords(file: PortfolioFile, path = PORTFOLIO_JSON): VerifiedBundle['records'] {
  const records = {} as VerifiedBundle['records'];
  for (const table of EXCHANGED_TABLES) {
    records[table] = file.records[table].map((raw, i) => {
      try {
        return readRecord(table, raw);
      } catch (e) {
        return fail(path, `${table}[${i}] is invalid: ${(e as Error).message}`);
      }
    }) as never;
  }
  if (records.enrolments.length !== 1 || records.enrolments[0]!.id !== file.portfolioId) {
    fail(path, 'must hold exactly the one enrolment it names');
  }
  for (const table of EXCHANGED_TABLES) {
    if (table === 'enrolments' || table === 'people') continue;
    for (const r of records[table] as Array<{ portfolioId: string; id: string }>) {
      if (r.portfolioId !== file.portfolioId) fail(path, `${table} ${r.id} belongs to another portfolio`);
    }
  }
  return records;
}

/**
 * Specs parsed from bytes whose SHA-256 the manifest names (checked before this is read): every full bundle of a
 * centre carries the same spec (≈ 85 KB), so a device that joins parses and validates it once, not per portfolio.
 * The same bytes always parse to the same spec; only specs that passed are kept, the last few.
 */
const specsByHash = new Map<string, QualificationSpec>();
const SPECS_KEPT = 16;

export async function readSpecs(bag: Bag, manifest: Map<string, string>): Promise<QualificationSpec[]> {
  const specs: QualificationSpec[] = [];
  for (const [path, sha256] of manifest) {
    if (!path.startsWith('data/specs/')) continue;
    const known = specsByHash.get(sha256);
    if (known) {
      specs.push(known);
      continue;
    }
    try {
      const spec = parseSpec(await bag.text(path), path);
      specsByHash.set(sha256, spec);
      if (specsByHash.size > SPECS_KEPT) specsByHash.delete(specsByHash.keys().next().value!);
      specs.push(spec);
    } catch (e) {
      fail(path, (e as Error).message);
    }
  }
  return specs;
}

/** Each live media record's bytes, by record id: its file must be the one the record names, byte for byte. */
export async function mediaOfRecords(
  bag: Bag,
  manifest: Map<string, string>,
  mediaRecords: Array<RecordOf<'media'>>,
  recordsPath = PORTFOLIO_JSON,
): Promise<Map<string, Blob>> {
  const media = new Map<string, Blob>();
  for (const m of mediaRecords) {
    if (m.deleted) continue;
    const path =
      [...manifest.keys()].find((p) => p.startsWith(`data/media/${m.sha256}.`)) ??
      fail(recordsPath, `media ${m.id} (${m.name}) has no file in data/media/`);
    const entry = bag.entry(path);
    if (entry.size !== m.size) fail(path, `is ${entry.size} bytes but its record says ${m.size}`);
    if (manifest.get(path) !== m.sha256) {
      fail(path, `its SHA-256 in manifest-sha256.txt is not the one its media record ${m.id} names`);
    }
    // Fieldfolio stores media uncompressed; a deflated one (another writer) is inflated in memory, so bounded.
    if (entry.method !== 0 && entry.size > 64 * MiB) {
      fail(path, 'rejected: a compressed media file over 64 MB (Fieldfolio stores media uncompressed)');
    }
    media.set(m.id, await bag.fileBlob(path, m.mimeType));
  }
  return media;
}

/** The signing device as signature.json names it; "known" only if this device has seen that id with that key. */
export async function signerOf(signature: SignatureFile): Promise<VerifiedBundle['signer']> {
  const deviceKey = await fullFingerprint(fromBase64(signature.publicKey)!);
  const known = await knownDevice(signature.deviceId);
  return {
    fingerprint: signature.fingerprint,
    deviceKey,
    deviceId: signature.deviceId,
    publicKey: signature.publicKey,
    known: known?.deviceKey === deviceKey,
    label: known?.deviceKey === deviceKey ? `device ${signature.deviceId.slice(0, 8)}` : null,
  };
}
