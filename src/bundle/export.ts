// Export: a zip holding one BagIt 1.0 bag, streamed (STORE: media is already compressed), every file's
// SHA-256 computed as it is written, signed with this device's key. Memory stays bounded by the flush size and
// the hash workers' read size, not the portfolio size.
import { Zip, ZipPassThrough } from 'fflate';
import { RECORD_SCHEMA_VERSION } from '../domain';
import { notePeer, portfolioForExport, type PortfolioExport, deviceSigningKey, ECDSA_SIGN, deviceId, listStoredSpecs, loadStoredSpec, todayIso, digestBlob, sha256Hex, type BlobDigest } from '../storage';
import { BAGIT_TXT, bagInfoText, manifestText, payloadOxum } from './bagit';
import { BUNDLE_SCHEMA_VERSION, canonicalSignatureText, toBase64, type PortfolioFile, type SignatureFile } from './format';
import { portfolioReport } from './report';

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

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/heic': 'heic',
  'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov', 'audio/webm': 'webm', 'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'application/pdf': 'pdf', 'text/plain': 'txt',
};
export const extensionFor = (mime: string) => EXTENSIONS[mime.split(';')[0]!.trim()] ?? 'bin';

const encoder = new TextEncoder();
const FLUSH_BYTES = 16 * 1024 * 1024;

/** A payload file: bytes made here (JSON, report), or a stored media Blob with its digest under way in a worker. */
type PayloadSource = { path: string; size: number } & ({ bytes: Uint8Array } | { blob: Blob; digest: Promise<BlobDigest> });

/**
 * Stands in for a media file's bytes in the zip stream. The zip writer only counts its length; the output
 * then takes the Blob itself, so media bytes are never read or copied on this thread: the hash worker is
 * their one reader, and the bundle Blob references the stored files.
 */
class BlobBytes {
  constructor(readonly blob: Blob) {}
  get length(): number {
    return this.blob.size;
  }
}

/** A stored (uncompressed) zip entry whose data is a Blob and whose CRC-32 comes from the worker's digest. */
class BlobEntry extends ZipPassThrough {
  write(blob: Blob, crc32: number): void {
    this.size = blob.size;
    this.crc = crc32;
    this.process(new BlobBytes(blob) as unknown as Uint8Array<ArrayBuffer>, true);
  }
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new DOMException('Export cancelled', 'AbortError'));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export async function exportPortfolio(portfolioId: string, options: ExportOptions = {}): Promise<ExportedBundle> {
  const startedAt = (options.now ?? new Date()).toISOString();
  const data = await portfolioForExport(portfolioId, options.since);
  if (!data) throw new Error('This portfolio is not on this device.');
  const bundle = await writeBundle(data, options);
  if (options.forDevice) await notePeer(options.forDevice, { sent: { portfolioId, at: startedAt } });
  return bundle;
}

