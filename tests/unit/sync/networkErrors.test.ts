// What a fetch TypeError means: offline, CORS not configured, or a store that dropped us — told apart by probes.
import { describe, expect, it } from 'vitest';
import { S3Store, StoreError, testConnection, type NetworkProbe } from '../../../src/sync';
import { SyncSettings } from '../../../src/domain';

const settings = SyncSettings.parse({
  endpoint: 'https://s3.example.org',
  bucket: 'centre',
  prefix: 'c1',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret',
});
const failingFetch: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

function probe(state: { online?: boolean; endpoint?: boolean; own?: boolean | null; cors?: boolean }): NetworkProbe {
  return {
    online: () => state.online ?? true,
    endpointAnswers: async () => state.endpoint ?? true,
    ownOriginAnswers: async () => state.own ?? null,
    corsApplies: () => state.cors ?? true,
  };
}

async function failureWith(p: NetworkProbe, warmUp = false) {
  let calls = 0;
  const fetchImpl: typeof fetch = async (...args) => {
    if (warmUp && calls++ === 0) return new Response('<ListBucketResult></ListBucketResult>');
    return failingFetch(...args);
  };
  const store = new S3Store(settings, { fetch: fetchImpl, probe: p });
  if (warmUp) await store.list('c1/');
  const error = await store.get('c1/x').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  return (error as StoreError).failure;
}

describe('network failures', () => {
  it('is offline when the device says so, or when neither the store nor the app’s origin answers', async () => {
    expect(await failureWith(probe({ online: false }))).toBe('offline');
    expect(await failureWith(probe({ endpoint: false, own: false }))).toBe('offline');
  });

  it('is CORS when the store answers a no-cors probe but our request was refused by the browser', async () => {
    expect(await failureWith(probe({ endpoint: true, cors: true }))).toBe('cors');
  });

  it('is a dropped connection, not CORS, once a request of ours has got through', async () => {
    expect(await failureWith(probe({ endpoint: true, cors: true }), true)).toBe('unavailable');
  });

  it('is an unavailable store when the app’s own origin answers but the store does not', async () => {
    expect(await failureWith(probe({ endpoint: false, own: true }))).toBe('unavailable');
  });

  it('rethrows the caller’s own abort as it is', async () => {
    const aborted = AbortSignal.abort(new Error('stopped by the caller'));
    const store = new S3Store(settings, { fetch: failingFetch, probe: probe({}) });
    await expect(store.putNew('c1/x', new Uint8Array(1), { signal: aborted })).rejects.toThrow('stopped by the caller');
  });
});

describe('testConnection verdicts', () => {
  it('stops at CORS with what to do, leaving the later steps unchecked', async () => {
    const verdict = await testConnection(settings, 'dev1', { fetch: failingFetch, probe: probe({ cors: true }) });
    expect(verdict.ok).toBe(false);
    expect(verdict.steps.map((s) => [s.step, s.status])).toEqual([
      ['reachable', 'passed'],
      ['cors', 'failed'],
      ['credentials', 'not-checked'],
      ['list', 'not-checked'],
      ['write', 'not-checked'],
    ]);
    expect(verdict.steps[1]!.message).toMatch(/no CORS rule .* docs\/sync-bucket.md/);
  });

  it('fails "reachable" when nothing answers at the endpoint', async () => {
    const verdict = await testConnection(settings, 'dev1', { fetch: failingFetch, probe: probe({ endpoint: false }) });
    expect(verdict.steps[0]).toMatchObject({ step: 'reachable', status: 'failed' });
    expect(verdict.steps[0]!.message).toMatch(/Nothing answers at https:\/\/s3.example.org/);
  });
});

describe('a refused key the store hides behind a missing CORS header (Ceph RGW on a wrong signature)', () => {
  const bucketAnswers = (answers: boolean): NetworkProbe => ({
    ...probe({ cors: true }),
    bucketAnswersThisOrigin: async (url) => answers && url === 'https://s3.example.org/centre',
  });

  it('is the key’s refusal when the bucket’s CORS rule answers an unsigned request', async () => {
    expect(await failureWith(bucketAnswers(true))).toBe('forbidden');
    expect(await failureWith(bucketAnswers(false))).toBe('cors');
  });

  it('the connection test passes CORS and fails the credentials step', async () => {
    const verdict = await testConnection(settings, 'dev1', { fetch: failingFetch, probe: bucketAnswers(true) });
    expect(verdict.steps.map((s) => [s.step, s.status])).toEqual([
      ['reachable', 'passed'],
      ['cors', 'passed'],
      ['credentials', 'failed'],
      ['list', 'not-checked'],
      ['write', 'not-checked'],
    ]);
    expect(verdict.steps[2]!.message).toMatch(/refused this device’s key.*Check the access key id and secret/);
  });
});

describe('a clock-skew refusal the store hides behind a missing CORS header (Ceph RGW on RequestTimeTooSkewed)', () => {
  const STORE_NOW = Date.parse('2026-03-02T10:00:00Z');
  /** A store that refuses (hidden: a network error) any request signed more than 15 minutes off its clock. */
  const skewRefusingFetch: typeof fetch = async (_url, init) => {
    const amzDate = new Headers(init?.headers).get('x-amz-date') ?? '';
    const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (Math.abs(signedAt - STORE_NOW) > 15 * 60_000) throw new TypeError('Failed to fetch');
    return new Response('<ListBucketResult></ListBucketResult>');
  };
  const readableDate: NetworkProbe = {
    ...probe({ cors: true }),
    bucketDate: async () => new Date(STORE_NOW).toUTCString(),
  };

  it('is the clock, measured from the bucket’s readable Date; the request is signed again and goes through', async () => {
    const deviceNow = STORE_NOW + 40 * 60_000;
    const store = new S3Store(settings, { fetch: skewRefusingFetch, probe: readableDate, now: () => deviceNow });
    const corrected: number[] = [];
    store.onClockCorrected = (offset) => corrected.push(offset);
    expect(await store.list('c1/')).toEqual([]);
    expect(corrected).toEqual([-40 * 60_000]);
  });

  it('the connection test passes and says how far the clock is off', async () => {
    const now = () => STORE_NOW - 31 * 60_000;
    const verdict = await testConnection(settings, 'dev1', { fetch: skewRefusingFetch, probe: readableDate, now });
    expect(verdict.ok).toBe(true);
    expect(verdict.steps[2]!.message).toMatch(/clock is 31 minutes behind the store’s; sync corrects for it/);
  });

  it('a Date within 15 minutes is no excuse: the key is refused, as before', async () => {
    const store = new S3Store(settings, { fetch: failingFetch, probe: readableDate, now: () => STORE_NOW + 60_000 });
    expect(((await store.get('c1/x').catch((e: unknown) => e)) as StoreError).failure).toBe('forbidden');
  });
});
