// Verify a bundle completely before anything touches the database: container, BagIt completeness and
// Payload-Oxum, every hash, the signature, and every record against its schema.
import { parseSpec, readRecord, RECORD_SCHEMA_VERSION, type QualificationSpec, type RecordOf } from '../domain';
import { EXCHANGED_TABLES, type ExchangedTable, fingerprintOf, knownKeys, ECDSA, ECDSA_SIGN, digestBlob, digestChunks, type BlobDigest, type OnBytes } from '../storage';
import { BAGIT_TXT, parseBagInfo, parseManifest, payloadOxum } from './bagit';
import { BUNDLE_SCHEMA_VERSION, canonicalSignatureText, fromBase64, PortfolioFile, SignatureFile, toBase64 } from './format';
import { BundleError, DEFAULT_LIMITS, entryBytes, entryChunks, readZipDirectory, type ZipEntry, type ZipLimits } from './zipread';

export { BundleError };

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
  signer: { fingerprint: string; known: boolean; label: string | null };
  payloadFiles: number;
  payloadBytes: number;
}

const fail = (file: string, reason: string): never => {
  throw new BundleError(file, reason);
};

/** SHA-256 and CRC-32 of an entry's bytes: stored entries in the hash workers, deflated ones as they inflate. */
function entryDigest(blob: Blob, entry: ZipEntry, onBytes?: OnBytes): Promise<BlobDigest> {
  return entry.method === 0 ? digestBlob(blob.slice(entry.dataOffset, entry.dataOffset + entry.size), onBytes) : digestChunks(entryChunks(blob, entry), onBytes);
}

/** The SHA-256 its manifest names, then the zip's own CRC-32 (which `unzip -t` checks), of every entry. */
function checkDigest(path: string, digest: BlobDigest, entry: ZipEntry, manifest: string, sha256?: string): void {
  if (sha256 !== undefined && digest.sha256 !== sha256) {
    fail(path, `does not match its SHA-256 in ${manifest}${manifest === 'manifest-sha256.txt' ? ' (altered or corrupt)' : ''}`);
  }
  if (digest.crc32 !== entry.crc) fail(path, 'does not match its CRC-32 in the zip (corrupt)');
}

/**
 * The most each file read whole may hold (bag-relative path). The sizes are checked before reading, so an absurd
 * one is refused with its name, before the signature is even checked, and never fills the memory.
 */
const MiB = 1024 * 1024;
const WHOLE_FILE_LIMITS: Record<string, number> = {
  'bagit.txt': 1024,
  'signature.json': 16 * 1024,
  'bag-info.txt': MiB,
  'tagmanifest-sha256.txt': MiB,
  'manifest-sha256.txt': 64 * MiB,
  'data/portfolio.json': 512 * MiB,
};
const wholeFileLimit = (path: string) => WHOLE_FILE_LIMITS[path] ?? (path.startsWith('data/specs/') ? 16 * MiB : 0);

async function wholeFile(blob: Blob, entry: ZipEntry, path: string): Promise<Uint8Array> {
  const limit = wholeFileLimit(path);
  if (entry.size > limit) fail(path, `rejected: ${entry.size} bytes is far more than such a file holds (at most ${limit})`);
  return entryBytes(blob, entry);
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function decode(bytes: Uint8Array, path: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return fail(path, 'is not valid UTF-8');
  }
}

