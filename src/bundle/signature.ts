// signature.json: made by export over the tag manifest with this device's key, read back and checked by verify.
// Its fields are in docs/bundle-format.md.
import {
  deviceSigningKey,
  fingerprintOf,
  fromBase64,
  isLowS,
  publicKeyOf,
  signBytes,
  toBase64,
  verifyBytes,
} from '../storage';
import { fail, type Bag } from './bagread';
import { SignatureFile } from './format';

const encoder = new TextEncoder();

/** signature.json for a tag manifest: signed with this device's key, always in low-S form. */
export async function signatureFileFor(tagManifestBytes: Uint8Array, deviceId: string): Promise<Uint8Array> {
  const key = await deviceSigningKey();
  const file: SignatureFile = {
    algorithm: 'ECDSA-P256-SHA256',
    signedFile: 'tagmanifest-sha256.txt',
    publicKey: toBase64(key.publicKeySpki),
    fingerprint: key.fingerprint,
    signature: toBase64(await signBytes(key.privateKey, tagManifestBytes)),
    deviceId,
  };
  return encoder.encode(JSON.stringify(file, null, 1) + '\n');
}

/** signature.json with its public key and signature decoded. */
export interface SignatureParts {
  file: SignatureFile;
  spki: Uint8Array;
  signatureBytes: Uint8Array;
}

/**
 * signature.json is covered by no hash: its layout (whitespace, key order) is free, but it must hold exactly the
 * fields of a signature file, each valid; what it vouches for is checked by checkSignatureMatches.
 */
export async function readSignatureFile(bag: Bag): Promise<SignatureParts> {
  const text = await bag.text('signature.json');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail('signature.json', 'is not valid JSON');
  }
  const parsed = SignatureFile.safeParse(json);
  if (!parsed.success) fail('signature.json', `is not a valid signature file (${parsed.error.issues[0]!.message})`);
  const file = parsed.data;
  const spki = fromBase64(file.publicKey) ?? fail('signature.json', 'the public key is not base64');
  const signatureBytes = fromBase64(file.signature) ?? fail('signature.json', 'the signature is not base64');
  return { file, spki, signatureBytes };
}

/** The public key is the one its fingerprint names, and it signed these tag manifest bytes, in low-S form. */
export async function checkSignatureMatches(
  { file, spki, signatureBytes }: SignatureParts,
  tagManifestBytes: Uint8Array,
): Promise<void> {
  if ((await fingerprintOf(spki)) !== file.fingerprint) {
    fail('signature.json', 'the fingerprint does not match the public key');
  }
  try {
    await publicKeyOf(toBase64(spki));
  } catch {
    fail('signature.json', 'the public key is not an ECDSA P-256 key');
  }
  if (signatureBytes.length !== 64) fail('signature.json', 'the signature is not a 64-byte P-256 signature (r‖s)');
  // WebCrypto accepts s and n − s alike; only the low-S one is the signature, so a bag has one signature.
  if (!isLowS(signatureBytes)) fail('signature.json', 'the signature is not in canonical low-S form (malleated)');
  if (!(await verifyBytes(toBase64(spki), tagManifestBytes, toBase64(signatureBytes)))) {
    fail('signature.json', 'the signature does not match tagmanifest-sha256.txt (altered after signing)');
  }
}
