import { createHash } from 'node:crypto';
import { crc32 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { digestBlob, ONE_SHOT_MAX } from '../../../src/storage/digest';

function bytesOf(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 2654435761) >>> 24;
  return out;
}

describe('digestBlob', () => {
  it.each([
    ['empty', 0],
    ['small, read whole and hashed by WebCrypto', 1000],
    ['at the one-shot limit', ONE_SHOT_MAX],
    ['larger than the limit, streamed in chunks through WebAssembly', ONE_SHOT_MAX + 4 * 1024 * 1024 + 7],
  ])('%s: SHA-256 and CRC-32 as independent implementations compute them', async (_, size) => {
    const bytes = bytesOf(size);
    const digest = await digestBlob(new Blob([bytes as BlobPart]));
    expect(digest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(digest.crc32).toBe(parseInt(await crc32(bytes), 16));
  });

  it('jobs started together do not disturb each other (the hashers are shared)', async () => {
    const inputs = [5, ONE_SHOT_MAX + 1, 70_000, ONE_SHOT_MAX + 9, 0, 3].map((n, i) => bytesOf(n).map((b) => b ^ i));
    const digests = await Promise.all(inputs.map((b) => digestBlob(new Blob([b as BlobPart]))));
    expect(digests.map((d) => d.sha256)).toEqual(inputs.map((b) => createHash('sha256').update(b).digest('hex')));
    expect(digests.map((d) => d.crc32)).toEqual(
      await Promise.all(inputs.map(async (b) => parseInt(await crc32(b), 16))),
    );
  });
});
