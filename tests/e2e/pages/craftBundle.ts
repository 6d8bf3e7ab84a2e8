import { createHash, webcrypto } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const manifest = (files: Record<string, Uint8Array>, paths: string[]) =>
  [...paths]
    .sort()
    .map((p) => `${sha256(files[p]!)}  ${p}\n`)
    .join('');

/** P-256 group order: a signature is only accepted in low-S form. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

async function lowSSignature(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const sig = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data));
  const s = BigInt('0x' + Buffer.from(sig.subarray(32)).toString('hex'));
  if (s > N >> 1n) sig.set(Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex'), 32);
  return sig;
}

/**
 * What an attacker holding any key can make of a genuine bundle: the bag's files changed, both manifests and
 * Payload-Oxum recomputed, signed with a fresh key (which verification accepts as "not seen before").
 */
export async function resignBag(
  zip: Uint8Array,
  change: (files: Record<string, Uint8Array>) => void,
): Promise<Uint8Array> {
  const raw = unzipSync(zip);
  const root = Object.keys(raw)[0]!.split('/')[0]!;
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(raw)) if (!name.endsWith('/')) files[name.slice(root.length + 1)] = bytes;
  change(files);
  const payload = Object.keys(files).filter((p) => p.startsWith('data/'));
  const total = payload.reduce((n, p) => n + files[p]!.length, 0);
  const text = (s: string) => new TextEncoder().encode(s);
  const info = new TextDecoder().decode(files['bag-info.txt']);
  files['bag-info.txt'] = text(info.replace(/Payload-Oxum: .*/, `Payload-Oxum: ${total}.${payload.length}`));
  files['manifest-sha256.txt'] = text(manifest(files, payload));
  files['tagmanifest-sha256.txt'] = text(manifest(files, ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']));
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', pair.publicKey));
  const signature = {
    algorithm: 'ECDSA-P256-SHA256',
    signedFile: 'tagmanifest-sha256.txt',
    publicKey: Buffer.from(spki).toString('base64'),
    fingerprint: sha256(spki).slice(0, 32).match(/../g)!.join(':'),
    signature: Buffer.from(await lowSSignature(pair.privateKey, files['tagmanifest-sha256.txt'])).toString('base64'),
    deviceId: /Fieldfolio-Exporting-Device: (.*)/.exec(info)![1]!,
  };
  files['signature.json'] = text(JSON.stringify(signature));
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [`${root}/${p}`, [b, { level: 0 }]])));
}
