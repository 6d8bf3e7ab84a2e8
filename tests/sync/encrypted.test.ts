// Objects sealed before upload: the store holds only ciphertext, the device reads the plain bytes back, an object
// copied to another name does not open, and a resumed encrypted upload seals exactly as before the cut.
import { describe, expect, it } from 'vitest';
import { EncryptedStore, EnvelopeError, generateSyncSecret, importSyncSecret, isEnvelope } from '../../src/sync';
import { countingFetch, freshPrefix, memoryJournal, onlineTabProbe, randomBytes, sameBytes, storeOn } from './helpers';

const MiB = 1024 * 1024;

describe('encrypted objects on Ceph RGW', () => {
  it('round-trips; the store sees only an envelope; a copy under another name is refused as moved', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const s3 = storeOn();
    const store = new EncryptedStore(s3, key);
    const name = `${freshPrefix('sealed')}/bundles/dev/000001.zip`;
    const plain = new TextEncoder().encode('{"person":"Ada Lovelace"}'.repeat(100));
    await store.putNew(name, plain);
    const raw = (await s3.get(name))!;
    expect(isEnvelope(raw)).toBe(true);
    expect(Buffer.from(raw).includes('Lovelace')).toBe(false);
    expect(sameBytes(await store.get(name), plain)).toBe(true);

    const moved = `${name}.copy`;
    await s3.request({ method: 'PUT', key: moved, headers: { 'x-amz-copy-source': `/${s3.location.bucket}/${name}` } });
    const error = await store.get(moved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).problem).toBe('moved');
    expect((error as EnvelopeError).message).toContain(`it was sealed for “${name}”`);
    expect(sameBytes(new Uint8Array(await (await store.getBlob(name))!.arrayBuffer()), plain)).toBe(true);
  });

  it('resumes an encrypted multipart upload with the same nonce, so the finished parts still fit', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const plain = randomBytes(12 * MiB);
    const name = `${freshPrefix('sealed-multipart')}/video.bin`;
    const journal = memoryJournal();
    const cutting = countingFetch((r) => r.method === 'PUT' && r.url.includes('partNumber=2'));
    const cut = new EncryptedStore(
      storeOn({ partSize: 5 * MiB, fetch: cutting.fetch, probe: onlineTabProbe(true) }),
      key,
    );
    await expect(cut.putNew(name, new Blob([plain]), { resume: journal })).rejects.toThrow(/dropped/);
    expect(journal.state?.sealNonce).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const store = new EncryptedStore(storeOn({ partSize: 5 * MiB }), key);
    await store.putNew(name, new Blob([plain]), { resume: journal });
    expect(sameBytes(await store.get(name), plain)).toBe(true);
  });
});
