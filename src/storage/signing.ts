// ECDSA P-256 signatures as the trust model uses them (docs/trust.md): over text, IEEE P1363 (r‖s), base64,
// always in low-S form. WebCrypto signs with either s or n−s and verifies both, so without this rule one
// signature has two valid encodings (malleability): we write only low-S and accept only low-S.
import { ECDSA, ECDSA_SIGN } from './keys';

/** The order n of the P-256 group. */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = P256_N >> 1n;

const toBigInt = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
function toBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

/** True for a 64-byte P1363 signature whose s is in the lower half of the group order (and r, s in range). */
export function isLowS(signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  return r > 0n && r < P256_N && s > 0n && s <= HALF_N;
}

/** The low-S form of a signature (s replaced by n − s when s is in the upper half). */
export function toLowS(signature: Uint8Array): Uint8Array {
  const s = toBigInt(signature.subarray(32));
  if (s <= HALF_N) return signature;
  const out = new Uint8Array(64);
  out.set(signature.subarray(0, 32));
  out.set(toBytes(P256_N - s, 32), 32);
  return out;
}

export const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
/** Decodes base64; null for text that is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A key's full fingerprint: SHA-256 of its public key (SPKI DER), 64 hex digits. */
export async function fullFingerprint(spki: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', spki as BufferSource));
}

/** Signs `bytes` with `privateKey`: low-S P1363. */
export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return toLowS(new Uint8Array(await crypto.subtle.sign(ECDSA_SIGN, privateKey, bytes as BufferSource)));
}

const publicKeys = new Map<string, Promise<CryptoKey>>();

/** The public key of a base64 SPKI, imported once per session. */
export function publicKeyOf(spkiBase64: string): Promise<CryptoKey> {
  let key = publicKeys.get(spkiBase64);
  if (!key) {
    const spki = fromBase64(spkiBase64);
    key = spki
      ? crypto.subtle.importKey('spki', spki as BufferSource, ECDSA, false, ['verify'])
      : Promise.reject(new Error('the public key is not base64'));
    publicKeys.set(spkiBase64, key);
  }
  return key;
}

/** True when `signatureBase64` is a valid low-S signature of `bytes` by the key `spkiBase64`. */
export async function verifyBytes(spkiBase64: string, bytes: Uint8Array, signatureBase64: string): Promise<boolean> {
  const signature = fromBase64(signatureBase64);
  if (!signature || !isLowS(signature)) return false;
  try {
    const key = await publicKeyOf(spkiBase64);
    return await crypto.subtle.verify(ECDSA_SIGN, key, signature as BufferSource, bytes as BufferSource);
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();
export const signText = async (privateKey: CryptoKey, text: string) =>
  toBase64(await signBytes(privateKey, encoder.encode(text)));
export const verifyText = (spkiBase64: string, text: string, signatureBase64: string) =>
  verifyBytes(spkiBase64, encoder.encode(text), signatureBase64);
