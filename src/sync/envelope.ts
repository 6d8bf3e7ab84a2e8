// Privacy at rest: AES-256-GCM (WebCrypto) around each object before it goes to the store, so the store never sees a
// name or a photo. The secret comes from the sync link's `&key=` (base64url of 32 random bytes).
//
// Envelope version 2 (docs/sync.md, "Encryption"):
//   "FFSE" · version (1) · key id (8) · chunk size (4, big-endian) · nonce (12) · name length (2) · name · chunks.
// The name is the object's full key in the bucket, written in the clear (the store sees it anyway). The body is
// sealed in chunks (1 MiB of plain bytes each) so a large video never needs a second whole copy to open. Chunk i
// uses the object's random 96-bit nonce with i XORed into its last 4 bytes; its additional data is the whole header
// (name included), the chunk index and a "last chunk" flag, so a chunk moved, dropped, reordered or cut off fails,
// and an object copied or moved to another key — another portfolio, another device's folder, a later sequence
// number — is refused as "sealed for <its name>", without being opened. The key id (a hash of the secret) tells
// "wrong key" apart from "altered" without revealing anything of the secret.
import { bytesToBase64url, base64urlToBytes } from './base64url';

export const ENVELOPE_MAGIC = new Uint8Array([0x46, 0x46, 0x53, 0x45]); // "FFSE": Fieldfolio sync envelope
/** Version 1 (pre-release builds) bound bodies to one fixed name; version 2 binds each to its own key. */
export const ENVELOPE_VERSION = 2;
/** Magic, version, key id, chunk size, nonce, name length: the name follows. */
const FIXED_HEADER_BYTES = 4 + 1 + 8 + 4 + 12 + 2;
const TAG_BYTES = 16;
export const ENVELOPE_CHUNK = 1024 * 1024;
/** S3 keys are at most 1,024 bytes of UTF-8. */
const MAX_NAME_BYTES = 1024;

export type EnvelopeProblem = 'bad-secret' | 'wrong-key' | 'tampered' | 'moved' | 'not-encrypted' | 'unsupported-version'; // prettier-ignore

