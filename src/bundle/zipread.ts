// The reader for a bundle's zip container. It reads the central directory from the end of the Blob and each entry
// by slicing (random access: a 1 GB bundle never sits in memory). The contract is the bag inside, not the zip
// bytes (docs/bundle-format.md): any conforming zip is read, whoever wrote it (timestamps, attributes, extra
// fields, comments, entry order, STORE or deflate, data descriptors are free), and every safety check applies to
// every entry: names that could escape or collide, sizes, entry count, compression ratio, overlapping entries.
import { Inflate } from 'fflate';

export class BundleError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'BundleError';
    this.file = file;
    this.reason = reason;
  }
}

/** The file is not a zip at all (or was cut short): whatever it is, it cannot be a Fieldfolio bundle. */
export class NotABundleError extends BundleError {
  constructor(reason: string) {
    super('(zip container)', reason);
    this.name = 'NotABundleError';
  }
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Largest uncompressed:compressed ratio accepted for a deflated entry. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxEntryBytes: 4 * 1024 ** 3,
  maxRatio: 100,
};

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data within the zip (after its local header, name and extra field). */
  dataOffset: number;
}

const u16 = (v: DataView, o: number) => v.getUint16(o, true);
const u32 = (v: DataView, o: number) => v.getUint32(o, true);
const view = async (blob: Blob, start: number, end: number) => new DataView(await blob.slice(start, end).arrayBuffer());
const ZIP = '(zip container)';
const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64 = 'Zip64 archives (over 4 GB or 65,535 entries) are not accepted';
/** Flags a reader may ignore: deflate options (bits 1, 2), data descriptor (3), UTF-8 names (11). */
const HARMLESS_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800;
const DATA_DESCRIPTOR_FLAG = 0x0008;

/** A name that cannot escape the extraction folder: relative, forward slashes, no "." or "..". */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return 'empty file name';
  if (name.includes('\\')) return 'backslash in file name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.includes('\0')) return 'NUL in file name';
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return 'path traversal ("..")';
  if (parts.some((p, i) => p === '.' || (p === '' && i < parts.length - 1))) return 'irregular path';
  return null;
}

/** Two names that land on the same file on a case-insensitive or normalising file system are one name. */
const collisionKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The end-of-central-directory record: where the central directory lies and how many entries it lists. */
interface EndRecord {
  count: number;
  cdOffset: number;
  cdSize: number;
}

/** The end record is the last 22 bytes plus an archive comment of up to 65,535 bytes: found from the end. */
async function findEndRecord(blob: Blob): Promise<{ eocd: DataView; at: number }> {
  const start = Math.max(0, blob.size - 22 - 0xffff);
  const tail = await view(blob, start, blob.size);
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (u32(tail, at) === END_RECORD && at + 22 + u16(tail, at + 20) === tail.byteLength) {
      return { eocd: new DataView(tail.buffer, tail.byteOffset + at, 22), at: start + at };
    }
  }
  throw new NotABundleError('not a zip file, or truncated (no end-of-central-directory record at the end)');
}

async function readEndRecord(blob: Blob, limits: ZipLimits): Promise<EndRecord> {
  if (blob.size < 22) throw new NotABundleError('not a zip file, or truncated (no end-of-central-directory record)');
  const { eocd, at } = await findEndRecord(blob);
  if (u16(eocd, 4) !== 0 || u16(eocd, 6) !== 0) throw new BundleError(ZIP, 'multi-disk archives are not accepted');
  const count = u16(eocd, 8);
  const cdSize = u32(eocd, 12);
  const cdOffset = u32(eocd, 16);
  const locator = at >= 20 ? await view(blob, at - 20, at) : null;
  if (
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (locator && u32(locator, 0) === ZIP64_LOCATOR)
  ) {
    throw new BundleError(ZIP, ZIP64);
  }
  if (u16(eocd, 10) !== count) throw new BundleError(ZIP, 'inconsistent entry counts in the end record');
  if (count > limits.maxEntries)
    throw new BundleError(ZIP, `${count} entries is more than the ${limits.maxEntries} allowed`);
  if (cdOffset + cdSize !== at) {
    throw new BundleError(
      ZIP,
      `the central directory (offset ${cdOffset}) does not end where the end record starts (offset ${at}): truncated or padded`,
    );
  }
  return { count, cdOffset, cdSize };
}

/** Each field of a central directory header: its offset in the header and its width in bytes (APPNOTE 4.3.12). */
const CENTRAL_HEADER_FIELDS = {
  flags: [8, 2],
  method: [10, 2],
  crc: [16, 4],
  compressedSize: [20, 4],
  uncompressed: [24, 4],
  nameLength: [28, 2],
  extraLength: [30, 2],
  commentLength: [32, 2],
  disk: [34, 2],
  localOffset: [42, 4],
} as const;

