// The one bag writer: a zip holding one BagIt 1.0 bag, streamed (STORE: media is already compressed), every
// file's SHA-256 computed as it is written, the tag manifest signed with this device's key. A portfolio bundle and
// an EQA visit pack are both written here; they differ only in the payload files and bag-info fields they pass.
// Memory stays bounded by the flush size and the hash workers' read size, not the bag's size.
import { digestBlob, type BlobDigest } from '../storage';
import { BAGIT_TXT, bagInfoText, manifestText, payloadOxum } from './bagit';
import { signatureFileFor } from './signature';
import { BagZipWriter } from './zipwrite';

export interface ExportProgress {
  bytesDone: number;
  bytesTotal: number;
  file: string;
}

/** A payload file: bytes made here (JSON, report), or a stored media Blob. */
export type PayloadFile = { path: string } & ({ bytes: Uint8Array } | { blob: Blob });
/** The same, with each media file's digest under way in a hash worker. */
type PayloadSource = { path: string } & ({ bytes: Uint8Array } | { blob: Blob; digest: Promise<BlobDigest> });

export interface SignedBag {
  /** The bag's folder inside the zip. */
  folder: string;
  /** Every payload file, in the order written (paths start with data/). */
  files: PayloadFile[];
  /** bag-info.txt's fields, given the Payload-Oxum of the files. */
  bagInfo: (payloadOxum: string) => Array<[string, string]>;
  deviceId: string;
  now: Date;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

export interface WrittenBag {
  blob: Blob;
  files: number;
  payloadBytes: number;
}

const encoder = new TextEncoder();
/** JSON as Fieldfolio writes it in a bag: one-space indented. */
export const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value, null, 1));
export const textBytes = (text: string) => encoder.encode(text);

export async function writeSignedBag(bag: SignedBag): Promise<WrittenBag> {
  const progress = new ExportProgressCounter(bag.files, bag.onProgress);
  const zip = new BagZipWriter(bag.folder, bag.now, bag.signal);
  const manifest = await writePayload(zip, hashMedia(bag.files, progress), progress);
  const bagInfo = bagInfoText(bag.bagInfo(payloadOxum(progress.bytesTotal, bag.files.length)));
  const tagManifestBytes = await writeTagFiles(zip, bagInfo, manifest);
  await zip.writeBytes('signature.json', await signatureFileFor(tagManifestBytes, bag.deviceId));
  return { blob: zip.finish(), files: bag.files.length, payloadBytes: progress.bytesTotal };
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
