// An in-process ObjectStore double for the sync unit tests and the bench: keys in a sorted map, create-only writes,
// listings in pages of 1,000 (each page one request, as ListObjectsV2), and failures on demand — offline, a 5xx
// for the next requests, a connection dropped mid-upload (after some parts of a multipart upload, which resumes
// from the journal the engine keeps). It counts requests and bytes both ways.
import {
  StoreError,
  type MultipartState,
  type ObjectStore,
  type PutOptions,
  type StoredObject,
} from '../../../src/sync';
import type { SyncPutOptions } from '../../../src/sync';

const PAGE = 1000;

export interface StoreCounts {
  requests: number;
  byKind: Record<'put' | 'get' | 'list', number>;
  bytesSent: number;
  bytesReceived: number;
}

/** The store's multipart journal after `done` parts (the double keeps no upload id: one upload per key). */
const journal = (key: string, size: number, partSize: number, done: number): MultipartState => ({
  key,
  size,
  partSize,
  uploadId: 'memory',
  parts: Array.from({ length: done }, (_, i) => ({ partNumber: i + 1, etag: `part-${i + 1}`, size: partSize })),
});

export class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, Uint8Array>();
  counts: StoreCounts = MemoryStore.zero();
  /** Every request fails as if there were no network. */
  offline = false;
  /** The next n requests fail with a 5xx. */
  failNext = 0;
  /** Objects larger than this go up in parts of this size (multipart). */
  partSize = 5 * 1024 * 1024;
  /** The next multipart upload drops after this many parts (then resumes from the journal). */
  dropAfterParts: number | null = null;
  /** Calls, in order, for tests that look at what was asked. */
  readonly calls: string[] = [];

  static zero(): StoreCounts {
    return { requests: 0, byKind: { put: 0, get: 0, list: 0 }, bytesSent: 0, bytesReceived: 0 };
  }

  resetCounts(): void {
    this.counts = MemoryStore.zero();
    this.calls.length = 0;
  }

  private request(kind: 'put' | 'get' | 'list', what: string): void {
    this.counts.requests++;
    this.counts.byKind[kind]++;
    this.calls.push(`${kind} ${what}`);
    if (this.offline) throw new StoreError('offline', 'network unreachable');
    if (this.failNext > 0) {
      this.failNext--;
      throw new StoreError('unavailable', 'HTTP 503 Slow Down', 503);
    }
  }

  private static async bytes(body: Uint8Array | Blob): Promise<Uint8Array> {
    return body instanceof Blob ? new Uint8Array(await body.arrayBuffer()) : body;
  }

  async putNew(key: string, body: Uint8Array | Blob, options?: PutOptions): Promise<void> {
    const bytes = await MemoryStore.bytes(body);
    if (bytes.length > this.partSize) return this.multipart(key, bytes, options as SyncPutOptions | undefined);
    this.request('put', key);
    this.counts.bytesSent += bytes.length;
    if (this.objects.has(key)) throw new StoreError('exists', 'PreconditionFailed', 412);
    this.objects.set(key, bytes.slice());
    options?.onProgress?.(bytes.length, bytes.length);
  }

  /** Parts of partSize, each a request; the journal keeps the parts done so a retry sends only the rest. */
  private async multipart(key: string, bytes: Uint8Array, options?: SyncPutOptions): Promise<void> {
    const parts = Math.ceil(bytes.length / this.partSize);
    const saved = await options?.resume?.load();
    let done = saved && saved.key === key ? saved.parts.length : 0;
    if (done === 0) this.request('put', `${key} (create multipart)`);
    while (done < parts) {
      if (this.dropAfterParts !== null && done >= this.dropAfterParts) {
        this.dropAfterParts = null;
        throw new StoreError('unavailable', 'connection dropped mid-upload');
      }
      this.request('put', `${key} (part ${done + 1})`);
      this.counts.bytesSent += Math.min(this.partSize, bytes.length - done * this.partSize);
      done++;
      await options?.resume?.save(journal(key, bytes.length, this.partSize, done));
      options?.onProgress?.(Math.min(done * this.partSize, bytes.length), bytes.length);
    }
    this.request('put', `${key} (complete)`);
    await options?.resume?.save(null);
    if (this.objects.has(key)) throw new StoreError('exists', 'PreconditionFailed', 412);
    this.objects.set(key, bytes.slice());
  }

  async put(key: string, body: Uint8Array | Blob): Promise<void> {
    const bytes = await MemoryStore.bytes(body);
    this.request('put', key);
    this.counts.bytesSent += bytes.length;
    this.objects.set(key, bytes.slice());
  }

  async get(key: string): Promise<Uint8Array | null> {
    this.request('get', key);
    const bytes = this.objects.get(key);
    if (bytes) this.counts.bytesReceived += bytes.length;
    return bytes ? bytes.slice() : null;
  }

  async getBlob(key: string): Promise<Blob | null> {
    const bytes = await this.get(key);
    return bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : null;
  }

  async list(prefix: string, startAfter?: string): Promise<StoredObject[]> {
    const keys = [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix) && (startAfter === undefined || k > startAfter))
      .sort();
    // One request per page of 1,000 keys, at least one.
    for (let page = 0; page === 0 || page * PAGE < keys.length; page++) this.request('list', prefix);
    return keys.map((key) => ({ key, size: this.objects.get(key)!.length }));
  }

  /** Keys under a prefix, sorted (for assertions). */
  keys(prefix = ''): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