/** One entry's header in the central directory, the fields a reader needs, and its file name. */
type CentralHeader = { [F in keyof typeof CENTRAL_HEADER_FIELDS]: number } & { name: string; nameBytes: Uint8Array };

/** The header at `at` in the central directory (entry `index`, counted from 0). */
function readCentralHeader(cd: DataView, at: number, index: number): CentralHeader {
  if (at + 46 > cd.byteLength || u32(cd, at) !== 0x02014b50) {
    throw new BundleError(ZIP, `central directory entry ${index + 1} is damaged`);
  }
  const fields = Object.fromEntries(
    Object.entries(CENTRAL_HEADER_FIELDS).map(([field, [offset, width]]) => [
      field,
      width === 2 ? u16(cd, at + offset) : u32(cd, at + offset),
    ]),
  ) as Omit<CentralHeader, 'name' | 'nameBytes'>;
  if (at + 46 + fields.nameLength + fields.extraLength + fields.commentLength > cd.byteLength) {
    throw new BundleError(ZIP, `central directory entry ${index + 1} runs past the central directory`);
  }
  const nameBytes = new Uint8Array(cd.buffer, cd.byteOffset + at + 46, fields.nameLength);
  try {
    return { ...fields, nameBytes, name: new TextDecoder('utf-8', { fatal: true }).decode(nameBytes) };
  } catch {
    throw new BundleError(`entry ${index + 1}`, 'file name is not valid UTF-8');
  }
}

/** What every entry must be, whoever wrote it: a plain file or folder, of a sane size, not encrypted, not Zip64. */
function checkCentralHeader(h: CentralHeader, where: string, limits: ZipLimits): void {
  if (h.method !== 0 && h.method !== 8) throw new BundleError(where, `unsupported compression method ${h.method}`);
  if ((h.flags & ~HARMLESS_FLAGS) !== 0) throw new BundleError(where, 'encrypted or unsupported zip flags');
  if (h.compressedSize === 0xffffffff || h.uncompressed === 0xffffffff || h.localOffset === 0xffffffff) {
    throw new BundleError(where, ZIP64);
  }
  if (h.disk !== 0) throw new BundleError(where, 'multi-disk archives are not accepted');
  if (h.uncompressed > limits.maxEntryBytes) {
    throw new BundleError(where, `rejected: ${h.uncompressed} bytes is an absurd size for one entry`);
  }
  if (h.method === 8 && h.uncompressed > Math.max(1024 * 1024, h.compressedSize * limits.maxRatio)) {
    const ratio = (h.uncompressed / Math.max(1, h.compressedSize)).toFixed(0);
    throw new BundleError(where, `rejected: compression ratio ${ratio}:1 is absurd (zip bomb?)`);
  }
  if (h.method === 0 && h.compressedSize !== h.uncompressed)
    throw new BundleError(where, 'stored entry whose sizes differ');
  if (h.name.endsWith('/') && h.uncompressed !== 0) throw new BundleError(where, 'a folder entry that holds data');
}

/** Sizes in a local header that say the same as the central directory; with a data descriptor, zero is allowed. */
function localSizesAgree(local: DataView, h: CentralHeader): boolean {
  const values = [u32(local, 14), u32(local, 18), u32(local, 22)];
  const central = [h.crc, h.compressedSize, h.uncompressed];
  const deferred = (h.flags & DATA_DESCRIPTOR_FLAG) !== 0;
  return values.every((v, i) => v === central[i] || (deferred && v === 0));
}

/**
 * The entry's local header must agree with the central directory where it matters (name, method, encryption and
 * data descriptor flags, sizes); the data is then read where the central directory says. Returns where it starts.
 */
async function checkLocalHeader(blob: Blob, h: CentralHeader, where: string, cdOffset: number): Promise<number> {
  const at = `${where} (local header at offset ${h.localOffset})`;
  if (h.localOffset + 30 + h.nameLength > cdOffset) throw new BundleError(at, 'lies outside the entries area');
  const local = await view(blob, h.localOffset, h.localOffset + 30 + h.nameLength);
  if (u32(local, 0) !== 0x04034b50) throw new BundleError(at, 'local header is damaged');
  if (u32(local, 18) === 0xffffffff || u32(local, 22) === 0xffffffff) throw new BundleError(at, ZIP64);
  const localName = new Uint8Array(local.buffer, local.byteOffset + 30, h.nameLength);
  const sameName = u16(local, 26) === h.nameLength && localName.every((b, i) => b === h.nameBytes[i]);
  const problem = !sameName
    ? 'its file name'
    : u16(local, 8) !== h.method
      ? 'its compression method'
      : (u16(local, 6) & ~HARMLESS_FLAGS) !== 0 || ((u16(local, 6) ^ h.flags) & DATA_DESCRIPTOR_FLAG) !== 0
        ? 'its flags'
        : !localSizesAgree(local, h)
          ? 'its CRC-32 or sizes'
          : null;
  if (problem) throw new BundleError(at, `local header disagrees with the central directory (${problem})`);
  const dataOffset = h.localOffset + 30 + h.nameLength + u16(local, 28);
  if (dataOffset + h.compressedSize > cdOffset) {
    throw new BundleError(at, 'the data runs into the central directory (truncated or altered)');
  }
  return dataOffset;
}

