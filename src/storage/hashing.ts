// Hashing Blobs: in a Web Worker where the platform has them (browsers), in-thread otherwise (tests, Node).
import { createSHA256 } from 'hash-wasm';

const workers: Worker[] = [];
let nextId = 0;
const pending = new Map<number, { resolve: (hex: string) => void; reject: (e: Error) => void }>();

/** A small pool (one worker per core, at most 4), used round-robin. */
function hashWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return null;
  if (workers.length === 0) {
    const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (event: MessageEvent<{ id: number; sha256?: string; error?: string }>) => {
        const job = pending.get(event.data.id);
        pending.delete(event.data.id);
        if (event.data.sha256) job?.resolve(event.data.sha256);
        else job?.reject(new Error(event.data.error ?? 'hashing failed'));
      };
      workers.push(w);
    }
  }
  return workers[nextId % workers.length]!;
}

async function hashInThread(blob: Blob): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let at = 0; at < blob.size; at += 4 * 1024 * 1024) hasher.update(new Uint8Array(await blob.slice(at, at + 4 * 1024 * 1024).arrayBuffer()));
  return hasher.digest('hex');
}

/** SHA-256 (hex) of a Blob without blocking the page; runs in parallel with whatever the page does meanwhile. */
export function sha256Blob(blob: Blob): Promise<string> {
  const w = hashWorker();
  if (!w) return hashInThread(blob);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, blob });
  });
}
