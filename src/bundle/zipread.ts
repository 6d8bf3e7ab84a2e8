// A strict reader for the zip container of a bundle. It reads the central directory from the end of the
// Blob and each entry by slicing (random access: a 1 GB bundle never sits in memory), and it refuses any
// container that is not exactly what a conforming writer produces: every byte of the file belongs to a
// checked structure, so a single changed byte anywhere is either caught here or by the BagIt hashes.
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
  /** Offset of the entry's data within the zip. */
  dataOffset: number;
}

const u16 = (v: DataView, o: number) => v.getUint16(o, true);
const u32 = (v: DataView, o: number) => v.getUint32(o, true);
const view = async (blob: Blob, start: number, end: number) => new DataView(await blob.slice(start, end).arrayBuffer());
const ZIP = '(zip container)';

/** A name that cannot escape the extraction folder or collide: relative, forward slashes, no "." or "..". */
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

/** The end-of-central-directory record: where the central directory lies and how many entries it lists. */
interface EndRecord {
  count: number;
  cdOffset: number;
  cdSize: number;
}

async function readEndRecord(blob: Blob, limits: ZipLimits): Promise<EndRecord> {
  const size = blob.size;
  if (size < 22) throw new BundleError(ZIP, 'not a zip file, or truncated (no end-of-central-directory record)');
  // No archive comment is allowed, so the end record is exactly the last 22 bytes.
  const eocd = await view(blob, size - 22, size);
  if (u32(eocd, 0) !== 0x06054b50) {
    throw new BundleError(ZIP, 'not a zip file, or truncated (no end-of-central-directory record at the end)');
  }
  if (u16(eocd, 4) !== 0 || u16(eocd, 6) !== 0) throw new BundleError(ZIP, 'multi-disk archives are not accepted');
  const count = u16(eocd, 8);
  if (u16(eocd, 10) !== count) throw new BundleError(ZIP, 'inconsistent entry counts in the end record');
  const cdSize = u32(eocd, 12);
  const cdOffset = u32(eocd, 16);
  if (u16(eocd, 20) !== 0) throw new BundleError(ZIP, 'archive comments are not accepted');
  if (count > limits.maxEntries)
    throw new BundleError(ZIP, `${count} entries is more than the ${limits.maxEntries} allowed`);
  if (cdOffset + cdSize !== size - 22) {
    throw new BundleError(ZIP, 'the central directory does not end where the end record starts (truncated or padded)');
  }
  return { count, cdOffset, cdSize };
}

/** Each field of a central directory header: its offset in the header and its width in bytes (APPNOTE 4.3.12). */
const CENTRAL_HEADER_FIELDS = {
  madeBy: [4, 2],
  needed: [6, 2],
  flags: [8, 2],
  method: [10, 2],
  time: [12, 2],
  date: [14, 2],
  crc: [16, 4],
  compressedSize: [20, 4],
  uncompressed: [24, 4],
  nameLength: [28, 2],
  extraLength: [30, 2],
  commentLength: [32, 2],
  disk: [34, 2],
  internal: [36, 2],
  external: [38, 4],
  localOffset: [42, 4],
} as const;

/** One entry's header in the central directory, field by field as written, and its file name. */
type CentralHeader = { [F in keyof typeof CENTRAL_HEADER_FIELDS]: number } & { name: string };

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
  ) as Omit<CentralHeader, 'name'>;
  let name: string;
  try {
    const nameBytes = new Uint8Array(
      cd.buffer,
      cd.byteOffset + at + 46,
      Math.min(fields.nameLength, cd.byteLength - at - 46),
    );
    name = new TextDecoder('utf-8', { fatal: true }).decode(nameBytes);
  } catch {
    throw new BundleError(`entry ${index + 1}`, 'file name is not valid UTF-8');
  }
  return { ...fields, name };
}

