// The zip writer of a bundle: entries stored uncompressed (media is already compressed) with data descriptors, as
// zipread.ts accepts. Output goes into a Blob as it is produced: the browser keeps Blob bytes outside the JS heap
// (and pages large ones to disk), so memory stays bounded by the flush size, not the bundle size.
import { Zip, ZipPassThrough } from 'fflate';
import { sha256Hex, type BlobDigest } from '../storage';

const FLUSH_BYTES = 16 * 1024 * 1024;

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

const cancelled = () => new DOMException('Export cancelled', 'AbortError');

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(cancelled());
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Writes the files of one bag folder into a zip; each write returns the file's SHA-256 for the manifests. */
export class BagZipWriter {
  private readonly output: Blob[] = [];
  private parts: Uint8Array[] = [];
  private buffered = 0;
  private error: Error | null = null;
  private readonly zip: Zip;

  constructor(
    private readonly root: string,
    private readonly mtime: Date,
    private readonly signal?: AbortSignal,
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.error = err;
      else if ((chunk as unknown) instanceof BlobBytes) {
        this.flush();
        this.output.push((chunk as unknown as BlobBytes).blob);
      } else {
        this.parts.push(chunk);
        this.buffered += chunk.length;
        if (this.buffered >= FLUSH_BYTES) this.flush();
      }
    });
  }

  /** A file made here (JSON, text), hashed as it is written. */
  async writeBytes(path: string, bytes: Uint8Array): Promise<string> {
    this.throwIfCancelled();
    const entry = new ZipPassThrough(`${this.root}/${path}`);
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.push(bytes, true);
    const sha256 = await sha256Hex(bytes);
    this.throwIfFailed();
    return sha256;
  }

  /** A stored Blob, whose digest is already under way in a hash worker. */
  async writeBlob(path: string, blob: Blob, digest: Promise<BlobDigest>): Promise<string> {
    this.throwIfCancelled();
    const { sha256, crc32 } = await untilAborted(digest, this.signal);
    const entry = new BlobEntry(`${this.root}/${path}`);
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.write(blob, crc32);
    this.throwIfFailed();
    return sha256;
  }

  /** Ends the zip (central directory, end record) and returns the whole of it. */
  finish(): Blob {
    this.zip.end();
    this.throwIfFailed();
    this.flush();
    return new Blob(this.output, { type: 'application/zip' });
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.output.push(new Blob(this.parts as BlobPart[]));
    this.parts = [];
    this.buffered = 0;
  }

  private throwIfCancelled(): void {
    if (this.signal?.aborted) throw cancelled();
  }

  private throwIfFailed(): void {
    if (this.error) throw this.error;
  }
}
