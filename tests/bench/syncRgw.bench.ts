// Sync figures against a throwaway Ceph RGW on this machine (`npm run bench -- --only=syncrgw`), each beside a peer
// measured in the same run:
// (a) one new evidence item with a 3 MB photo: bytes sent, and time until another device (the candidate's tablet)
//     has it, beside a raw signed PUT and GET of the same bytes;
// (b) an idle cycle on a device holding 200 portfolios in a centre of 50 devices: requests and time, beside listing
//     each portfolio's folder;
// (c) the first sync of a device that joins a centre of 200 portfolios ≈ 1 GB (one 5 MB photo each; another size
//     with SYNC_BENCH_MEDIA_KB): time beside raw GETs of the same objects, as many in flight as the pull keeps
//     (PULL_OBJECTS_IN_FLIGHT), and the peak JS heap
//     beside the 200 MB limit — measured in a process of the joining device's own (syncJoinDevice.ts, --trace-gc).
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { AwsClient } from 'aws4fetch';
import { startRgw, stopRgw, type Rgw } from '../../scripts/rgw';
import { parseSpec } from '../../src/domain';
import { acceptKey, createEnrolment, saveEvidence, savePerson, setSyncPeople, sha256Hex } from '../../src/storage';
import { db } from '../../src/storage/db';
import {
  engineEnvelope,
  generateSyncSecret,
  PULL_OBJECTS_IN_FLIGHT,
  importSyncSecret,
  S3Store,
  sealObject,
  syncLayout,
  type Envelope,
} from '../../src/sync';
import { newDevice } from './sync.bench';
import type { JoinInput, JoinOutput } from './syncJoinDevice';

const PREFIX = 'centre/';
/** 200 as the issue says; fewer (SYNC_BENCH_PORTFOLIOS) only to try the bench out quickly. */
export const PORTFOLIOS = Number(process.env.SYNC_BENCH_PORTFOLIOS ?? 200);
const OTHER_DEVICES = 48;
const spec = parseSpec(readFileSync('specs/svq2-customer-service-scqf5.json', 'utf8'), 'svq2.json');
const MB = 1_000_000;

