// Large media through the centre's store, in Chromium against a real Ceph RGW: a 50 MB video (a real WebM recorded
// in the page, padded with an EBML Void element so it still plays) goes up in a multipart upload that is cut
// mid-way — first by the device going offline, then by the RGW process being killed — and resumes by itself. Every
// part PUT the browser makes is counted per part number: a part the store acknowledged is never sent again, the
// bundle lands as one object, and the tablet receives the very same bytes (SHA-256 compared in the page).
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { restartGateway, stopGateway } from '../../scripts/rgw';
import { JourneyPage } from './pages/JourneyPage';
import { SyncScreens } from './pages/SyncScreens';
import { addEvidence, openPortfolio, SyncWorld, waitForEvidence } from './pages/SyncWorld';

const world = SyncWorld.setUp();
const MiB = 1024 * 1024;
const PART_SIZE = 8 * MiB; // the app's DEFAULT_PART_SIZE

/** A second of real WebM (VP8) recorded from a canvas in the page. */
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 64 });
    const paint = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    let frame = 0;
    const timer = setInterval(() => {
      paint.fillStyle = `hsl(${(frame++ * 40) % 360}, 80%, 50%)`;
      paint.fillRect(0, 0, 64, 64);
    }, 50);
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
  });
  return Buffer.from(bytes);
}

/** The recording padded to `size` bytes with an EBML Void element (ID 0xEC, 8-byte size) of random bytes. */
function paddedVideo(webm: Buffer, size: number, name: string): { name: string; path: string; sha256: string } {
  const header = Buffer.alloc(9);
  header[0] = 0xec;
  header.writeBigUInt64BE(BigInt(size - webm.length - 9) | (1n << 56n), 1);
  const bytes = Buffer.concat([webm, header, randomBytes(size - webm.length - 9)]);
  const path = join(world.dir, name);
  writeFileSync(path, bytes);
  return { name, path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Watches the browser's part PUTs. Parts after the first `cutAfter` acknowledged ones are held back until `cut()`
 * has run (so the cut is mid-way however fast the store is), then go on — into the cut.
 */
async function watchParts(context: BrowserContext, cutAfter: number, cut: () => Promise<void>) {
  const sent = new Map<number, number>();
  const acknowledged = new Set<number>();
  let release!: () => void;
  const cutDone = new Promise<void>((resolve) => (release = resolve));
  let cutting = false;
  const partOf = (url: string) => Number(new URL(url).searchParams.get('partNumber'));
  const isPart = (url: string) => /[?&]partNumber=\d+/.test(url) && /[?&]uploadId=/.test(url);
  await context.route(
    (url: URL) => isPart(url.href),
    async (route) => {
      if (!cutting && partOf(route.request().url()) > cutAfter) await cutDone;
      await route.continue();
    },
  );
  context.on('request', (request) => {
    if (request.method() === 'PUT' && isPart(request.url())) {
      const part = partOf(request.url());
      sent.set(part, (sent.get(part) ?? 0) + 1);
    }
  });
  context.on('response', (response) => {
    if (response.request().method() !== 'PUT' || !isPart(response.url()) || response.status() !== 200) return;
    acknowledged.add(partOf(response.url()));
    if (acknowledged.size >= cutAfter && !cutting) {
      cutting = true;
      void cut().then(release);
    }
  });
  return { sent, acknowledged, acknowledgedBeforeCut: () => new Set(acknowledged), cutting: () => cutting };
}

/** SHA-256 of the media file the open evidence item offers for download (as a person saves it). */
async function downloadedHash(page: Page, fileName: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: `Download ${fileName}` }).click(),
  ]);
  return createHash('sha256')
    .update(readFileSync((await download.path())!))
    .digest('hex');
}

async function expectOnTablet(tablet: Page, title: string, video: { name: string; sha256: string }, shot: string) {
  const sync = new SyncScreens(tablet);
  await sync.open();
  await sync.syncNow();
  await sync.waitUntilSynced(120_000);
  await openPortfolio(tablet);
  await waitForEvidence(tablet, title, 60_000);
  await tablet.getByRole('link', { name: new RegExp(title) }).click();
  // Shown as a video the tablet plays, and byte for byte the phone's file.
  await tablet.locator('figure.media video').waitFor({ timeout: 60_000 });
  await new JourneyPage(tablet, 'sync-upload').shot(shot);
  expect(await downloadedHash(tablet, video.name)).toBe(video.sha256);
}

/** The new bundle objects since `before`: exactly one, holding the whole video. */
async function landedOnce(before: Set<string>, atLeast: number): Promise<{ key: string; size: number }> {
  const added = (await world.bundleObjects()).filter((o) => !before.has(o.key));
  expect(added).toHaveLength(1);
  expect(added[0]!.size).toBeGreaterThan(atLeast);
  return added[0]!;
}

