// `npm run bench -- --only=syncjoinbrowser`: the first sync of a device that joins a centre of 200 portfolios
// (≈ 1 GB, one 5 MB photo each; other sizes with SYNC_BENCH_PORTFOLIOS and SYNC_BENCH_MEDIA_KB), in the built app in
// Chromium on an on-disk profile, against a throwaway Ceph RGW. The centre is seeded as `--only=syncrgw` seeds it
// (seedCentre). The new device is onboarded as a person would: it opens one of the assessor's portfolios as a
// bundle file, accepts the phone's key, acts as the assessor, then connects by the centre's sync link.
// Figures, each beside its peer:
// - time from "Connect this device" until every portfolio is in IndexedDB (and until the run says "Synced at"),
//   beside plain GETs of the same objects from the same page (presigned URLs, fetch + arrayBuffer discarded, as many
//   in flight as the join keeps: PULL_OBJECTS_IN_FLIGHT);
// - the page's peak JS heap (CDP Runtime.getHeapUsage every 50 ms, garbage included), beside the 200 MB limit.
// First: the seeding phone runs in this process on the in-memory IndexedDB, installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startRgw, stopRgw, type Rgw } from '../../scripts/rgw';
import { PULL_OBJECTS_IN_FLIGHT } from '../../src/sync';
import { launchProfile, startServer } from '../e2e/harness';
import { PortfolioApp } from '../e2e/pages/PortfolioApp';
import { SyncScreens, syncLink } from '../e2e/pages/SyncScreens';
import { openBundle } from '../e2e/pages/SyncWorld';
import { TrustScreen } from '../e2e/pages/TrustScreen';
import { PORTFOLIOS, seedCentre } from './syncRgw.bench';

const MB = 1_000_000;
const LIMIT = 200 * MB;

/** The page's JS heap in use, every `everyMs`: its highest value. */
function heapSampler(cdp: CDPSession, everyMs = 50) {
  let peak = 0;
  let samples = 0;
  const timer = setInterval(() => {
    cdp.send('Runtime.getHeapUsage').then(
      ({ usedSize }) => {
        peak = Math.max(peak, usedSize);
        samples++;
      },
      () => undefined, // a navigation in between: the next sample comes
    );
  }, everyMs);
  return { stop: () => (clearInterval(timer), { peak, samples }) };
}

/** Rows in an object store of the app's database, read straight from IndexedDB (not through the app). */
const countIn = (page: Page, table: string) =>
  page.evaluate(
    (store) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('fieldfolio');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).count();
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    table,
  );

