// Digests of Blobs: in a pool of Web Workers where the platform has them (browsers), in-thread otherwise.
import { digestBlob as digestInThread, type BlobDigest } from './digest';

export type { BlobDigest };
export { sha256Hex } from './digest';

const workers: Worker[] = [];
let nextId = 0;
const pending = new Map<number, { resolve: (d: BlobDigest) => void; reject: (e: Error) => void }>();

/** A small pool (one worker per core, at most 4), used round-robin. */
function hashWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return null;
  if (workers.length === 0) {
    const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (event: MessageEvent<{ id: number; sha256?: string; crc32?: number; error?: string }>) => {
        const job = pending.get(event.data.id);
        pending.delete(event.data.id);
        if (event.data.sha256 !== undefined && event.data.crc32 !== undefined) job?.resolve({ sha256: event.data.sha256, crc32: event.data.crc32 });
        else job?.reject(new Error(event.data.error ?? 'hashing failed'));
      };
      workers.push(w);
    }
  }
  return workers[nextId % workers.length]!;
}

/** SHA-256 and CRC-32 of a Blob without blocking the page; runs beside whatever the page does meanwhile. */
export function digestBlob(blob: Blob): Promise<BlobDigest> {
  const w = hashWorker();
  if (!w) return digestInThread(blob);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, blob });
  });
}

export const sha256Blob = async (blob: Blob): Promise<string> => (await digestBlob(blob)).sha256;
