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

export async function readZipDirectory(blob: Blob, limits: ZipLimits = DEFAULT_LIMITS): Promise<ZipEntry[]> {
  const size = blob.size;
  if (size < 22) throw new BundleError(ZIP, 'not a zip file, or truncated (no end-of-central-directory record)');
  // No archive comment is allowed, so the end record is exactly the last 22 bytes.
  const eocd = await view(blob, size - 22, size);
  if (u32(eocd, 0) !== 0x06054b50) throw new BundleError(ZIP, 'not a zip file, or truncated (no end-of-central-directory record at the end)');
  if (u16(eocd, 4) !== 0 || u16(eocd, 6) !== 0) throw new BundleError(ZIP, 'multi-disk archives are not accepted');
  const count = u16(eocd, 8);
  if (u16(eocd, 10) !== count) throw new BundleError(ZIP, 'inconsistent entry counts in the end record');
  const cdSize = u32(eocd, 12);
  const cdOffset = u32(eocd, 16);
  if (u16(eocd, 20) !== 0) throw new BundleError(ZIP, 'archive comments are not accepted');
  if (count > limits.maxEntries) throw new BundleError(ZIP, `${count} entries is more than the ${limits.maxEntries} allowed`);
  if (cdOffset + cdSize !== size - 22) throw new BundleError(ZIP, 'the central directory does not end where the end record starts (truncated or padded)');
  const cd = await view(blob, cdOffset, cdOffset + cdSize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  let expectedOffset = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdSize || u32(cd, p) !== 0x02014b50) throw new BundleError(ZIP, `central directory entry ${i + 1} is damaged`);
    const madeBy = u16(cd, p + 4);
    const needed = u16(cd, p + 6);
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const time = u16(cd, p + 12);
    const date = u16(cd, p + 14);
    const crc = u32(cd, p + 16);
    const compressedSize = u32(cd, p + 20);
    const uncompressed = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    const disk = u16(cd, p + 34);
    const internal = u16(cd, p + 36);
    const external = u32(cd, p + 38);
    const localOffset = u32(cd, p + 42);
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, Math.min(nameLen, cdSize - p - 46)));
    } catch {
      throw new BundleError(`entry ${i + 1}`, 'file name is not valid UTF-8');
    }
    const where = name || `entry ${i + 1}`;
    const unsafe = unsafeName(name);
    if (unsafe) throw new BundleError(where, `rejected: ${unsafe}`);
    if (names.has(name)) throw new BundleError(where, 'rejected: duplicate entry');
    names.add(name);
    if (madeBy !== 20 || needed !== 20) throw new BundleError(where, 'unexpected zip version fields (not written by a conforming writer)');
    if (extraLen !== 0 || commentLen !== 0 || disk !== 0 || internal !== 0 || external !== 0) {
      throw new BundleError(where, 'unexpected extra fields, comments or attributes in the central directory');
    }
    if (method !== 0 && method !== 8) throw new BundleError(where, `unsupported compression method ${method}`);
    if ((flags & ~0x0808) !== 0) throw new BundleError(where, 'encrypted or unsupported zip flags');
    if (localOffset !== expectedOffset) throw new BundleError(where, 'entries are not contiguous (hidden data between entries)');
    if (uncompressed > limits.maxEntryBytes) throw new BundleError(where, `rejected: ${uncompressed} bytes is an absurd size for one entry`);
    if (method === 8 && uncompressed > Math.max(1024 * 1024, compressedSize * limits.maxRatio)) {
      throw new BundleError(where, `rejected: compression ratio ${(uncompressed / Math.max(1, compressedSize)).toFixed(0)}:1 is absurd (zip bomb?)`);
    }
    if (method === 0 && compressedSize !== uncompressed) throw new BundleError(where, 'stored entry whose sizes differ');
    total += uncompressed;
    if (total > limits.maxTotalBytes) throw new BundleError(where, `rejected: the bundle would unpack to more than ${limits.maxTotalBytes} bytes`);

    // The local header must say the same as the central directory.
    const local = await view(blob, localOffset, localOffset + 30 + nameLen);
    if (local.byteLength < 30 || u32(local, 0) !== 0x04034b50) throw new BundleError(where, 'local header is damaged');
    const hasDescriptor = (flags & 0x8) !== 0;
    const localNameLen = u16(local, 26);
    const localExtraLen = u16(local, 28);
    const localName = new Uint8Array(local.buffer, local.byteOffset + 30, Math.min(nameLen, local.byteLength - 30));
    if (
      u16(local, 4) !== needed ||
      u16(local, 6) !== flags ||
      u16(local, 8) !== method ||
      u16(local, 10) !== time ||
      u16(local, 12) !== date ||
      localNameLen !== nameLen ||
      localExtraLen !== 0 ||
      new TextDecoder().decode(localName) !== name ||
      (hasDescriptor
        ? u32(local, 14) !== 0 || u32(local, 18) !== 0 || u32(local, 22) !== 0
        : u32(local, 14) !== crc || u32(local, 18) !== compressedSize || u32(local, 22) !== uncompressed)
    ) {
      throw new BundleError(where, 'local header disagrees with the central directory');
    }
    const dataOffset = localOffset + 30 + nameLen;
    let next = dataOffset + compressedSize;
    if (hasDescriptor) {
      const d = await view(blob, next, next + 16);
      if (d.byteLength < 16 || u32(d, 0) !== 0x08074b50 || u32(d, 4) !== crc || u32(d, 8) !== compressedSize || u32(d, 12) !== uncompressed) {
        throw new BundleError(where, 'data descriptor disagrees with the central directory (truncated or altered)');
      }
      next += 16;
    }
    expectedOffset = next;
    entries.push({ name, method: method as 0 | 8, crc, compressedSize, size: uncompressed, dataOffset });
    p += 46 + nameLen;
  }
  if (p !== cdSize) throw new BundleError(ZIP, 'the central directory has trailing bytes');
  if (expectedOffset !== cdOffset) throw new BundleError(ZIP, 'hidden data between the last entry and the central directory');
  return entries;
}

/** The entry's bytes as a stream of chunks; inflated entries are counted as they inflate. */
export async function* entryChunks(blob: Blob, entry: ZipEntry, chunkSize = 4 * 1024 * 1024): AsyncGenerator<Uint8Array> {
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
    if (produced > entry.size) throw new BundleError(entry.name, 'rejected: inflates to more bytes than declared (zip bomb?)');
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