/** A fetch that counts requests and bytes both ways (request bodies; response Content-Length). */
export function countingFetch() {
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

/** The rest of the centre: 48 devices, 10 portfolios each of other people, 4 pushes each, days ago. */
async function otherDevicesHistory(raw: AwsClient, rgw: Rgw, secret: string | null) {
  const key = secret ? await importSyncSecret(secret) : null;
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
      const at = syncLayout.indexKey(PREFIX, portfolioId, deviceId);
      const plain = new TextEncoder().encode(JSON.stringify(index));
      // Sealed like every object of a centre that encrypts.
      jobs.push(async () => put(at, key ? new Uint8Array(await (await sealObject(key, at, plain)).arrayBuffer()) : plain)); // prettier-ignore
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
async function assessorPhone(store: S3Store, mediaBytes: number, envelope: Envelope | null) {
  const phone = await newDevice('assessor-phone', store, envelope);
  const sam = await savePerson({ name: 'Sam', roles: ['assessor'], assessorStatus: 'qualified' });
  await setSyncPeople([sam.id]);
  const portfolioIds: string[] = [];
  const candidates: string[] = [];
  for (let i = 0; i < PORTFOLIOS; i++) {
    const cand = await savePerson({ name: `Candidate ${i}`, roles: ['candidate'] });
    const e = await createEnrolment({ candidateId: cand.id, assessorId: sam.id, specId: spec.id, specVersion: spec.version, route: [], startDate: '2026-02-01' }); // prettier-ignore
    await saveEvidence({
      evidence: { portfolioId: e.id, type: 'O', title: `Observed at the till ${i}`, date: '2026-03-02' },
      files: [{ name: 'till.jpg', type: 'image/jpeg', blob: new Blob([randomBytes(mediaBytes)], { type: 'image/jpeg' }) }], // prettier-ignore
    });
    portfolioIds.push(e.id);
    candidates.push(cand.id);
  }
  const people = (await db().people.toArray()).map((p) => p.id);
  return { phone, sam, portfolioIds, candidates, people };
}

const row = (label: string, value: string, peer: string, ratio: string) =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(16)}   ${peer.padEnd(44)} ${ratio}`);
const MiB = 1024 * 1024;

/** V8's --trace-gc lines: the heap in use before and after each collection, stamped in ms since the isolate began. */
export function gcTrace(stdout: string): Array<{ at: number; kind: string; before: number; after: number }> {
  const line = /\s([\d.]+) ms: ([A-Za-z -]+?)(?: \([a-z ]+\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;
  return stdout.split('\n').flatMap((l) => {
    const m = line.exec(l);
    return m ? [{ at: Number(m[1]), kind: m[2]!, before: Number(m[3]) * MiB, after: Number(m[4]) * MiB }] : [];
  });
}

/** (c) The joining device in a process of its own; its heap from V8's own trace of every collection. */
function joinInChild(rgw: Rgw, input: Omit<JoinInput, 'location'>) {
  const location = { endpoint: rgw.endpoint, bucket: rgw.bucket, region: rgw.region, accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey }; // prettier-ignore
  // SYNC_BENCH_CPU_PROF=<folder>: the joining process writes a V8 CPU profile there (where the join's time goes).
  const profile = process.env.SYNC_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_BENCH_CPU_PROF}`] : []; // prettier-ignore
  const args = ['--expose-gc', '--trace-gc', ...profile, '--import', 'tsx', 'tests/bench/syncJoinDevice.ts'];
  const stdout = execFileSync(process.execPath, [...args, JSON.stringify({ ...input, location })], {
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out = JSON.parse(/^RESULT (.*)$/m.exec(stdout)![1]!) as JoinOutput;
  // Collections during the join (the child's clock and V8's start together, within a few ms).
  const during = gcTrace(stdout).filter((g) => g.at >= out.startedAt && g.at <= out.startedAt + out.ms);
  const peak = Math.max(out.sampled.heapUsed, ...during.map((g) => g.before));
  const fullGcs = during.filter((g) => g.kind.startsWith('Mark'));
  const liveMax = Math.max(out.liveBefore, ...fullGcs.map((g) => g.after));
  return { ...out, peak, gcs: during.length, fullGcs: fullGcs.length, liveMax };
}

/** (a) The candidate's tablet has her portfolio; the phone adds a 3 MB photo to it; until the tablet has it. */
async function photoToAnotherDevice(
  ctx: { store: S3Store; envelope: Envelope | null; counter: ReturnType<typeof countingFetch>; raw: AwsClient; url: (k: string) => string }, // prettier-ignore
  phone: Awaited<ReturnType<typeof assessorPhone>>,
) {
  const tablet = await newDevice('candidate-tablet', ctx.store, ctx.envelope);
  await setSyncPeople([phone.candidates[0]!]);
  await acceptKey({ deviceKey: phone.phone.entry.deviceKey, deviceId: phone.phone.entry.deviceId, personIds: phone.people, acceptedBy: null }); // prettier-ignore
  await tablet.engine.runOnce();
  phone.phone.use();
  const photo = randomBytes(3 * MB);
  const item = await saveEvidence({
    evidence: { portfolioId: phone.portfolioIds[0]!, type: 'O', title: 'With a 3 MB photo', date: '2026-03-03' },
    files: [{ name: 'photo.jpg', type: 'image/jpeg', blob: new Blob([photo], { type: 'image/jpeg' }) }],
  });
  ctx.counter.reset();
  const [, untilMs] = await timed(async () => {
    await phone.phone.engine.runOnce();
    tablet.use();
    await tablet.engine.runOnce();
  });
  const sent = ctx.counter.counts.sent;
  if (!(await db().evidence.get(item.id))) throw new Error('the photo did not reach the other device');
  const [, putMs] = await timed(async () => (await ctx.raw.fetch(ctx.url('bench/raw-photo'), { method: 'PUT', body: photo })).text()); // prettier-ignore
  const [, getMs] = await timed(async () => (await ctx.raw.fetch(ctx.url('bench/raw-photo'))).arrayBuffer());
  row('(a) 3 MB photo: bytes sent', String(sent), `photo: ${photo.length}`, `${(sent / photo.length).toFixed(3)}× (+${((sent - photo.length) / 1024).toFixed(1)} KB)`); // prettier-ignore
  row('    time until the other device has it', `${untilMs.toFixed(0)} ms`, `raw PUT + GET: ${(putMs + getMs).toFixed(0)} ms`, `${(untilMs / (putMs + getMs)).toFixed(2)}×`); // prettier-ignore
}

/**
 * The centre a device joins, in the bucket: the other devices' history, and the assessor's phone (in this process,
 * on the in-memory IndexedDB) with `PORTFOLIOS` portfolios of one `mediaKb` KB photo each, pushed by its first sync.
 * Also the seeding of the browser join (syncJoinBrowser.bench.ts).
 */
export async function seedCentre(rgw: Rgw, mediaKb: number, secret: string | null) {
  const counter = countingFetch();
  const store = new S3Store(rgw, { fetch: counter.fetch });
  const raw = new AwsClient({ ...rgw, service: 's3', retries: 0 });
  const url = (key: string) => `${rgw.endpoint}/${rgw.bucket}/${key}`;
  const written = await otherDevicesHistory(raw, rgw, secret);
  const envelope = secret ? await engineEnvelope(secret) : null;
  const [phone, seededMs] = await timed(() => assessorPhone(store, mediaKb * 1000, envelope));
  counter.reset();
  const [, pushMs] = await timed(() => phone.phone.engine.runOnce());
  const pushed = { ...counter.counts };
  /** Every bundle object in the centre's folder (the phone's: the others' feed entries have none). */
  const bundleKeys = async () =>
    (await store.list(`${PREFIX}portfolios/`)).filter((o) => o.key.includes('/bundles/')).map((o) => o.key);
  return { counter, store, raw, url, written, envelope, phone, seededMs, pushMs, pushed, bundleKeys };
}

export async function benchSyncRgw(mediaKb = Number(process.env.SYNC_BENCH_MEDIA_KB ?? 5000)): Promise<void> {
  const rgw = await startRgw();
  try {
    // SYNC_BENCH_ENCRYPT=1: the centre's sync link carries an encryption key (every object sealed).
    const secret = process.env.SYNC_BENCH_ENCRYPT === '1' ? generateSyncSecret() : null;
    const { counter, store, raw, url, written, envelope, phone, seededMs, pushMs, pushed, bundleKeys } =
      await seedCentre(rgw, mediaKb, secret);
    console.log(`\nsync on Ceph RGW (this machine, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${PORTFOLIOS} portfolios × one ${mediaKb} KB photo on the device${secret ? ', every object encrypted' : ''}, ${OTHER_DEVICES + 2} devices, ${written} objects of others)`); // prettier-ignore

    // (b) idle cycle, beside listing each portfolio's folder.
    counter.reset();
    const [, idleMs] = await timed(() => phone.phone.engine.runOnce());
    const idle = counter.counts.requests;
    counter.reset();
    const [, naiveMs] = await timed(async () => {
      for (const id of phone.portfolioIds) await store.list(syncLayout.portfolioBundles(PREFIX, id));
    });
    const naive = counter.counts.requests;

    // (c) a new device of the same assessor joins: first sync, beside raw GETs of the same objects.
    const { deviceKey, deviceId } = phone.phone.entry;
    const join = joinInChild(rgw, { samId: phone.sam.id, phone: { deviceKey, deviceId }, people: phone.people, secret }); // prettier-ignore
    if (join.evidence !== PORTFOLIOS) throw new Error(`the new device has ${join.evidence} of ${PORTFOLIOS} evidence items`); // prettier-ignore
    const keys = await bundleKeys();
    let rawBytes = 0;
    const queue = [...keys];
    const [, rawGetMs] = await timed(() =>
      Promise.all(
        Array.from({ length: PULL_OBJECTS_IN_FLIGHT }, async () => {
          for (let key = queue.shift(); key; key = queue.shift()) {
            const bytes = (await (await raw.fetch(url(key))).arrayBuffer()).byteLength;
            rawBytes += bytes;
          }
        }),
      ),
    );

    const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
    const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
    row('(b) idle cycle: requests', String(idle), `per-portfolio listing: ${naive}`, `${(idle / naive).toFixed(3)}×`);
    row('    idle cycle: time', `${idleMs.toFixed(0)} ms`, `per-portfolio listing: ${naiveMs.toFixed(0)} ms`, `${(idleMs / naiveMs).toFixed(3)}×`); // prettier-ignore
    row('(c) first sync of a joining device: time', `${(join.ms / 1000).toFixed(1)} s`, `raw GETs, same ${keys.length} objects (${PULL_OBJECTS_IN_FLIGHT} in flight): ${(rawGetMs / 1000).toFixed(1)} s`, `${(join.ms / rawGetMs).toFixed(2)}×`); // prettier-ignore
    row('    bytes received / throughput', mb(join.received), `raw: ${mb(rawBytes)}, ${mbps(rawBytes, rawGetMs).toFixed(1)} MB/s`, `${mbps(join.received, join.ms).toFixed(1)} MB/s`); // prettier-ignore
    row('    requests', String(join.requests), `objects: ${keys.length}`, '');
    row('    peak JS heap (V8 --trace-gc, its own process)', mb(join.peak), 'limit: 200 MB', `${(join.peak / (200 * MB)).toFixed(2)}× the limit`); // prettier-ignore
    row('    live heap after full GCs (max), before → after', mb(join.liveMax), `${mb(join.liveBefore)} → ${mb(join.liveAfter)}`, `${join.gcs} GCs, ${join.fullGcs} full`); // prettier-ignore
    row('    peak external (ArrayBuffers, Blobs) / RSS', mb(join.sampled.external), `RSS ${mb(join.sampled.rss)} (media kept by the in-memory IndexedDB)`, 'sampled every 2 ms'); // prettier-ignore
    row(`first sync of the phone (pushes ${PORTFOLIOS} whole bundles)`, `${(pushMs / 1000).toFixed(1)} s`, `${mb(pushed.sent)} in ${pushed.requests} requests`, `${mbps(pushed.sent, pushMs).toFixed(1)} MB/s`); // prettier-ignore
    row('    seeding the phone through the app (not a figure)', `${(seededMs / 1000).toFixed(1)} s`, '', '');
    await photoToAnotherDevice({ store, envelope, counter, raw, url }, phone);
  } finally {
    stopRgw(rgw);
  }
}
