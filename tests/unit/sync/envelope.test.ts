// The encryption envelope (version 2): sealed bytes open only with the same key under the name they were sealed
// for, untouched; a genuine object under another name is refused as moved, in words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ENVELOPE_VERSION,
  EnvelopeError,
  generateSyncSecret,
  importSyncSecret,
  isEnvelope,
  openObject,
  sealObject,
} from '../../../src/sync';

const MiB = 1024 * 1024;
const sealedBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvelopeError);
  return (error as EnvelopeError).problem;
}

describe('envelope', () => {
  it('generates 43-character base64url secrets of 32 random bytes, different each time', async () => {
    const a = generateSyncSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSyncSecret()).not.toBe(a);
    await expect(importSyncSecret(a)).resolves.toBeDefined();
    expect(await problemOf(importSyncSecret('too-short'))).toBe('bad-secret');
  });

  it('round-trips any bytes, and two seals of the same bytes differ (fresh nonce)', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (plain) => {
        const sealed = await sealedBytes(await sealObject(key, 'p/x', plain));
        expect(isEnvelope(sealed)).toBe(true);
        expect(Buffer.from(await openObject(key, 'p/x', sealed)).equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: 30 },
    );
    const plain = new Uint8Array(100);
    const [a, b] = await Promise.all([sealObject(key, 'k', plain), sealObject(key, 'k', plain)]);
    expect(Buffer.from(await sealedBytes(a)).equals(Buffer.from(await sealedBytes(b)))).toBe(false);
  });

  it('seals a Blob larger than a chunk and opens it whole', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const plain = new Uint8Array(2.5 * MiB).map((_, i) => i % 251);
    const sealed = await sealedBytes(await sealObject(key, 'big', new Blob([plain])));
    // Fixed header (31 bytes) and the name it was sealed for, then three chunks with their tags.
    expect(sealed.length).toBe(plain.length + 31 + 'big'.length + 3 * 16);
    expect(Buffer.from(await openObject(key, 'big', sealed)).equals(Buffer.from(plain))).toBe(true);
  });

  it('tells a wrong key, an altered byte, a cut-off tail, another name and plain bytes apart, in words', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const plain = new Uint8Array(1.5 * MiB).fill(7);
    const sealed = await sealedBytes(await sealObject(key, 'a/b', plain));
    const other = await importSyncSecret(generateSyncSecret());
    expect(await problemOf(openObject(other, 'a/b', sealed))).toBe('wrong-key');
    const flipped = sealed.slice();
    flipped[100] = flipped[100]! ^ 1;
    expect(await problemOf(openObject(key, 'a/b', flipped))).toBe('tampered');
    // Dropping the last chunk leaves a chunk sealed as "not last": refused.
    expect(await problemOf(openObject(key, 'a/b', sealed.slice(0, 31 + 3 + MiB + 16)))).toBe('tampered');
    expect(await problemOf(openObject(key, 'a/c', sealed))).toBe('moved');
    expect(await problemOf(openObject(key, 'a/b', new TextEncoder().encode('PK\u0003\u0004…')))).toBe('not-encrypted');
    const error = await openObject(key, 'a/c', sealed).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      '“a/c”: it was sealed for “a/b” and copied or moved to this name in the store; an encrypted object is accepted only under the name it was written to.',
    );
    const altered = await openObject(key, 'a/b', flipped).catch((e: Error) => e);
    expect((altered as Error).message).toMatch(/could not be decrypted: it was altered or damaged in the store/);
  });

  it('binds the name in its header: rewriting it to the new name does not make a moved object open', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const from = 'centre/portfolios/p1/bundles/d1/000000000001-full.zip.sealed';
    const to = 'centre/portfolios/p1/bundles/d1/000000000009-full.zip.sealed'; // same length: a later seq
    const sealed = await sealedBytes(await sealObject(key, from, new Uint8Array(5000).fill(3)));
    const renamed = sealed.slice();
    renamed.set(new TextEncoder().encode(to), 31);
    expect(await problemOf(openObject(key, to, renamed))).toBe('tampered');
    expect(await problemOf(openObject(key, to, sealed))).toBe('moved');
    expect(Buffer.from(await openObject(key, from, sealed)).equals(Buffer.alloc(5000, 3))).toBe(true);
  });

  it('refuses an envelope version it does not read, saying which', async () => {
    const key = await importSyncSecret(generateSyncSecret());
    const sealed = await sealedBytes(await sealObject(key, 'k', new Uint8Array(10)));
    expect(ENVELOPE_VERSION).toBe(2);
    for (const [version, words] of [
      [1, /pre-release version of the app \(envelope version 1\)/],
      [3, /newer version of the app \(envelope version 3; this version reads 2\)/],
    ] as const) {
      const other = sealed.slice();
      other[4] = version;
      const error = await openObject(key, 'k', other).catch((e: unknown) => e);
      expect((error as EnvelopeError).problem).toBe('unsupported-version');
      expect((error as Error).message).toMatch(words);
    }
  });
});
