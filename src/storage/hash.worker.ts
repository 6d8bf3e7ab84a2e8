// SHA-256 (for the manifests) and CRC-32 (for the zip) of Blobs, off the main thread, in one read.
// Jobs run one after another with reused hashers (a WebAssembly instance per job would exhaust memory).
import { createCRC32, createSHA256, type IHasher } from 'hash-wasm';

const CHUNK = 4 * 1024 * 1024;
let hashers: Promise<[IHasher, IHasher]> | null = null;
let queue: Promise<void> = Promise.resolve();

async function digest(blob: Blob): Promise<{ sha256: string; crc32: number }> {
  hashers ??= Promise.all([createSHA256(), createCRC32()]);
  const [sha, crc] = await hashers;
  sha.init();
  crc.init();
  let next: Promise<ArrayBuffer> | null = blob.size > 0 ? blob.slice(0, CHUNK).arrayBuffer() : null;
  for (let at = 0; next; at += CHUNK) {
    const current = next;
    next = at + CHUNK < blob.size ? blob.slice(at + CHUNK, at + 2 * CHUNK).arrayBuffer() : null;
    const bytes = new Uint8Array(await current);
    sha.update(bytes);
    crc.update(bytes);
  }
  return { sha256: sha.digest('hex'), crc32: parseInt(crc.digest('hex'), 16) };
}

self.onmessage = (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  queue = queue.then(async () => {
    try {
      self.postMessage({ id, ...(await digest(blob)) });
    } catch (e) {
      self.postMessage({ id, error: (e as Error).message });
    }
  });
};
