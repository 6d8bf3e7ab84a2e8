// Digests of Blobs: in a pool of Web Workers where the platform has them (browsers), in-thread otherwise.
import { digestBlob as digestInThread, type BlobDigest, type OnBytes } from './digest';

export type { BlobDigest, OnBytes };
export { digestChunks, sha256Hex } from './digest';

interface PoolWorker {
  worker: Worker;
  /** Bytes of the jobs sent to it and not yet done: a new job goes to the least loaded worker. */
  queuedBytes: number;
}
interface Job {
  resolve: (d: BlobDigest) => void;
  reject: (e: Error) => void;
  onBytes?: OnBytes;
  size: number;
  on: PoolWorker;
}
type WorkerMessage = { id: number } & ({ sha256: string; crc32: number } | { bytes: number } | { error: string });

const pool: PoolWorker[] = [];
let nextId = 0;
const pending = new Map<number, Job>();

function onMessage(event: MessageEvent<WorkerMessage>): void {
  const message = event.data;
  const job = pending.get(message.id);
  if (!job) return;
  if ('bytes' in message) return job.onBytes?.(message.bytes);
  pending.delete(message.id);
  job.on.queuedBytes -= job.size;
  if ('sha256' in message) job.resolve({ sha256: message.sha256, crc32: message.crc32 });
  else job.reject(new Error(message.error));
}

/** A small pool: one worker per core, at most 4. */
function leastLoadedWorker(): PoolWorker | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return null;
  if (pool.length === 0) {
    const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = onMessage;
      pool.push({ worker, queuedBytes: 0 });
    }
  }
  return pool.reduce((a, b) => (b.queuedBytes < a.queuedBytes ? b : a));
}

/**
 * SHA-256 and CRC-32 of a Blob without blocking the page; runs beside whatever the page does meanwhile.
 * `onBytes` hears of the bytes hashed as the work goes (for progress bars).
 */
export function digestBlob(blob: Blob, onBytes?: OnBytes): Promise<BlobDigest> {
  const on = leastLoadedWorker();
  if (!on) return digestInThread(blob, onBytes);
  const id = nextId++;
  on.queuedBytes += blob.size;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onBytes, size: blob.size, on });
    on.worker.postMessage({ id, blob });
  });
}

export const sha256Blob = async (blob: Blob): Promise<string> => (await digestBlob(blob)).sha256;
