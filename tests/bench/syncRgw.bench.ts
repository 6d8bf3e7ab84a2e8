// Sync figures against a throwaway Ceph RGW on this machine (`npm run bench -- --only=syncrgw`), each beside a peer
// measured in the same run:
// (a) one new evidence item with a 3 MB photo: bytes sent, and time until another device has it, beside a raw
//     signed PUT and GET of the same bytes;
// (b) an idle cycle on a device holding 200 portfolios in a centre of 50 devices: requests and time, beside listing
//     each portfolio's folder;
// (c) the first sync of a device that joins a centre of 200 portfolios: time and peak JS heap, beside a raw GET of
//     the same objects one after another. Media per portfolio: SYNC_BENCH_MEDIA_KB (default 256 KB, so 200
//     portfolios ≈ 50 MB; ≈ 1 GB does not fit this shared machine's time), extrapolated to 1 GB by bytes/s.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { AwsClient } from 'aws4fetch';
import { startRgw, stopRgw, type Rgw } from '../../scripts/rgw';
import { parseSpec } from '../../src/domain';
import { acceptKey, createEnrolment, saveEvidence, savePerson, setSyncPeople, sha256Hex } from '../../src/storage';
import { db } from '../../src/storage/db';
import { S3Store, syncLayout } from '../../src/sync';
import { newDevice } from './sync.bench';

const PREFIX = 'centre/';
const PORTFOLIOS = 200;
const OTHER_DEVICES = 48;
const spec = parseSpec(readFileSync('specs/svq2-customer-service-scqf5.json', 'utf8'), 'svq2.json');
const MB = 1_000_000;

/** A fetch that counts requests and bytes both ways (request bodies; response Content-Length). */
function countingFetch() {
  const counts = { requests: 0, sent: 0, received: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = init?.body;
    counts.requests++;
    counts.sent += body instanceof Blob ? body.size : body instanceof Uint8Array ? body.byteLength : 0;
    const res = await fetch(input, init);
    counts.received += Number(res.headers.get('content-length') ?? 0);
    return res;
  };
  const reset = () => Object.assign(counts, { requests: 0, sent: 0, received: 0 });
  return { fetch: fetchImpl, counts, reset };
}

const randomBytes = (n: number) => {
  const bytes = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(n, at + 65536)));
  return bytes;
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** Runs `fn` while sampling the JS heap every 5 ms: its peak, and the heap before. */
async function withHeap<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; before: number; peak: number }> {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const [result, ms] = await timed(fn);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, ms, before, peak };
  } finally {
    clearInterval(timer);
  }
}

/** The rest of the centre: 48 devices, 10 portfolios each of other people, 4 pushes each, days ago. */
async function otherDevicesHistory(raw: AwsClient, rgw: Rgw) {
  const put = (key: string, body: Uint8Array<ArrayBuffer>) =>
    raw.fetch(`${rgw.endpoint}/${rgw.bucket}/${key}`, { method: 'PUT', body }).then((r) => r.arrayBuffer());
  const days = Date.now() - 3 * 24 * 3600_000;
  const jobs: Array<() => Promise<unknown>> = [];
  for (let d = 0; d < OTHER_DEVICES; d++) {
    const deviceId = `00000000-0000-4000-9000-${String(d).padStart(12, '0')}`;
    for (let p = 0; p < 10; p++) {
      const portfolioId = `00000000-0000-4000-a000-${String(d * 100 + p).padStart(12, '0')}`;
      const candidateId = `00000000-0000-4000-b000-${String(d * 100 + p).padStart(12, '0')}`;
      const partiesHash = (await sha256Hex(new TextEncoder().encode(`${candidateId}||`))).slice(0, 8);
      const index = { format: 'fieldfolio-sync-index', portfolioId, deviceId, candidateId, assessorId: null, iqaId: null }; // prettier-ignore
      jobs.push(() => put(syncLayout.indexKey(PREFIX, portfolioId, deviceId), new TextEncoder().encode(JSON.stringify(index)))); // prettier-ignore
      for (let i = 0; i < 4; i++) {
        const at = new Date(days + (d * 40 + p * 4 + i) * 60_000).toISOString();
        const bundle = syncLayout.bundleName(p * 4 + i + 1, i === 0, false);
        jobs.push(() => put(syncLayout.feedKey(PREFIX, { at, deviceId, portfolioId, bundle, partiesHash }), new Uint8Array())); // prettier-ignore
      }
    }
  }
  // Eight at a time: the RGW is on this machine and shares its two cores.
  for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((job) => job()));
  return jobs.length;
}

