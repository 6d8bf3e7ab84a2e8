// Privacy at rest: AES-256-GCM (WebCrypto) around each object before it goes to the store, so the store never sees a
// name or a photo. The secret comes from the sync link's `&key=` (base64url of 32 random bytes).
//
// Layout: "FFSE" · version (1) · key id (8) · chunk size (4, big-endian) · nonce (12) · chunks.
// The body is sealed in chunks (1 MiB of plain bytes each) so a large video never needs a second whole copy to open.
// Chunk i uses the object's random 96-bit nonce with i XORed into its last 4 bytes; its additional data is the
// header, the chunk index, a "last chunk" flag and the object key, so a chunk moved, dropped, reordered or cut off,
// or an object copied to another name, fails to open. The key id (a hash of the secret) tells "wrong key" apart from
// "altered" without revealing anything of the secret.
import { bytesToBase64url, base64urlToBytes } from './base64url';

export const ENVELOPE_MAGIC = new Uint8Array([0x46, 0x46, 0x53, 0x45]); // "FFSE": Fieldfolio sync envelope
export const ENVELOPE_VERSION = 1;
const HEADER_BYTES = 4 + 1 + 8 + 4 + 12;
const TAG_BYTES = 16;
export const ENVELOPE_CHUNK = 1024 * 1024;

export type EnvelopeProblem = 'bad-secret' | 'wrong-key' | 'tampered' | 'not-encrypted' | 'unsupported-version';

export class EnvelopeError extends Error {
  constructor(
    readonly problem: EnvelopeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** A prepared secret: the AES key and the id written into each envelope. */
export interface SyncKey {
  aes: CryptoKey;
  id: Uint8Array;
}

/** A new encryption secret for a sync link: base64url of 32 random bytes (43 characters). */
export function generateSyncSecret(): string {
  return bytesToBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function importSyncSecret(secret: string): Promise<SyncKey> {
  const raw = base64urlToBytes(secret);
  if (!raw || raw.length !== 32) {
    throw new EnvelopeError(
      'bad-secret',
      'The encryption key in the sync link is not valid (it must be 43 characters).',
    );
  }
  const label = new TextEncoder().encode('fieldfolio sync key id\u0000');
  const id = new Uint8Array(await crypto.subtle.digest('SHA-256', concat([label, raw]))).slice(0, 8);
  const aes = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { aes, id };
}

/** Whether bytes start like an envelope (plain bundles start "PK", descriptors "{"). */
export function isEnvelope(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ENVELOPE_MAGIC.every((b, i) => bytes[i] === b);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function chunkNonce(nonce: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(nonce);
  const view = new DataView(out.buffer);
  view.setUint32(8, view.getUint32(8) ^ index);
  return out;
}

function additionalData(header: Uint8Array, index: number, last: boolean, key: string): Uint8Array<ArrayBuffer> {
  const position = new Uint8Array(5);
  new DataView(position.buffer).setUint32(0, index);
  position[4] = last ? 1 : 0;
  return concat([header, position, new TextEncoder().encode(key)]);
}

/**
 * Seals `plain` for the object `objectKey`. A Blob is read one chunk at a time; the result is a Blob of sealed chunks.
 * `nonce` is only given to seal the very same bytes again (a resumed upload); otherwise it is fresh and random.
 */
export async function sealObject(
  key: SyncKey,
  objectKey: string,
  plain: Uint8Array | Blob,
  nonce: Uint8Array = crypto.getRandomValues(new Uint8Array(12)),
): Promise<Blob> {
  const size = plain instanceof Blob ? plain.size : plain.length;
  const header = new Uint8Array(HEADER_BYTES);
  header.set(ENVELOPE_MAGIC, 0);
  header[4] = ENVELOPE_VERSION;
  header.set(key.id, 5);
  new DataView(header.buffer).setUint32(13, ENVELOPE_CHUNK);
  header.set(nonce, 17);
  const count = Math.max(1, Math.ceil(size / ENVELOPE_CHUNK));
  const parts: BlobPart[] = [header];
  for (let i = 0; i < count; i++) {
    const slice = plain.slice(i * ENVELOPE_CHUNK, Math.min(size, (i + 1) * ENVELOPE_CHUNK));
    const bytes = slice instanceof Blob ? new Uint8Array(await slice.arrayBuffer()) : slice;
    const params = { name: 'AES-GCM', iv: chunkNonce(nonce, i), additionalData: additionalData(header, i, i === count - 1, objectKey) }; // prettier-ignore
    parts.push(await crypto.subtle.encrypt(params, key.aes, bytes as Uint8Array<ArrayBuffer>));
  }
  return new Blob(parts);
}

/** Opens an envelope sealed for `objectKey`; throws EnvelopeError in words when it cannot. */
export async function openObject(key: SyncKey, objectKey: string, sealed: Uint8Array): Promise<Uint8Array> {
  if (!isEnvelope(sealed)) throw new EnvelopeError('not-encrypted', `“${objectKey}” is not encrypted.`);
  if (sealed.length < HEADER_BYTES + TAG_BYTES) throw tampered(objectKey);
  if (sealed[4] !== ENVELOPE_VERSION) {
    throw new EnvelopeError('unsupported-version', `“${objectKey}” was encrypted by a newer version of the app.`);
  }
  const header = sealed.slice(0, HEADER_BYTES);
  if (!key.id.every((b, i) => header[5 + i] === b)) {
    throw new EnvelopeError(
      'wrong-key',
      `“${objectKey}” was encrypted with a different key than the one in this device’s sync link.`,
    );
  }
  const chunk = new DataView(header.buffer).getUint32(13);
  const nonce = header.slice(17, 29);
  const body = sealed.subarray(HEADER_BYTES);
  const count = Math.max(1, Math.ceil(body.length / (chunk + TAG_BYTES)));
  const plain: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const piece = body.subarray(i * (chunk + TAG_BYTES), (i + 1) * (chunk + TAG_BYTES));
    const params = { name: 'AES-GCM', iv: chunkNonce(nonce, i), additionalData: additionalData(header, i, i === count - 1, objectKey) }; // prettier-ignore
    try {
      plain.push(new Uint8Array(await crypto.subtle.decrypt(params, key.aes, piece as Uint8Array<ArrayBuffer>)));
    } catch {
      throw tampered(objectKey);
    }
  }
  return concat(plain);
}

const tampered = (objectKey: string) =>
  new EnvelopeError(
    'tampered',
    `“${objectKey}” could not be decrypted: it was altered or damaged in the store, or stored under another name.`,
  );
