// The engine's Envelope (transport.ts) made from the sync link's `&key=` secret with the AES-GCM envelope of
// envelope.ts. The engine seals bodies without their object names, so every body is bound to one fixed name:
// what an object holds is proven by the bundle's own signature and checked against its place in the bucket.
import { importSyncSecret, openObject, sealObject } from './envelope';
import type { Envelope } from './transport';

const BOUND_NAME = 'fieldfolio-sync-object';

export async function engineEnvelope(secret: string): Promise<Envelope> {
  const key = await importSyncSecret(secret);
  return {
    key: key.aes,
    seal: async (_aes, plain) => new Uint8Array(await (await sealObject(key, BOUND_NAME, plain)).arrayBuffer()),
    open: (_aes, sealed) => openObject(key, BOUND_NAME, sealed),
  };
}