/** The join, from the click on "Connect this device" until all portfolios are in IndexedDB and the run is done. */
async function timedJoin(page: Page, link: string, cdp: CDPSession) {
  await page.goto(link);
  await page.getByTestId('sync-settings-summary').waitFor();
  const heap = heapSampler(cdp);
  // SYNC_BENCH_CPU_PROF=<folder>: the page's CPU profile of the join is written there (where its time goes).
  const profileTo = process.env.SYNC_BENCH_CPU_PROF;
  if (profileTo) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const start = performance.now();
  await page.getByRole('button', { name: 'Connect this device' }).click();
  await page.getByTestId('connected-note').waitFor();
  const sync = new SyncScreens(page);
  await sync.open();
  while ((await countIn(page, 'enrolments')) < PORTFOLIOS) await page.waitForTimeout(500);
  const allHereMs = performance.now() - start;
  await sync.waitUntilSynced(30 * 60_000);
  const syncedMs = performance.now() - start;
  if (profileTo) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(join(profileTo, `join-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  return { allHereMs, syncedMs, heap: heap.stop() };
}

/** Plain GETs of `urls` from the page, `inFlight` at a time, bodies read and dropped: ms and bytes. */
const rawGets = (page: Page, urls: string[], inFlight: number) =>
  page.evaluate(
    async ([list, width]) => {
      const queue = [...list];
      let bytes = 0;
      const refused: number[] = [];
      const start = performance.now();
      // Inline (no named function: the bench's TypeScript loader would wrap it in a helper the page lacks).
      await Promise.all(
        Array.from({ length: width }, async () => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            const res = await fetch(url);
            const got = (await res.arrayBuffer()).byteLength;
            if (res.ok) bytes += got;
            else refused.push(res.status);
          }
        }),
      );
      return { ms: performance.now() - start, bytes, refused };
    },
    [urls, inFlight] as const,
  );

const row = (label: string, value: string, peer: string, ratio: string) =>
  console.log(`  ${label.padEnd(50)} ${value.padStart(12)}   ${peer.padEnd(46)} ${ratio}`);

export async function benchSyncJoinBrowser(mediaKb = Number(process.env.SYNC_BENCH_MEDIA_KB ?? 5000)) {
  const rgw: Rgw = await startRgw();
  const dir = await mkdtemp(join(tmpdir(), 'fieldfolio-bench-join-'));
  const server = await startServer();
  try {
    const seeded = await seedCentre(rgw, mediaKb, null);
    const keys = await seeded.bundleKeys();
    // The bundle a person opens on the new device: the phone's whole bundle of its first portfolio, as pushed.
    const first = keys.find((k) => k.includes(`/portfolios/${seeded.phone.portfolioIds[0]}/`))!;
    const bundlePath = join(dir, 'first-portfolio.zip');
    await writeFile(bundlePath, new Uint8Array(await (await seeded.raw.fetch(seeded.url(first))).arrayBuffer()));

    const context = await launchProfile(join(dir, 'joining-profile'));
    context.setDefaultTimeout(120_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
    await openBundle(page, bundlePath);
    const trust = new TrustScreen(page);
    await trust.open();
    await trust.acceptForEveryone(await trust.openAcceptForm());
    await new PortfolioApp(page, server.url).actAs(/Sam/);

    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = rgw;
    const link = syncLink(server.url, { endpoint, bucket, region, accessKeyId, secretAccessKey, prefix: 'centre' });
    const cdp = await context.newCDPSession(page);
    const join_ = await timedJoin(page, link, cdp);
    const [enrolments, evidence, media] = await Promise.all(['enrolments', 'evidence', 'media'].map((t) => countIn(page, t))); // prettier-ignore
    if (evidence !== PORTFOLIOS || media !== PORTFOLIOS) {
      throw new Error(`the new device has ${enrolments} portfolios, ${evidence} evidence items, ${media} media of ${PORTFOLIOS}`); // prettier-ignore
    }
    const urls = await Promise.all(
      keys.map(async (k) => (await seeded.raw.sign(seeded.url(k), { aws: { signQuery: true } })).url),
    );
    const raw = await rawGets(page, urls, PULL_OBJECTS_IN_FLIGHT);
    // A peer that did not download everything says nothing: the store refused some (e.g. 503 Slow Down).
    if (raw.refused.length > 0) throw new Error(`raw GETs refused: ${raw.refused.join(', ')}`);
    await context.close();

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`\njoining a centre in Chromium (built app, on-disk profile, Ceph RGW on this machine; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${PORTFOLIOS} portfolios × one ${mediaKb} KB photo, ${(raw.bytes / MB).toFixed(0)} MB in ${keys.length} objects)`); // prettier-ignore
    row('first sync: until all portfolios are in IndexedDB', s(join_.allHereMs), `raw GETs from the page (${PULL_OBJECTS_IN_FLIGHT} in flight): ${s(raw.ms)}`, `${(join_.allHereMs / raw.ms).toFixed(2)}×`); // prettier-ignore
    row('    until the run says "Synced at"', s(join_.syncedMs), `throughput ${(raw.bytes / MB / (join_.allHereMs / 1000)).toFixed(1)} MB/s`, `raw ${(raw.bytes / MB / (raw.ms / 1000)).toFixed(1)} MB/s`); // prettier-ignore
    row('    peak JS heap of the page (CDP, every 50 ms)', `${(join_.heap.peak / MB).toFixed(0)} MB`, `limit: 200 MB (${join_.heap.samples} samples)`, `${(join_.heap.peak / LIMIT).toFixed(2)}× the limit`); // prettier-ignore
    row('    seeding the centre in Node (not a figure)', s(seeded.seededMs + seeded.pushMs), '', '');
  } finally {
    await server.close();
    stopRgw(rgw);
    await rm(dir, { recursive: true, force: true });
  }
}