describe('a large video’s upload cut mid-way resumes', () => {
  let phone: Page;
  let tablet: Page;
  let webm: Buffer;

  it('offline after two parts: back online it resumes by itself, lands once, no finished part sent again', async () => {
    phone = await world.device('upload-phone', { shape: 'phone' });
    tablet = await world.device('upload-tablet');
    await world.shareDemoPortfolio(phone, [tablet]);
    const phoneSync = await world.connect(phone);
    await world.connect(tablet);
    webm = await recordWebm(phone);
    const video = paddedVideo(webm, 50 * 1000 * 1000, 'till-training.webm');
    const before = new Set(await world.bundleKeys());

    const parts = await watchParts(phone.context(), 2, () => phone.context().setOffline(true));
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Till training video', {
      name: 'till-training.webm',
      mimeType: 'video/webm',
      path: video.path,
    });
    await expect.poll(() => parts.cutting(), { timeout: 120_000 }).toBe(true);
    const doneBeforeCut = parts.acknowledgedBeforeCut();
    await phoneSync
      .badge()
      .filter({ hasText: /^Sync: (offline|\d+ waiting)$/ })
      .waitFor({ timeout: 60_000 });
    const offlineScreen = new JourneyPage(phone, 'sync-upload');
    await offlineScreen.shot('1-phone-offline-mid-upload');
    // "Offline" and the sync line share the brand's line on a phone (they took a header row of their own).
    expect(await offlineScreen.headerHeight()).toBeLessThanOrEqual(150);
    expect((await world.bundleKeys()).filter((k) => !before.has(k))).toEqual([]);

    await phone.context().setOffline(false);
    await phoneSync.badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 180_000 });
    const landed = await landedOnce(before, 50 * 1000 * 1000);
    const partCount = Math.ceil(landed.size / PART_SIZE);
    expect([...parts.acknowledged].sort((a, b) => a - b)).toEqual(Array.from({ length: partCount }, (_, i) => i + 1));
    expect(doneBeforeCut.size).toBeLessThan(partCount);
    for (const part of doneBeforeCut) expect(parts.sent.get(part), `part ${part}`).toBe(1);
    await phone.context().unrouteAll({ behavior: 'ignoreErrors' });
    await expectOnTablet(tablet, 'Till training video', video, '2-tablet-video');
  }, 480_000);

  it('the RGW killed after two parts and restarted: the state says so, nothing is lost, sync resumes by itself', async () => {
    const video = paddedVideo(webm, 40 * 1000 * 1000, 'queue-training.webm');
    const before = new Set(await world.bundleKeys());
    const phoneSync = new SyncScreens(phone);
    const parts = await watchParts(phone.context(), 2, async () => stopGateway(world.rgw));
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Queue training video', {
      name: 'queue-training.webm',
      mimeType: 'video/webm',
      path: video.path,
    });
    await expect.poll(() => parts.cutting(), { timeout: 120_000 }).toBe(true);
    const doneBeforeCut = parts.acknowledgedBeforeCut();
    await phoneSync.open();
    await phoneSync
      .runState()
      .filter({ hasText: /The store is not answering/ })
      .waitFor({ timeout: 60_000 });
    await phoneSync.badge().filter({ hasText: 'Sync failed: see Sync' }).waitFor();
    const phoneScreen = new JourneyPage(phone, 'sync-upload');
    await phoneScreen.shot('3-phone-store-not-answering');
    // At 360 px the Sync screen fits, its links are 44 px tap targets, the failed badge keeps to the brand's line
    // (it used to take a header row of its own), and axe is clean.
    expect(await phoneScreen.overflow()).toBeLessThanOrEqual(0);
    for (const name of ['Sync settings', 'Sync log']) {
      expect((await phone.getByRole('link', { name }).boundingBox())?.height, name).toBeGreaterThanOrEqual(44);
    }
    expect(await phoneScreen.headerHeight()).toBeLessThanOrEqual(150);
    expect(await phoneScreen.seriousViolations()).toEqual([]);
    await restartGateway(world.rgw);
    // No "Sync now": the retry after its backoff (at most a few seconds here) finishes the upload.
    await phoneSync.waitUntilSynced(180_000);
    const landed = await landedOnce(before, 40 * 1000 * 1000);
    const partCount = Math.ceil(landed.size / PART_SIZE);
    expect([...parts.acknowledged].sort((a, b) => a - b)).toEqual(Array.from({ length: partCount }, (_, i) => i + 1));
    expect(doneBeforeCut.size).toBeLessThan(partCount);
    for (const part of doneBeforeCut) expect(parts.sent.get(part), `part ${part}`).toBe(1);
    await expectOnTablet(tablet, 'Queue training video', video, '4-tablet-video-after-restart');
  }, 480_000);
});
