// signature.json: made by export over the tag manifest with this device's key, read back and checked by verify.
// Its exact form is in docs/bundle-format.md.
import { deviceSigningKey, ECDSA, ECDSA_SIGN, fingerprintOf } from '../storage';
import { fail, type Bag } from './bagread';
import { canonicalSignatureText, fromBase64, SignatureFile, toBase64 } from './format';

const encoder = new TextEncoder();

/** signature.json for a tag manifest: signed with this device's key, in the one canonical form. */
export async function signatureFileFor(tagManifestBytes: Uint8Array, deviceId: string): Promise<Uint8Array> {
  const key = await deviceSigningKey();
  const signature = new Uint8Array(
    await crypto.subtle.sign(ECDSA_SIGN, key.privateKey, tagManifestBytes as BufferSource),
  );
  const file: SignatureFile = {
    algorithm: 'ECDSA-P256-SHA256',
    signedFile: 'tagmanifest-sha256.txt',
    publicKey: toBase64(key.publicKeySpki),
    fingerprint: key.fingerprint,
    signature: toBase64(signature),
    deviceId,
  };
  return encoder.encode(canonicalSignatureText(file));
}

/** signature.json with its public key and signature decoded. */
export interface SignatureParts {
  file: SignatureFile;
  spki: Uint8Array;
  signatureBytes: Uint8Array;
}

/** signature.json is the one file no hash covers, so it must be exactly as the writer makes it. */
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
  if (text !== canonicalSignatureText(file)) fail('signature.json', 'is not in canonical form (altered)');
  const spki = fromBase64(file.publicKey) ?? fail('signature.json', 'the public key is not base64');
  const signatureBytes = fromBase64(file.signature) ?? fail('signature.json', 'the signature is not base64');
  if (toBase64(spki) !== file.publicKey || toBase64(signatureBytes) !== file.signature) {
    fail('signature.json', 'has non-canonical base64 (altered)');
  }
  return { file, spki, signatureBytes };
}

/** The public key is the one its fingerprint names, and it signed these tag manifest bytes. */
export async function checkSignatureMatches(
  { file, spki, signatureBytes }: SignatureParts,
  tagManifestBytes: Uint8Array,
): Promise<void> {
  if ((await fingerprintOf(spki)) !== file.fingerprint) {
    fail('signature.json', 'the fingerprint does not match the public key');
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', spki as BufferSource, ECDSA, false, ['verify']);
  } catch {
    return fail('signature.json', 'the public key is not an ECDSA P-256 key');
  }
  const valid = await crypto.subtle.verify(
    ECDSA_SIGN,
    publicKey,
    signatureBytes as BufferSource,
    tagManifestBytes as BufferSource,
  );
  if (!valid) fail('signature.json', 'the signature does not match tagmanifest-sha256.txt (altered after signing)');
}
