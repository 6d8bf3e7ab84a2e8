// SHA-256 of Blobs off the main thread: the page stays responsive, and hashing runs beside zipping.
// Jobs run one after another with one reused hasher (a WebAssembly instance per job would exhaust memory).
import { createSHA256, type IHasher } from 'hash-wasm';

const CHUNK = 4 * 1024 * 1024;
let hasher: Promise<IHasher> | null = null;
let queue: Promise<void> = Promise.resolve();

async function hash(blob: Blob): Promise<string> {
  hasher ??= createSHA256();
  const h = await hasher;
  h.init();
  let next: Promise<ArrayBuffer> | null = blob.size > 0 ? blob.slice(0, CHUNK).arrayBuffer() : null;
  for (let at = 0; next; at += CHUNK) {
    const current = next;
    next = at + CHUNK < blob.size ? blob.slice(at + CHUNK, at + 2 * CHUNK).arrayBuffer() : null;
    h.update(new Uint8Array(await current));
  }
  return h.digest('hex');
}

self.onmessage = (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  queue = queue.then(async () => {
    try {
      self.postMessage({ id, sha256: await hash(blob) });
    } catch (e) {
      self.postMessage({ id, error: (e as Error).message });
    }
  });
};
