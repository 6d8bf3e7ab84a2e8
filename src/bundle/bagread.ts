// Reading the one bag inside a bundle's zip: its files by their path in the bag, each read whole only when its
// declared size fits such a file, and digested (SHA-256 and the zip's CRC-32) as stored or as it inflates.
import { LIMITS } from '../domain';
import { digestBlob, digestChunks, type BlobDigest, type OnBytes } from '../storage';
import { BundleError, entryBytes, entryChunks, readZipDirectory, type ZipEntry, type ZipLimits } from './zipread';

/** Refuses the bundle, naming the file and the reason. */
export function fail(file: string, reason: string): never {
  throw new BundleError(file, reason);
}

export const MiB = 1024 * 1024;

/** The folder macOS Archive Utility adds beside the bag for resource forks (`._*` AppleDouble files). */
const MAC_RESOURCE_FORKS = '__MACOSX';

/**
 * The most each file read whole may hold (bag-relative path). The sizes are checked before reading, so an absurd
 * one is refused with its name, before the signature is even checked, and never fills the memory.
 */
const WHOLE_FILE_LIMITS: Record<string, number> = {
  'bagit.txt': 1024,
  'signature.json': 16 * 1024,
  'bag-info.txt': MiB,
  'tagmanifest-sha256.txt': MiB,
  'manifest-sha256.txt': 64 * MiB,
  'data/portfolio.json': LIMITS.portfolioBytes,
  // An EQA visit pack's centre records, and each of its portfolios' portfolio.json (read one at a time).
  'data/pack.json': LIMITS.portfolioBytes,
  // An EQA's decisions on the portfolios of a pack: which portfolios, who, when (eqaDecisions.ts).
  'data/decisions.json': MiB,
};
const PACK_PORTFOLIO_JSON = /^data\/portfolios\/[^/]+\/portfolio\.json$/;
const wholeFileLimit = (path: string) =>
  WHOLE_FILE_LIMITS[path] ??
  (path.startsWith('data/specs/') ? LIMITS.specBytes : PACK_PORTFOLIO_JSON.test(path) ? LIMITS.portfolioBytes : 0);

const decoder = new TextDecoder('utf-8', { fatal: true });
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return fail(path, 'is not valid UTF-8');
  }
}

export class Bag {
  private constructor(
    private readonly blob: Blob,
    /** "" (the bag at the zip root) or the bag folder with its slash. */
    private readonly root: string,
    /** Every file entry by its path inside the bag folder. */
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /**
   * The bag in the zip: the folder holding bagit.txt, a top-level folder (as Fieldfolio writes it) or the zip root
   * (the folder's contents zipped); every file must be in it. Folder entries and macOS's `__MACOSX/` resource forks are
   * not part of any bag: they are skipped, after the zip reader has checked their names and sizes like any entry's.
   */
  static async open(blob: Blob, limits: ZipLimits): Promise<Bag> {
    const files = (await readZipDirectory(blob, limits)).filter(
      (e) => !e.name.endsWith('/') && !e.name.startsWith(`${MAC_RESOURCE_FORKS}/`),
    );
    if (files.length === 0) fail('(zip container)', 'the zip holds no files');
    const declarations = files.filter((e) => /^([^/]+\/)?bagit\.txt$/.test(e.name));
    if (declarations.length === 0) fail('bagit.txt', 'is missing: no bag at the zip root or in a top-level folder');
    if (declarations.length > 1) fail(declarations[1]!.name, `is a second bag beside ${declarations[0]!.name}`);
    const root = declarations[0]!.name.slice(0, -'bagit.txt'.length);
    const byPath = new Map<string, ZipEntry>();
    for (const e of files) {
      if (!e.name.startsWith(root)) fail(e.name, `is outside the bag folder "${root}"`);
      byPath.set(e.name.slice(root.length), e);
    }
    return new Bag(blob, root, byPath);
  }

  entry(path: string): ZipEntry {
    return this.entries.get(path) ?? fail(`${this.root}${path}`, 'is missing');
  }

  /** A file read whole, refused by its declared size if larger than such a file can be. */
  async bytes(path: string): Promise<Uint8Array> {
    const entry = this.entry(path);
    const limit = wholeFileLimit(path);
    if (entry.size > limit) {
      fail(path, `rejected: ${entry.size} bytes is far more than such a file holds (at most ${limit})`);
    }
    return entryBytes(this.blob, entry);
  }

  async text(path: string): Promise<string> {
    return decodeUtf8(await this.bytes(path), path);
  }

  /** SHA-256 and CRC-32 of a file: stored entries in the hash workers, deflated ones as they inflate. */
  digest(path: string, onBytes?: OnBytes): Promise<BlobDigest> {
    const entry = this.entry(path);
    return entry.method === 0
      ? digestBlob(this.blob.slice(entry.dataOffset, entry.dataOffset + entry.size), onBytes)
      : digestChunks(entryChunks(this.blob, entry), onBytes);
  }

  /** The SHA-256 its manifest names (if one does), then the zip's own CRC-32 (which `unzip -t` checks). */
  checkDigest(path: string, digest: BlobDigest, manifest: string, sha256?: string): void {
    if (sha256 !== undefined && digest.sha256 !== sha256) {
      const corrupt = manifest === 'manifest-sha256.txt' ? ' (altered or corrupt)' : '';
      fail(path, `does not match its SHA-256 in ${manifest}${corrupt}`);
    }
    if (digest.crc32 !== this.entry(path).crc) fail(path, 'does not match its CRC-32 in the zip (corrupt)');
  }

  /** A file as a Blob of the given type: stored entries sliced straight out of the bundle (no copy in memory). */
  async fileBlob(path: string, type: string): Promise<Blob> {
    const entry = this.entry(path);
    return entry.method === 0
      ? this.blob.slice(entry.dataOffset, entry.dataOffset + entry.size, type)
      : new Blob([(await entryBytes(this.blob, entry)) as BlobPart], { type });
  }
}
