// The one bag writer: a zip holding one BagIt 1.0 bag, streamed (STORE: media is already compressed), every
// file's SHA-256 computed as it is written, the tag manifest signed with this device's key. A portfolio bundle and
// an EQA visit pack are both written here; they differ only in the payload files and bag-info fields they pass.
// Memory stays bounded by the flush size and the hash workers' read size, not the bag's size.
//
// The media, nearly all of a bag's bytes, are named first and their digests start at once in the hash workers;
// the files made here (records as JSON, reports: signing, rendering, serialising) are made meanwhile, so that work
// overlaps the hashing instead of coming before it. Made files are written first, then the media in order.
import { digestBlob, type BlobDigest } from '../storage';
import { BAGIT_TXT, bagInfoText, manifestText, payloadOxum } from './bagit';
import { signatureFileFor } from './signature';
import { BagZipWriter } from './zipwrite';

export interface ExportProgress {
  bytesDone: number;
  bytesTotal: number;
  file: string;
}

/** A payload file made here (JSON, report). */
export interface MadeFile {
  path: string;
  bytes: Uint8Array;
}
/** A payload file that is a stored media Blob. */
export interface MediaFile {
  path: string;
  blob: Blob;
}
/** A media file with its digest under way in a hash worker. */
type HashingMedia = MediaFile & { digest: Promise<BlobDigest> };

/** What is made while the media are hashed: the made payload files, and bag-info.txt's fields. */
export interface MadePart {
  /** In the order written (paths start with data/). */
  files: MadeFile[];
  /** bag-info.txt's fields, given the Payload-Oxum of every payload file. */
  bagInfo: (payloadOxum: string) => Array<[string, string]>;
}

export interface SignedBag {
  /** The bag's folder inside the zip. */
  folder: string;
  /** Every media file (paths start with data/), each once: hashed from the start, written after the made files. */
  media: MediaFile[];
  /** Makes the rest of the bag; called once the media's digests are under way. */
  make: () => Promise<MadePart>;
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
  const progress = new ExportProgressCounter(bag.media, bag.onProgress);
  const hashing = hashMedia(bag.media, progress);
  const made = await bag.make();
  progress.add(made.files);
  const zip = new BagZipWriter(bag.folder, bag.now, bag.signal);
  const manifest = await writePayload(zip, made.files, hashing, progress);
  const fileCount = made.files.length + bag.media.length;
  const bagInfo = bagInfoText(made.bagInfo(payloadOxum(progress.bytesTotal, fileCount)));
  const tagManifestBytes = await writeTagFiles(zip, bagInfo, manifest);
  await zip.writeBytes('signature.json', await signatureFileFor(tagManifestBytes, bag.deviceId));
  return { blob: zip.finish(), files: fileCount, payloadBytes: progress.bytesTotal };
}

/**
 * Progress counts bytes hashed: media in the workers (all queued at once, so several move together), the files
 * made here as they are written. It is reported once the whole size is known, i.e. once the made files are made
 * (the media's hashing starts before, and its bytes are counted from the start).
 */
class ExportProgressCounter {
  bytesTotal: number;
  private bytesDone = 0;
  private totalKnown = false;
  /** The file being written. */
  file = '';

  constructor(
    media: MediaFile[],
    private readonly onProgress?: (p: ExportProgress) => void,
  ) {
    this.bytesTotal = media.reduce((n, f) => n + f.blob.size, 0);
  }

  /** The made files join the total, which is then known: the media hashed so far are reported at once. */
  add(made: MadeFile[]): void {
    this.bytesTotal += made.reduce((n, f) => n + f.bytes.length, 0);
    this.totalKnown = true;
    this.report();
  }

  readonly hashed = (bytes: number): void => {
    this.bytesDone += bytes;
    if (this.totalKnown) this.report();
  };

  private report(): void {
    this.onProgress?.({ bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, file: this.file });
  }
}

/** Starts every media file's digest at once in the hash workers. */
function hashMedia(media: MediaFile[], progress: ExportProgressCounter): HashingMedia[] {
  return media.map((f) => {
    const digest = digestBlob(f.blob, progress.hashed);
    // Awaited only once the made files are written: should making them fail first, a failed digest is no news.
    digest.catch(() => undefined);
    return { ...f, digest };
  });
}

type ManifestEntry = { path: string; sha256: string };

async function writePayload(
  zip: BagZipWriter,
  made: MadeFile[],
  media: HashingMedia[],
  progress: ExportProgressCounter,
): Promise<ManifestEntry[]> {
  const manifest: ManifestEntry[] = [];
  for (const file of made) {
    progress.file = file.path;
    manifest.push({ path: file.path, sha256: await zip.writeBytes(file.path, file.bytes) });
    progress.hashed(file.bytes.length);
  }
  for (const file of media) {
    progress.file = file.path;
    manifest.push({ path: file.path, sha256: await zip.writeBlob(file.path, file.blob, file.digest) });
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
