// Large objects go up in parts; a connection cut mid-way resumes from the journal without re-sending finished parts.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/sync';
import { countingFetch, freshPrefix, memoryJournal, onlineTabProbe, randomBytes, sameBytes, storeOn } from './helpers';

const MiB = 1024 * 1024;
const isPart = (r: { method: string; url: string }) => r.method === 'PUT' && r.url.includes('partNumber=');
const partNumber = (url: string) => Number(new URL(url).searchParams.get('partNumber'));

describe('multipart upload on Ceph RGW', () => {
  it('resumes a 20 MB upload cut during part 3 without re-sending parts 1 and 2, and lands it once', async () => {
    const bytes = randomBytes(20 * MiB);
    const key = `${freshPrefix('multipart')}/video.bin`;
    const journal = memoryJournal();

    const first = countingFetch((r) => isPart(r) && partNumber(r.url) === 3);
    const cut = storeOn({ partSize: 5 * MiB, fetch: first.fetch, probe: onlineTabProbe(true) });
    const error = await cut.putNew(key, new Blob([bytes]), { resume: journal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).failure).toBe('unavailable');
    expect(journal.state?.parts.map((p) => p.partNumber).sort()).toEqual([1, 2]); // 3 parts in flight; 3 was cut
    expect(await cut.exists(key)).toBe(false);

    const second = countingFetch();
    const progress: number[] = [];
    const resumed = storeOn({ partSize: 5 * MiB, fetch: second.fetch });
    await resumed.putNew(key, new Blob([bytes]), { resume: journal, onProgress: (sent) => progress.push(sent) });
    const resent = second.log.filter(isPart).map((r) => partNumber(r.url));
    expect(resent).not.toContain(1);
    expect(resent).not.toContain(2);
    expect(resent).toContain(4);
    expect(second.log.filter(isPart).reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(10 * MiB);
    expect(progress[0]).toBeGreaterThanOrEqual(10 * MiB); // progress starts where the cut left it
    expect(progress.at(-1)).toBe(20 * MiB);
    expect(journal.state).toBeNull();
    expect(sameBytes(await resumed.get(key), bytes)).toBe(true);
  });

  it('refuses to complete over an existing key (create-only) and forgets the upload', async () => {
    const bytes = randomBytes(6 * MiB);
    const key = `${freshPrefix('multipart-exists')}/a.bin`;
    const store = storeOn({ partSize: 5 * MiB });
    await store.putNew(key, new Blob([bytes]));
    const journal = memoryJournal();
    const error = await store.putNew(key, new Blob([randomBytes(6 * MiB)]), { resume: journal }).catch((e) => e);
    expect((error as StoreError).failure).toBe('exists');
    expect(journal.state).toBeNull();
    expect(sameBytes(await store.get(key), bytes)).toBe(true);
  });

  it('starts afresh when the journal names an upload the store no longer knows', async () => {
    const bytes = randomBytes(11 * MiB);
    const key = `${freshPrefix('multipart-stale')}/b.bin`;
    const journal = memoryJournal();
    await journal.save({ key, size: bytes.length, partSize: 5 * MiB, uploadId: 'gone', parts: [] });
    const store = storeOn({ partSize: 5 * MiB });
    await store.putNew(key, new Blob([bytes]), { resume: journal });
    expect(sameBytes(await store.get(key), bytes)).toBe(true);
  });
});