/** What a conforming writer puts in a central header: no extras, sane sizes, each entry right after the last. */
function checkCentralHeader(h: CentralHeader, where: string, expectedOffset: number, limits: ZipLimits): void {
  if (h.madeBy !== 20 || h.needed !== 20) {
    throw new BundleError(where, 'unexpected zip version fields (not written by a conforming writer)');
  }
  if (h.extraLength !== 0 || h.commentLength !== 0 || h.disk !== 0 || h.internal !== 0 || h.external !== 0) {
    throw new BundleError(where, 'unexpected extra fields, comments or attributes in the central directory');
  }
  if (h.method !== 0 && h.method !== 8) throw new BundleError(where, `unsupported compression method ${h.method}`);
  if ((h.flags & ~0x0808) !== 0) throw new BundleError(where, 'encrypted or unsupported zip flags');
  if (h.localOffset !== expectedOffset) {
    throw new BundleError(where, 'entries are not contiguous (hidden data between entries)');
  }
  if (h.uncompressed > limits.maxEntryBytes) {
    throw new BundleError(where, `rejected: ${h.uncompressed} bytes is an absurd size for one entry`);
  }
  if (h.method === 8 && h.uncompressed > Math.max(1024 * 1024, h.compressedSize * limits.maxRatio)) {
    const ratio = (h.uncompressed / Math.max(1, h.compressedSize)).toFixed(0);
    throw new BundleError(where, `rejected: compression ratio ${ratio}:1 is absurd (zip bomb?)`);
  }
  if (h.method === 0 && h.compressedSize !== h.uncompressed)
    throw new BundleError(where, 'stored entry whose sizes differ');
}

/**
 * The local header (and data descriptor, if any) must say the same as the central directory. Returns where the
 * entry ends, so the next one must start there.
 */
async function checkLocalHeader(blob: Blob, h: CentralHeader, where: string): Promise<number> {
  const local = await view(blob, h.localOffset, h.localOffset + 30 + h.nameLength);
  if (local.byteLength < 30 || u32(local, 0) !== 0x04034b50) throw new BundleError(where, 'local header is damaged');
  const hasDescriptor = (h.flags & 0x8) !== 0;
  const localName = new Uint8Array(local.buffer, local.byteOffset + 30, Math.min(h.nameLength, local.byteLength - 30));
  const sizesDisagree = hasDescriptor
    ? u32(local, 14) !== 0 || u32(local, 18) !== 0 || u32(local, 22) !== 0
    : u32(local, 14) !== h.crc || u32(local, 18) !== h.compressedSize || u32(local, 22) !== h.uncompressed;
  if (
    u16(local, 4) !== h.needed ||
    u16(local, 6) !== h.flags ||
    u16(local, 8) !== h.method ||
    u16(local, 10) !== h.time ||
    u16(local, 12) !== h.date ||
    u16(local, 26) !== h.nameLength ||
    u16(local, 28) !== 0 ||
    new TextDecoder().decode(localName) !== h.name ||
    sizesDisagree
  ) {
    throw new BundleError(where, 'local header disagrees with the central directory');
  }
  const dataEnd = h.localOffset + 30 + h.nameLength + h.compressedSize;
  if (!hasDescriptor) return dataEnd;
  const d = await view(blob, dataEnd, dataEnd + 16);
  if (
    d.byteLength < 16 ||
    u32(d, 0) !== 0x08074b50 ||
    u32(d, 4) !== h.crc ||
    u32(d, 8) !== h.compressedSize ||
    u32(d, 12) !== h.uncompressed
  ) {
    throw new BundleError(where, 'data descriptor disagrees with the central directory (truncated or altered)');
  }
  return dataEnd + 16;
}

export async function readZipDirectory(blob: Blob, limits: ZipLimits = DEFAULT_LIMITS): Promise<ZipEntry[]> {
  const end = await readEndRecord(blob, limits);
  const cd = await view(blob, end.cdOffset, end.cdOffset + end.cdSize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  let expectedOffset = 0;
  let total = 0;
  for (let i = 0; i < end.count; i++) {
    const header = readCentralHeader(cd, at, i);
    const { name } = header;
    const where = name || `entry ${i + 1}`;
    const unsafe = unsafeName(name);
    if (unsafe) throw new BundleError(where, `rejected: ${unsafe}`);
    if (names.has(name)) throw new BundleError(where, 'rejected: duplicate entry');
    names.add(name);
    checkCentralHeader(header, where, expectedOffset, limits);
    total += header.uncompressed;
    if (total > limits.maxTotalBytes) {
      throw new BundleError(where, `rejected: the bundle would unpack to more than ${limits.maxTotalBytes} bytes`);
    }
    expectedOffset = await checkLocalHeader(blob, header, where);
    const { method, crc, compressedSize, uncompressed: size, localOffset, nameLength } = header;
    entries.push({
      name,
      method: method as 0 | 8,
      crc,
      compressedSize,
      size,
      dataOffset: localOffset + 30 + nameLength,
    });
    at += 46 + nameLength;
  }
  if (at !== end.cdSize) throw new BundleError(ZIP, 'the central directory has trailing bytes');
  if (expectedOffset !== end.cdOffset) {
    throw new BundleError(ZIP, 'hidden data between the last entry and the central directory');
  }
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
