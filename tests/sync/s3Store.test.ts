// The S3 transport against a real Ceph RADOS Gateway: create-only writes, missing keys, paging, failures in words.
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/sync';
import { countingFetch, freshPrefix, onlineTabProbe, rgw, storeOn } from './helpers';

const text = (s: string) => new TextEncoder().encode(s);

async function failureOf(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('S3Store on Ceph RGW', () => {
  it('writes create-only: a second putNew of the key is refused as "exists" and leaves the first bytes', async () => {
    const store = storeOn();
    const key = `${freshPrefix('create')}/bundle.zip`;
    await store.putNew(key, text('first'));
    const error = await failureOf(store.putNew(key, text('second')));
    expect(error.failure).toBe('exists');
    expect(error.status).toBe(412);
    expect(new TextDecoder().decode((await store.get(key))!)).toBe('first');
    await store.put(key, text('overwritten'));
    expect(new TextDecoder().decode((await store.get(key))!)).toBe('overwritten');
  });

  it('answers null for a missing key', async () => {
    expect(await storeOn().get(`${freshPrefix('missing')}/nothing.json`)).toBeNull();
    expect(await storeOn().exists(`${freshPrefix('missing')}/nothing.json`)).toBe(false);
  });

  it('lists every page in key order, decodes XML entities in keys, and lists only what is after start-after', async () => {
    const counted = countingFetch();
    const store = storeOn({ pageSize: 3, fetch: counted.fetch });
    const prefix = freshPrefix('list');
    const names = ['a&b <c>', 'it\'s "q"', 'plus+space x', ...Array.from({ length: 7 }, (_, i) => `n${i}`)];
    for (const name of names) await store.putNew(`${prefix}/${name}`, text(name));
    counted.log.length = 0;
    const all = await store.list(`${prefix}/`);
    expect(all.map((o) => o.key)).toEqual(names.map((n) => `${prefix}/${n}`).sort());
    expect(all.find((o) => o.key.endsWith('a&b <c>'))?.size).toBe('a&b <c>'.length);
    expect(counted.log.filter((r) => r.method === 'GET')).toHaveLength(4); // 10 keys, 3 a page
    const after = await store.list(`${prefix}/`, `${prefix}/n3`);
    expect(after.map((o) => o.key)).toEqual([`${prefix}/n4`, `${prefix}/n5`, `${prefix}/n6`, `${prefix}/plus+space x`]);
  });

  it('says "forbidden" for a wrong secret and for an unknown access key, keeping the S3 code', async () => {
    const wrongSecret = await failureOf(storeOn({}, { secretAccessKey: 'not-the-secret' }).get('any'));
    expect([wrongSecret.failure, wrongSecret.status]).toEqual(['forbidden', 403]);
    expect(wrongSecret.message).toMatch(/SignatureDoesNotMatch/);
    const unknownKey = await failureOf(storeOn({}, { accessKeyId: 'NOSUCHKEY000000000000' }).list('x/'));
    expect(unknownKey.failure).toBe('forbidden');
    expect(unknownKey.message).toMatch(/InvalidAccessKeyId/);
  });

  it('says "no-bucket" for a bucket that does not exist, naming it', async () => {
    const error = await failureOf(storeOn({}, { bucket: 'no-such-bucket-here' }).list(''));
    expect(error.failure).toBe('no-bucket');
    expect(error.message).toMatch(/“no-such-bucket-here” does not exist/);
  });

  it('measures a device clock 30 minutes slow, says so, and signs later requests with the corrected time', async () => {
    const slow = () => Date.now() - 30 * 60_000;
    const strict = storeOn({ now: slow, retryAfterClockCorrection: false });
    const error = await failureOf(strict.list(''));
    expect(error.failure).toBe('clock-skew');
    expect(error.message).toMatch(/30 minutes behind/);
    expect(Math.abs(strict.clockOffsetMs - 30 * 60_000)).toBeLessThan(60_000);
    await expect(strict.list('')).resolves.toBeDefined();

    const counted = countingFetch();
    const corrected: number[] = [];
    const store = storeOn({ now: slow, fetch: counted.fetch });
    store.onClockCorrected = (offset) => corrected.push(offset);
    await store.putNew(`${freshPrefix('clock')}/x`, text('x'));
    expect(counted.log.map((r) => r.status)).toEqual([403, 200]);
    expect(corrected).toHaveLength(1);
  });

  it('tells a store that went away from one that answers, and carries on once the gateway is back', async () => {
    const { stopGateway, restartGateway } = await import('../../scripts/rgw');
    const key = `${freshPrefix('restart')}/x`;
    const store = storeOn({ probe: onlineTabProbe(false) });
    await store.putNew(key, text('before'));
    stopGateway(rgw());
    try {
      const error = await failureOf(store.get(key));
      expect(error.failure).toBe('unavailable');
      expect(error.message).toMatch(/does not answer/);
    } finally {
      await restartGateway(rgw());
    }
    expect(new TextDecoder().decode((await store.get(key))!)).toBe('before');
  });

  it('lets a browser on another origin read ETag and Date (the bucket CORS rule the harness sets)', async () => {
    const { endpoint, bucket } = rgw();
    const res = await fetch(`${endpoint}/${bucket}/some/key`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,if-none-match,x-amz-date,x-amz-content-sha256',
      },
    });
    expect(res.status).toBe(200);
    const exposed = (res.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase();
    expect(exposed).toContain('etag');
    expect(exposed).toContain('date');
  });
});