/** No two entries share bytes (overlapping entries are a zip-bomb technique and hide data). */
function checkNoOverlap(spans: Array<{ start: number; end: number; where: string }>): void {
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      throw new BundleError(spans[i]!.where, `overlaps ${spans[i - 1]!.where} (offset ${spans[i]!.start})`);
    }
  }
}

/** Every entry of the zip, folders included, each checked for safety; in central directory order. */
export async function readZipDirectory(blob: Blob, limits: ZipLimits = DEFAULT_LIMITS): Promise<ZipEntry[]> {
  const end = await readEndRecord(blob, limits);
  const cd = await view(blob, end.cdOffset, end.cdOffset + end.cdSize);
  const entries: ZipEntry[] = [];
  const spans: Array<{ start: number; end: number; where: string }> = [];
  const names = new Map<string, string>();
  let at = 0;
  let total = 0;
  for (let i = 0; i < end.count; i++) {
    const header = readCentralHeader(cd, at, i);
    const { name } = header;
    const where = name || `entry ${i + 1}`;
    const unsafe = unsafeName(name);
    if (unsafe) throw new BundleError(where, `rejected: ${unsafe}`);
    const earlier = names.get(collisionKey(name));
    if (earlier !== undefined) {
      throw new BundleError(
        where,
        earlier === name ? 'rejected: duplicate entry' : `rejected: same file as ${earlier}`,
      );
    }
    names.set(collisionKey(name), name);
    checkCentralHeader(header, where, limits);
    total += header.uncompressed;
    if (total > limits.maxTotalBytes) {
      throw new BundleError(where, `rejected: the bundle would unpack to more than ${limits.maxTotalBytes} bytes`);
    }
    const dataOffset = await checkLocalHeader(blob, header, where, end.cdOffset);
    spans.push({ start: header.localOffset, end: dataOffset + header.compressedSize, where });
    const { method, crc, compressedSize, uncompressed: size } = header;
    entries.push({ name, method: method as 0 | 8, crc, compressedSize, size, dataOffset });
    at += 46 + header.nameLength + header.extraLength + header.commentLength;
  }
  if (at !== end.cdSize) throw new BundleError(ZIP, 'the central directory has trailing bytes');
  checkNoOverlap(spans);
  return entries;
}

/** The entry's bytes as a stream of chunks; inflated entries are counted as they inflate. */
export async function* entryChunks(
  blob: Blob,
  entry: ZipEntry,
  chunkSize = 4 * 1024 * 1024,
): AsyncGenerator<Uint8Array> {
  const end = entry.dataOffset + entry.compressedSize;
  if (entry.method === 0) {
    // The next read is under way while the caller hashes the current chunk.
    const read = (at: number) => (at < end ? blob.slice(at, Math.min(end, at + chunkSize)).arrayBuffer() : null);
    let next = read(entry.dataOffset);
    for (let at = entry.dataOffset; next; at += chunkSize) {
      const current = next;
      next = read(at + chunkSize);
      yield new Uint8Array(await current);
    }
    return;
  }
  let produced = 0;
  const out: Uint8Array[] = [];
  const inflater = new Inflate((data) => {
    produced += data.length;
    if (produced > entry.size)
      throw new BundleError(entry.name, 'rejected: inflates to more bytes than declared (zip bomb?)');
    out.push(data);
  });
  for (let at = entry.dataOffset; at < end; at += chunkSize) {
    const last = at + chunkSize >= end;
    inflater.push(new Uint8Array(await blob.slice(at, Math.min(end, at + chunkSize)).arrayBuffer()), last);
    while (out.length) yield out.shift()!;
  }
  if (produced !== entry.size) throw new BundleError(entry.name, 'inflated size differs from the declared size');
}

export async function entryBytes(blob: Blob, entry: ZipEntry): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of entryChunks(blob, entry)) parts.push(c);
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of parts) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