export class EnvelopeError extends Error {
  constructor(
    readonly problem: EnvelopeProblem,
    message: string,
    /** The reason as a clause about the object ("it was …"), for a log line that names the key itself. */
    readonly reason: string = message,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** An error about the object `objectKey`: the message names it, the reason says "it …". */
const objectError = (problem: EnvelopeProblem, objectKey: string, reason: string) =>
  new EnvelopeError(problem, `“${objectKey}”: ${reason}.`, reason);

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

/** The header binds every chunk: key id, chunk size, nonce and the object's name are all additional data. */
function additionalData(header: Uint8Array, index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const position = new Uint8Array(5);
  new DataView(position.buffer).setUint32(0, index);
  position[4] = last ? 1 : 0;
  return concat([header, position]);
}

function writeHeader(key: SyncKey, objectKey: string, nonce: Uint8Array): Uint8Array<ArrayBuffer> {
  const name = new TextEncoder().encode(objectKey);
  if (name.length > MAX_NAME_BYTES) throw new RangeError(`object key over ${MAX_NAME_BYTES} bytes: ${objectKey}`);
  const header = new Uint8Array(FIXED_HEADER_BYTES + name.length);
  const view = new DataView(header.buffer);
  header.set(ENVELOPE_MAGIC, 0);
  header[4] = ENVELOPE_VERSION;
  header.set(key.id, 5);
  view.setUint32(13, ENVELOPE_CHUNK);
  header.set(nonce, 17);
  view.setUint16(29, name.length);
  header.set(name, FIXED_HEADER_BYTES);
  return header;
}

/**
 * Seals `plain` for the object `objectKey` (its full key in the bucket). A Blob is read one chunk at a time; the
 * result is a Blob of sealed chunks. `nonce` is only given to seal the very same bytes again (a resumed upload);
 * otherwise it is fresh and random.
 */
export async function sealObject(
  key: SyncKey,
  objectKey: string,
  plain: Uint8Array | Blob,
  nonce: Uint8Array = crypto.getRandomValues(new Uint8Array(12)),
): Promise<Blob> {
  const size = plain instanceof Blob ? plain.size : plain.length;
  const header = writeHeader(key, objectKey, nonce);
  const count = Math.max(1, Math.ceil(size / ENVELOPE_CHUNK));
  const parts: BlobPart[] = [header];
  for (let i = 0; i < count; i++) {
    const slice = plain.slice(i * ENVELOPE_CHUNK, Math.min(size, (i + 1) * ENVELOPE_CHUNK));
    const bytes = slice instanceof Blob ? new Uint8Array(await slice.arrayBuffer()) : slice;
    const params = { name: 'AES-GCM', iv: chunkNonce(nonce, i), additionalData: additionalData(header, i, i === count - 1) }; // prettier-ignore
    parts.push(await crypto.subtle.encrypt(params, key.aes, bytes as Uint8Array<ArrayBuffer>));
  }
  return new Blob(parts);
}

interface ParsedHeader {
  header: Uint8Array<ArrayBuffer>;
  chunk: number;
  nonce: Uint8Array;
  /** The key the object was sealed for. */
  sealedFor: string;
}

const bytesOf = async (blob: Blob, start: number, end: number) =>
  new Uint8Array(await blob.slice(start, end).arrayBuffer());

/** The header, once the envelope is one this app reads and was sealed with this device's key. */
async function readHeader(key: SyncKey, objectKey: string, sealed: Blob): Promise<ParsedHeader> {
  const start = await bytesOf(sealed, 0, FIXED_HEADER_BYTES);
  if (!isEnvelope(start)) throw objectError('not-encrypted', objectKey, 'it is not encrypted');
  if (start.length < 5) throw tampered(objectKey);
  if (start[4] !== ENVELOPE_VERSION) {
    const older = start[4]! < ENVELOPE_VERSION;
    const reason = older
      ? `it was encrypted by a pre-release version of the app (envelope version ${start[4]}), which this version no longer reads`
      : `it was encrypted by a newer version of the app (envelope version ${start[4]}; this version reads ${ENVELOPE_VERSION})`;
    throw objectError('unsupported-version', objectKey, reason);
  }
  if (start.length < FIXED_HEADER_BYTES) throw tampered(objectKey);
  if (!key.id.every((b, i) => start[5 + i] === b)) {
    throw objectError('wrong-key', objectKey, 'it was encrypted with a different key than the one in this device’s sync link'); // prettier-ignore
  }
  const view = new DataView(start.buffer);
  const nameEnd = FIXED_HEADER_BYTES + view.getUint16(29);
  const header = await bytesOf(sealed, 0, nameEnd);
  if (header.length < nameEnd || sealed.size < nameEnd + TAG_BYTES) throw tampered(objectKey);
  const sealedFor = new TextDecoder('utf-8', { fatal: false }).decode(header.subarray(FIXED_HEADER_BYTES));
  return { header, chunk: view.getUint32(13), nonce: header.slice(17, 29), sealedFor };
}

/** Opens chunk `i` of `count`; null when it does not authenticate under this header. */
async function openChunk(key: SyncKey, h: ParsedHeader, sealed: Blob, i: number, count: number) {
  const at = h.header.length + i * (h.chunk + TAG_BYTES);
  const piece = await bytesOf(sealed, at, Math.min(sealed.size, at + h.chunk + TAG_BYTES));
  const params = { name: 'AES-GCM', iv: chunkNonce(h.nonce, i), additionalData: additionalData(h.header, i, i === count - 1) }; // prettier-ignore
  try {
    return await crypto.subtle.decrypt(params, key.aes, piece);
  } catch {
    return null;
  }
}

/**
 * Opens an envelope sealed for `objectKey`, one chunk at a time (a Blob in, a Blob of plain chunks out: a large
 * object is never held twice); throws EnvelopeError in words when it cannot.
 */
export async function openSealed(key: SyncKey, objectKey: string, sealed: Blob): Promise<Blob> {
  const h = await readHeader(key, objectKey, sealed);
  if (h.chunk === 0) throw tampered(objectKey);
  const count = Math.max(1, Math.ceil((sealed.size - h.header.length) / (h.chunk + TAG_BYTES)));
  if (h.sealedFor !== objectKey) {
    // Genuine (its first chunk authenticates under its own header) but not this object's: copied or moved here.
    if (!(await openChunk(key, h, sealed, 0, count))) throw tampered(objectKey);
    const reason = `it was sealed for “${h.sealedFor}” and copied or moved to this name in the store; an encrypted object is accepted only under the name it was written to`; // prettier-ignore
    throw objectError('moved', objectKey, reason);
  }
  const plain: BlobPart[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = await openChunk(key, h, sealed, i, count);
    if (!chunk) throw tampered(objectKey);
    plain.push(chunk);
  }
  return new Blob(plain);
}

/** openSealed for bytes in and out (small objects: descriptors, index objects). */
export async function openObject(key: SyncKey, objectKey: string, sealed: Uint8Array | Blob): Promise<Uint8Array> {
  const blob = sealed instanceof Blob ? sealed : new Blob([sealed as Uint8Array<ArrayBuffer>]);
  return new Uint8Array(await (await openSealed(key, objectKey, blob)).arrayBuffer());
}

const tampered = (objectKey: string) =>
  objectError('tampered', objectKey, 'it could not be decrypted: it was altered or damaged in the store');