export async function writeBundle(data: PortfolioExport, options: ExportOptions = {}): Promise<ExportedBundle> {
  const now = options.now ?? new Date();
  const enrolment = data.records.enrolments[0]!;
  const device = await deviceId();
  const spec = await loadStoredSpec(enrolment.specId, enrolment.specVersion);
  // An incremental bundle goes to a device that already holds the portfolio, and so its spec.
  const specs = options.since ? [] : spec ? [spec] : (await listStoredSpecs()).filter((s) => s.id === enrolment.specId);
  const root = `fieldfolio-${enrolment.id}`;
  const scope = options.since || options.partial ? 'changes' : 'full';

  const portfolio: PortfolioFile = {
    format: 'fieldfolio-portfolio',
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    recordSchemaVersion: RECORD_SCHEMA_VERSION,
    portfolioId: enrolment.id,
    exportedAt: now.toISOString(),
    deviceId: device,
    scope,
    changesSince: options.since ?? null,
    records: data.records as unknown as PortfolioFile['records'],
    audit: data.audit,
  };
  // Progress counts bytes hashed: media in the workers (all queued at once, so several move together), the
  // files made here as they are written.
  let bytesTotal = 0;
  let bytesDone = 0;
  let current = '';
  const progressed = (n: number) => {
    bytesDone += n;
    options.onProgress?.({ bytesDone, bytesTotal, file: current });
  };
  const payload: PayloadSource[] = [];
  const add = (source: PayloadSource) => {
    payload.push(source);
    bytesTotal += source.size;
  };
  const addBytes = (path: string, bytes: Uint8Array) => add({ path, size: bytes.length, bytes });
  addBytes('data/portfolio.json', encoder.encode(JSON.stringify(portfolio, null, 1)));
  for (const s of specs) addBytes(`data/specs/${s.id}.json`, encoder.encode(JSON.stringify(s, null, 1)));
  const seen = new Set<string>();
  for (const m of data.records.media) {
    const blob = data.mediaBlobs.get(m.id);
    const path = `data/media/${m.sha256}.${extensionFor(m.mimeType)}`;
    if (!blob || m.deleted || seen.has(path)) continue;
    seen.add(path);
    add({ path, size: blob.size, blob, digest: digestBlob(blob, progressed) });
  }
  addBytes('data/report.html', encoder.encode(portfolioReport(data, spec, todayIso())));

  // Output goes into a Blob as it is produced: the browser keeps Blob bytes outside the JS heap (and pages
  // large ones to disk), so memory stays bounded by the flush size, not the bundle size.
  const output: Blob[] = [];
  let parts: Uint8Array[] = [];
  let buffered = 0;
  const flush = () => {
    if (parts.length === 0) return;
    output.push(new Blob(parts as BlobPart[]));
    parts = [];
    buffered = 0;
  };
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else if ((chunk as unknown) instanceof BlobBytes) {
      flush();
      output.push((chunk as unknown as BlobBytes).blob);
    } else {
      parts.push(chunk);
      buffered += chunk.length;
      if (buffered >= FLUSH_BYTES) flush();
    }
  });
  const writeFile = async (path: string, source: Uint8Array | { blob: Blob; digest: Promise<BlobDigest> }): Promise<string> => {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    let sha256: string;
    if (source instanceof Uint8Array) {
      const entry = new ZipPassThrough(`${root}/${path}`);
      entry.mtime = now;
      zip.add(entry);
      entry.push(source, true);
      sha256 = await sha256Hex(source);
    } else {
      const digest = await untilAborted(source.digest, options.signal);
      const entry = new BlobEntry(`${root}/${path}`);
      entry.mtime = now;
      zip.add(entry);
      entry.write(source.blob, digest.crc32);
      sha256 = digest.sha256;
    }
    if (zipError) throw zipError;
    return sha256;
  };

  const manifest: Array<{ path: string; sha256: string }> = [];
  for (const p of payload) {
    current = p.path;
    manifest.push({ path: p.path, sha256: await writeFile(p.path, 'bytes' in p ? p.bytes : p) });
    if ('bytes' in p) progressed(p.size);
  }

  const bagInfo = bagInfoText([
    ['Bagging-Date', now.toISOString().slice(0, 10)],
    ['Payload-Oxum', payloadOxum(bytesTotal, payload.length)],
    ['Bag-Software-Agent', SOFTWARE_AGENT],
    ['External-Identifier', enrolment.id],
    ['External-Description', `Fieldfolio portfolio bundle: ${enrolment.specId} ${enrolment.specVersion}${options.since ? `, changes since ${options.since}` : ''}`],
    ['Fieldfolio-Schema-Version', String(BUNDLE_SCHEMA_VERSION)],
    ['Fieldfolio-Record-Schema-Version', String(RECORD_SCHEMA_VERSION)],
    ['Fieldfolio-Exporting-Device', device],
    ['Fieldfolio-Scope', scope],
    ...(options.since ? [['Fieldfolio-Changes-Since', options.since] as [string, string]] : []),
    // The spec the portfolio uses, whether or not its file travels (an incremental bundle leaves it out).
    ['Fieldfolio-Spec', `${enrolment.specId} ${enrolment.specVersion}`],
  ]);
  const tagFiles: Array<[string, Uint8Array]> = [
    ['bagit.txt', encoder.encode(BAGIT_TXT)],
    ['bag-info.txt', encoder.encode(bagInfo)],
    ['manifest-sha256.txt', encoder.encode(manifestText(manifest))],
  ];
  const tagManifest: Array<{ path: string; sha256: string }> = [];
  for (const [path, bytes] of tagFiles) tagManifest.push({ path, sha256: await writeFile(path, bytes) });
  const tagManifestBytes = encoder.encode(manifestText(tagManifest));
  await writeFile('tagmanifest-sha256.txt', tagManifestBytes);

  const key = await deviceSigningKey();
  const signature = new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, key.privateKey, tagManifestBytes as BufferSource));
  const signatureFile: SignatureFile = {
    algorithm: 'ECDSA-P256-SHA256',
    signedFile: 'tagmanifest-sha256.txt',
    publicKey: toBase64(key.publicKeySpki),
    fingerprint: key.fingerprint,
    signature: toBase64(signature),
    deviceId: device,
  };
  await writeFile('signature.json', encoder.encode(canonicalSignatureText(signatureFile)));
  zip.end();
  if (zipError) throw zipError;
  flush();
  return {
    blob: new Blob(output, { type: 'application/zip' }),
    fileName: `${root}.zip`,
    files: payload.length,
    payloadBytes: bytesTotal,
  };
}