export interface VerifyOptions {
  limits?: ZipLimits;
  /** Payload bytes hashed so far, of the total: the long part of verifying a large bundle. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export async function verifyBundle(blob: Blob, { limits = DEFAULT_LIMITS, onProgress }: VerifyOptions = {}): Promise<VerifiedBundle> {
  const entries = await readZipDirectory(blob, limits);
  if (entries.length === 0) fail('(zip container)', 'the zip is empty');
  const root = entries[0]!.name.split('/')[0]!;
  const byPath = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (!e.name.startsWith(`${root}/`) || e.name.endsWith('/')) fail(e.name, `is outside the bag folder "${root}/"`);
    byPath.set(e.name.slice(root.length + 1), e);
  }
  const need = (path: string) => byPath.get(path) ?? fail(`${root}/${path}`, 'is missing');
  const bytesOf = (path: string) => wholeFile(blob, need(path), path);
  const read = async (path: string) => decode(await bytesOf(path), path);

  if ((await read('bagit.txt')) !== BAGIT_TXT) fail('bagit.txt', 'is not a BagIt 1.0 declaration');
  const tagManifestBytes = await bytesOf('tagmanifest-sha256.txt');
  const tagManifest = parseManifest(decode(tagManifestBytes, 'tagmanifest-sha256.txt'), 'tagmanifest-sha256.txt', fail);

  // The signature first: everything else is trusted through the signed tag manifest.
  const sigText = await read('signature.json');
  let sigJson: unknown;
  try {
    sigJson = JSON.parse(sigText);
  } catch {
    fail('signature.json', 'is not valid JSON');
  }
  const sig = SignatureFile.safeParse(sigJson);
  if (!sig.success) fail('signature.json', `is not a valid signature file (${sig.error!.issues[0]!.message})`);
  // signature.json is the one file no hash covers, so it must be exactly as the writer makes it.
  if (sigText !== canonicalSignatureText(sig.data!)) fail('signature.json', 'is not in canonical form (altered)');
  const spki = fromBase64(sig.data!.publicKey) ?? fail('signature.json', 'the public key is not base64');
  const signatureBytes = fromBase64(sig.data!.signature) ?? fail('signature.json', 'the signature is not base64');
  if (toBase64(spki) !== sig.data!.publicKey || toBase64(signatureBytes) !== sig.data!.signature) fail('signature.json', 'has non-canonical base64 (altered)');
  if ((await fingerprintOf(spki)) !== sig.data!.fingerprint) fail('signature.json', 'the fingerprint does not match the public key');
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', spki as BufferSource, ECDSA, false, ['verify']);
  } catch {
    return fail('signature.json', 'the public key is not an ECDSA P-256 key');
  }
  const valid = await crypto.subtle.verify(ECDSA_SIGN, publicKey, signatureBytes as BufferSource, tagManifestBytes as BufferSource);
  if (!valid) fail('signature.json', 'the signature does not match tagmanifest-sha256.txt (altered after signing)');

  for (const [path, hash] of tagManifest) {
    if (path.startsWith('data/')) fail('tagmanifest-sha256.txt', `lists a payload file (${path})`);
    checkDigest(path, await entryDigest(blob, need(path)), need(path), 'tagmanifest-sha256.txt', hash);
  }
  // The two files no manifest covers are checked by the signature and the canonical form; their CRC here.
  for (const path of ['tagmanifest-sha256.txt', 'signature.json']) checkDigest(path, await entryDigest(blob, need(path)), need(path), 'the zip');
  for (const path of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) {
    if (!tagManifest.has(path)) fail('tagmanifest-sha256.txt', `does not cover ${path}`);
  }
  const tagFiles = new Set(['tagmanifest-sha256.txt', 'signature.json', ...tagManifest.keys()]);
  const manifest = parseManifest(await read('manifest-sha256.txt'), 'manifest-sha256.txt', fail);
  for (const path of byPath.keys()) {
    if (!path.startsWith('data/') && !tagFiles.has(path)) fail(path, 'is not listed in any manifest');
    if (path.startsWith('data/') && !manifest.has(path)) fail(path, 'is not listed in manifest-sha256.txt');
  }
  for (const path of manifest.keys()) if (!byPath.has(path)) fail(path, 'is listed in manifest-sha256.txt but missing');

  const info = parseBagInfo(await read('bag-info.txt'));
  const payloadBytes = [...manifest.keys()].reduce((n, p) => n + byPath.get(p)!.size, 0);
  const oxum = info.get('Payload-Oxum')?.[0];
  if (oxum !== payloadOxum(payloadBytes, manifest.size)) {
    fail('bag-info.txt', `Payload-Oxum ${oxum ?? '(missing)'} does not match the payload (${payloadOxum(payloadBytes, manifest.size)})`);
  }
  if (info.get('Fieldfolio-Exporting-Device')?.[0] !== sig.data!.deviceId) fail('signature.json', 'names a different device than bag-info.txt');
  for (const [label, values] of info) if (values.length > 1 && label !== 'Fieldfolio-Spec') fail('bag-info.txt', `repeats ${label}`);
  const schemaVersion = Number(info.get('Fieldfolio-Schema-Version')?.[0]);
  if (!(schemaVersion >= 1)) fail('bag-info.txt', 'has no Fieldfolio-Schema-Version: not a Fieldfolio bundle');
  if (schemaVersion > BUNDLE_SCHEMA_VERSION) {
    fail('bag-info.txt', `was written with bundle schema version ${schemaVersion}, newer than this app understands (${BUNDLE_SCHEMA_VERSION}): update Fieldfolio first`);
  }
  // Payload hashes: stored entries are hashed in the workers, all queued at once (the page stays responsive).
  let hashed = 0;
  onProgress?.(0, payloadBytes);
  const progressed = (n: number) => onProgress?.((hashed += n), payloadBytes);
  const digests = await Promise.all([...manifest.keys()].map((path) => entryDigest(blob, byPath.get(path)!, progressed)));
  [...manifest.entries()].forEach(([path, hash], i) => checkDigest(path, digests[i]!, byPath.get(path)!, 'manifest-sha256.txt', hash));

  let portfolioJson: unknown;
  try {
    portfolioJson = JSON.parse(await read('data/portfolio.json'));
  } catch (e) {
    if (e instanceof BundleError) throw e;
    fail('data/portfolio.json', 'is not valid JSON');
  }
  const parsed = PortfolioFile.safeParse(portfolioJson);
  if (!parsed.success) fail('data/portfolio.json', `does not match the bundle schema: ${parsed.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const file = parsed.data!;
  if (file.schemaVersion > BUNDLE_SCHEMA_VERSION) fail('data/portfolio.json', `schema version ${file.schemaVersion} is newer than this app understands`);
  if (info.get('External-Identifier')?.[0] !== file.portfolioId) fail('bag-info.txt', 'External-Identifier is not the portfolio id in data/portfolio.json');
  if ((info.get('Fieldfolio-Scope')?.[0] ?? 'full') !== file.scope) fail('bag-info.txt', 'Fieldfolio-Scope disagrees with data/portfolio.json');
  if (file.recordSchemaVersion > RECORD_SCHEMA_VERSION) fail('data/portfolio.json', `record schema version ${file.recordSchemaVersion} is newer than this app understands`);

  const records = {} as VerifiedBundle['records'];
  for (const table of EXCHANGED_TABLES) {
    records[table] = file.records[table].map((raw, i) => {
      try {
        return readRecord(table, raw);
      } catch (e) {
        return fail('data/portfolio.json', `${table}[${i}] is invalid: ${(e as Error).message}`);
      }
    }) as never;
  }
  if (records.enrolments.length !== 1 || records.enrolments[0]!.id !== file.portfolioId) fail('data/portfolio.json', 'must hold exactly the one enrolment it names');
  for (const table of EXCHANGED_TABLES) {
    if (table === 'enrolments' || table === 'people') continue;
    for (const r of records[table] as Array<{ portfolioId: string; id: string }>) {
      if (r.portfolioId !== file.portfolioId) fail('data/portfolio.json', `${table} ${r.id} belongs to another portfolio`);
    }
  }

  const specs: QualificationSpec[] = [];
  for (const path of manifest.keys()) {
    if (!path.startsWith('data/specs/')) continue;
    try {
      specs.push(parseSpec(await read(path), path));
    } catch (e) {
      fail(path, (e as Error).message);
    }
  }

  const media = new Map<string, Blob>();
  for (const m of records.media) {
    if (m.deleted) continue;
    const path = [...manifest.keys()].find((p) => p.startsWith(`data/media/${m.sha256}.`));
    if (!path) fail('data/portfolio.json', `media ${m.id} (${m.name}) has no file in data/media/`);
    const entry = byPath.get(path!)!;
    if (entry.size !== m.size) fail(path!, `is ${entry.size} bytes but its record says ${m.size}`);
    if (manifest.get(path!) !== m.sha256) fail(path!, `its SHA-256 in manifest-sha256.txt is not the one its media record ${m.id} names`);
    // Fieldfolio stores media uncompressed; a deflated one (another writer) is inflated in memory, so bounded.
    if (entry.method !== 0 && entry.size > 64 * MiB) fail(path!, 'rejected: a compressed media file over 64 MB (Fieldfolio stores media uncompressed)');
    // Stored entries are sliced straight out of the bundle: no copy in memory.
    media.set(m.id, entry.method === 0 ? blob.slice(entry.dataOffset, entry.dataOffset + entry.size, m.mimeType) : new Blob([(await entryBytes(blob, entry)) as BlobPart], { type: m.mimeType }));
  }

  const known = (await knownKeys()).find((k) => k.fingerprint === sig.data!.fingerprint);
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
    signer: { fingerprint: sig.data!.fingerprint, known: !!known, label: known?.label ?? null },
    payloadFiles: manifest.size,
    payloadBytes,
  };
}
