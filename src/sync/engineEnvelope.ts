// The engine's Envelope (transport.ts) made from the sync link's `&key=` secret with the AES-GCM envelope of
// envelope.ts. Every body is sealed for its full key in the bucket, so an object copied or moved to another key
// (another portfolio, another device's folder, a later sequence number) is refused before it is opened.
import { importSyncSecret, openSealed, sealObject } from './envelope';
import type { Envelope } from './transport';

export async function engineEnvelope(secret: string): Promise<Envelope> {
  const key = await importSyncSecret(secret);
  return {
    seal: (objectKey, plain) => sealObject(key, objectKey, plain),
    open: (objectKey, sealed) => openSealed(key, objectKey, sealed),
  };
}
