// Digests Blobs off the main thread (see digest.ts, which runs the jobs one after another), reporting progress.
import { digestBlob } from './digest';

self.onmessage = async (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  try {
    self.postMessage({ id, ...(await digestBlob(blob, (bytes) => self.postMessage({ id, bytes }))) });
  } catch (e) {
    self.postMessage({ id, error: (e as Error).message });
  }
};