/** The assessor's phone: 200 portfolios, each with one observation and a photo of `mediaBytes`. */
async function assessorPhone(store: S3Store, mediaBytes: number) {
  const phone = await newDevice('assessor-phone', store);
  const sam = await savePerson({ name: 'Sam', roles: ['assessor'], assessorStatus: 'qualified' });
  await setSyncPeople([sam.id]);
  const portfolioIds: string[] = [];
  for (let i = 0; i < PORTFOLIOS; i++) {
    const cand = await savePerson({ name: `Candidate ${i}`, roles: ['candidate'] });
    const e = await createEnrolment({ candidateId: cand.id, assessorId: sam.id, specId: spec.id, specVersion: spec.version, route: [], startDate: '2026-02-01' }); // prettier-ignore
    await saveEvidence({
      evidence: { portfolioId: e.id, type: 'O', title: `Observed at the till ${i}`, date: '2026-03-02' },
      files: [{ name: 'till.jpg', type: 'image/jpeg', blob: new Blob([randomBytes(mediaBytes)], { type: 'image/jpeg' }) }], // prettier-ignore
    });
    portfolioIds.push(e.id);
  }
  const people = (await db().people.toArray()).map((p) => p.id);
  return { phone, sam, portfolioIds, people };
}

const row = (label: string, value: string, peer: string, ratio: string) =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(16)}   ${peer.padEnd(44)} ${ratio}`);

export async function benchSyncRgw(mediaKb = Number(process.env.SYNC_BENCH_MEDIA_KB ?? 256)): Promise<void> {
  const rgw = await startRgw();
  try {
    const counter = countingFetch();
    const store = new S3Store(rgw, { fetch: counter.fetch });
    const raw = new AwsClient({ ...rgw, service: 's3', retries: 0 });
    const url = (key: string) => `${rgw.endpoint}/${rgw.bucket}/${key}`;
    const written = await otherDevicesHistory(raw, rgw);
    const { phone, sam, portfolioIds, people } = await assessorPhone(store, mediaKb * 1024);
    counter.reset();
    const [, pushMs] = await timed(() => phone.engine.runOnce());
    const pushed = { ...counter.counts };

    // (b) idle cycle, beside listing each portfolio's folder.
    counter.reset();
    const [, idleMs] = await timed(() => phone.engine.runOnce());
    const idle = counter.counts.requests;
    counter.reset();
    const [, naiveMs] = await timed(async () => {
      for (const id of portfolioIds) await store.list(syncLayout.portfolioBundles(PREFIX, id));
    });
    const naive = counter.counts.requests;

    // (c) a new device of the same assessor joins: first sync, beside raw GETs of the same objects.
    const tablet = await newDevice('assessor-tablet', store);
    await setSyncPeople([sam.id]);
    await acceptKey({ deviceKey: phone.entry.deviceKey, deviceId: phone.entry.deviceId, personIds: people, acceptedBy: null }); // prettier-ignore
    counter.reset();
    const join = await withHeap(() => tablet.engine.runOnce());
    const joined = { ...counter.counts };
    const arrived = await db().evidence.count();
    if (arrived !== PORTFOLIOS) throw new Error(`the new device has ${arrived} of ${PORTFOLIOS} evidence items`);
    const keys = (await store.list(`${PREFIX}portfolios/`)).filter((o) => o.key.includes('/bundles/'));
    let rawBytes = 0;
    const [, rawGetMs] = await timed(async () => {
      for (const { key } of keys) rawBytes += (await (await raw.fetch(url(key))).arrayBuffer()).byteLength;
    });

    // (a) one evidence item with a 3 MB photo, until the tablet has it; beside a raw PUT and GET of the same bytes.
    phone.use();
    const photo = randomBytes(3 * MB);
    const item = await saveEvidence({
      evidence: { portfolioId: portfolioIds[0]!, type: 'O', title: 'With a 3 MB photo', date: '2026-03-03' },
      files: [{ name: 'photo.jpg', type: 'image/jpeg', blob: new Blob([photo], { type: 'image/jpeg' }) }],
    });
    counter.reset();
    const [, untilMs] = await timed(async () => {
      await phone.engine.runOnce();
      tablet.use();
      await tablet.engine.runOnce();
    });
    const photoSent = counter.counts.sent;
    if (!(await db().evidence.get(item.id))) throw new Error('the photo did not reach the other device');
    const [, rawPutMs] = await timed(async () => (await raw.fetch(url('bench/raw-photo'), { method: 'PUT', body: photo })).text()); // prettier-ignore
    const [, rawPhotoGetMs] = await timed(async () => (await raw.fetch(url('bench/raw-photo'))).arrayBuffer());

    const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
    const joinRate = mbps(joined.received, join.ms);
    console.log(`\nsync on Ceph RGW (this machine; ${PORTFOLIOS} portfolios × one ${mediaKb} KB photo on the device, ${OTHER_DEVICES + 2} devices, ${written} objects of others)`); // prettier-ignore
    row('(a) 3 MB photo: bytes sent', String(photoSent), `photo: ${photo.length}`, `${(photoSent / photo.length).toFixed(3)}× (+${((photoSent - photo.length) / 1024).toFixed(1)} KB)`); // prettier-ignore
    row('    time until the other device has it', `${untilMs.toFixed(0)} ms`, `raw PUT + GET: ${(rawPutMs + rawPhotoGetMs).toFixed(0)} ms`, `${(untilMs / (rawPutMs + rawPhotoGetMs)).toFixed(2)}×`); // prettier-ignore
    row('(b) idle cycle: requests', String(idle), `per-portfolio listing: ${naive}`, `${(idle / naive).toFixed(3)}×`);
    row('    idle cycle: time', `${idleMs.toFixed(0)} ms`, `per-portfolio listing: ${naiveMs.toFixed(0)} ms`, `${(idleMs / naiveMs).toFixed(3)}×`); // prettier-ignore
    row('(c) first sync of a joining device: time', `${(join.ms / 1000).toFixed(1)} s`, `raw GETs, same ${keys.length} objects: ${(rawGetMs / 1000).toFixed(1)} s`, `${(join.ms / rawGetMs).toFixed(2)}×`); // prettier-ignore
    row('    bytes received / throughput', `${(joined.received / MB).toFixed(1)} MB`, `raw: ${(rawBytes / MB).toFixed(1)} MB, ${mbps(rawBytes, rawGetMs).toFixed(1)} MB/s`, `${joinRate.toFixed(1)} MB/s`); // prettier-ignore
    row('    requests', String(joined.requests), `objects: ${keys.length}`, '');
    row('    peak JS heap (heapUsed)', `${(join.peak / MB).toFixed(0)} MB`, `before: ${(join.before / MB).toFixed(0)} MB`, `+${((join.peak - join.before) / MB).toFixed(0)} MB`); // prettier-ignore
    row('    extrapolated to 1 GB at the measured rate', `${(1000 / joinRate / 60).toFixed(1)} min`, `raw: ${(1000 / mbps(rawBytes, rawGetMs) / 60).toFixed(1)} min`, 'extrapolation, not measured'); // prettier-ignore
    row('first sync of the phone (pushes 200 whole bundles)', `${(pushMs / 1000).toFixed(1)} s`, `${(pushed.sent / MB).toFixed(1)} MB in ${pushed.requests} requests`, `${mbps(pushed.sent, pushMs).toFixed(1)} MB/s`); // prettier-ignore
  } finally {
    stopRgw(rgw);
  }
}
