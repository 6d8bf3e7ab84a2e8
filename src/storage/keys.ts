// This device's signing key pair (ECDSA P-256). The private key is created non-extractable and kept in
// IndexedDB as a CryptoKey: it can sign, but no script can read it out. Public keys of other devices seen in
// imported bundles are remembered, so an import can say whether its signer is known.
import { db } from './db';
import { nowIso } from './clock';

export interface SigningKey {
  privateKey: CryptoKey;
  publicKeySpki: Uint8Array;
  fingerprint: string;
}

export const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of the public key (SPKI DER), as 16 colon-separated byte pairs: what people compare. */
export async function fingerprintOf(spki: Uint8Array): Promise<string> {
  const digest = hex(await crypto.subtle.digest('SHA-256', spki as BufferSource));
  return digest.slice(0, 32).match(/../g)!.join(':');
}

export async function deviceSigningKey(): Promise<SigningKey> {
  const row = await db().settings.get('signingKey');
  let pair = row?.value as { privateKey: CryptoKey; publicKey: CryptoKey } | undefined;
  if (!pair) {
    pair = (await crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify'])) as CryptoKeyPair;
    await db().settings.put({ key: 'signingKey', value: { privateKey: pair.privateKey, publicKey: pair.publicKey } });
  }
  const publicKeySpki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateKey: pair.privateKey, publicKeySpki, fingerprint: await fingerprintOf(publicKeySpki) };
}

export interface KnownKey {
  fingerprint: string;
  label: string;
  firstSeen: string;
}

export async function knownKeys(): Promise<KnownKey[]> {
  return ((await db().settings.get('knownKeys'))?.value as KnownKey[] | undefined) ?? [];
}

export async function rememberKey(fingerprint: string, label: string): Promise<void> {
  const keys = await knownKeys();
  if (keys.some((k) => k.fingerprint === fingerprint)) return;
  await db().settings.put({ key: 'knownKeys', value: [...keys, { fingerprint, label, firstSeen: nowIso() }] });
}
