// Sync through a real Ceph RADOS Gateway (scripts/rgw.ts), between on-disk Chromium profiles: an assessor's phone
// (360 px) and a candidate's tablet. The phone connects by the centre's link, records an observation with a photo
// offline and goes online; the tablet shows it without anyone touching it. A change from a key the phone does not
// accept is held, with its fingerprint, until accepted. Both edit one evidence item offline: both see the
// conflict. Wrong credentials give the 403 message. The gateway stopped and restarted with a change waiting: the
// state says so, and the change arrives after. An object altered in the bucket is refused and logged, changing
// nothing. The tests run in order and share the two devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AwsClient } from 'aws4fetch';
import { restartGateway, startRgw, stopGateway, stopRgw, type Rgw } from '../../scripts/rgw';
import { launchProfile, startServer, type Server } from './harness';
import { seriousViolations } from './axe';
import { PortfolioApp, pngBuffer } from './pages/PortfolioApp';
import { SyncScreens, syncLink } from './pages/SyncScreens';
import { TrustScreen } from './pages/TrustScreen';

const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-sync-e2e-'));
const contexts: BrowserContext[] = [];
let rgw: Rgw | undefined;
let server: Server | undefined;

beforeAll(async () => {
  rgw = await startRgw();
  server = await startServer();
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.close();
  if (rgw) stopRgw(rgw);
});

const link = (change: Partial<Rgw> = {}) => {
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = { ...rgw!, ...change };
  return syncLink(server!.url, { endpoint, bucket, region, accessKeyId, secretAccessKey, prefix: 'centre' });
};

async function device(name: string, phone = false): Promise<Page> {
  const context = await launchProfile(join(dir, `${name}-profile`));
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  if (phone) await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server!.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
  return page;
}

async function openPortfolio(page: Page, name = 'Annie Macleod') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
  await page
    .getByRole('link', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const evidenceTitles = (page: Page) => page.getByRole('list', { name: 'Evidence' }).locator('> li').allInnerTexts();

async function addEvidence(page: Page, type: string, title: string, photo: boolean) {
  await page.getByRole('link', { name: 'Add other evidence' }).click();
  const form = page.getByRole('form', { name: 'Evidence' });
  await form.getByLabel('Type of evidence').selectOption(type);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel(/^(Description|What the assessor observed)/).fill(`${title}: what happened, in words.`);
  if (photo) {
    await form.getByLabel('Add file').setInputFiles({ name: 'till.png', mimeType: 'image/png', buffer: pngBuffer() });
    await form.getByText('Chosen files (1)').waitFor();
  }
  if ((await form.locator('canvas').count()) > 0) await new PortfolioApp(page, server!.url).drawSignature(form);
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The bucket as the centre's administrator sees it (the test's own S3 client, not the app). */
const admin = () => new AwsClient({ ...rgw!, service: 's3', retries: 0 });
const objectUrl = (key: string) => `${rgw!.endpoint}/${rgw!.bucket}/${key}`;

async function bundleKeys(): Promise<string[]> {
  const res = await admin().fetch(`${rgw!.endpoint}/${rgw!.bucket}?list-type=2&prefix=centre/portfolios/`);
  const keys = [...(await res.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!);
  return keys.filter((key) => key.includes('/bundles/'));
}

/** Someone with write access to the bucket changes one byte in the middle of an object. */
async function alterObject(key: string): Promise<void> {
  const bytes = new Uint8Array(await (await admin().fetch(objectUrl(key))).arrayBuffer());
  bytes[bytes.length >> 1]! ^= 0xff;
  const res = await admin().fetch(objectUrl(key), { method: 'PUT', body: bytes });
  expect(res.status).toBe(200);
}

describe('sync through the centre’s store', () => {
  let phone: Page;
  let tablet: Page;

  it('wrong credentials: the connection test and the Sync screen say the store refused them (403)', async () => {
    const page = await device('wrong-key');
    const sync = new SyncScreens(page);
    await sync.connectByLink(link({ secretAccessKey: 'not-the-secret-0000000000000000000000000' }));
    expect(page.url()).not.toContain('#');
    expect(page.url()).toMatch(/\/sync\/settings$/);
    const verdict = await sync.testConnection();
    await expect
      .poll(() => verdict.getByTestId('step-credentials').textContent())
      .toMatch(/failed.*refused this device’s key/);
    expect(await verdict.getByTestId('step-reachable').textContent()).toMatch(/passed/);
    expect(await verdict.getByTestId('step-cors').textContent()).toMatch(/passed/);
    expect(await verdict.getByTestId('step-write').textContent()).toMatch(/not checked/);
    expect(await seriousViolations(page)).toEqual([]);
    await sync.open();
    await sync.runState().filter({ hasText: 'The store refused the credentials (403)' }).waitFor();
    // The header's state follows the run that just failed (it may still say 'Syncing…' for a moment).
    await expect.poll(() => sync.badge().textContent(), { timeout: 15_000 }).toBe('Sync failed: see Sync');
    await page.context().close();
  }, 120_000);

  it('the phone records an observation with a photo offline; online, the tablet shows it by itself', async () => {
    phone = await device('assessor-phone', true);
    tablet = await device('candidate-tablet');
    // The tablet has the portfolio from an opened bundle, and accepted the phone's key (docs/trust.md).
    await phone.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await phone.getByRole('button', { name: 'Export bundle' }).click();
    await phone.getByTestId('export-ready').waitFor();
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('link', { name: 'Download bundle' }).click(),
    ]);
    const bundlePath = join(dir, download.suggestedFilename());
    await download.saveAs(bundlePath);
    await tablet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
    await tablet.getByLabel('Bundle file').setInputFiles(bundlePath);
    await tablet.getByTestId('bundle-summary').waitFor();
    await tablet.getByRole('button', { name: 'Add to this device' }).click();
    const trust = new TrustScreen(tablet);
    await trust.open();
    await trust.acceptForEveryone(await trust.openAcceptForm());

    // Both connect by the centre's link and sync once.
    const phoneSync = new SyncScreens(phone);
    const tabletSync = new SyncScreens(tablet);
    await phoneSync.connectByLink(link());
    expect(phone.url()).not.toContain('#');
    await phone.getByRole('button', { name: 'Show the sync link as a QR code' }).click();
    await phone.getByTestId('sync-qr').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phoneSync.open();
    await phoneSync.waitUntilSynced();
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tabletSync.connectByLink(link());
    await tabletSync.open();
    await tabletSync.waitUntilSynced();
    await openPortfolio(tablet);
    const before = await evidenceTitles(tablet);

    // Offline, the phone records; the header says the change waits.
    await phone.context().setOffline(true);
    await openPortfolio(phone);
    await addEvidence(phone, 'O', 'Observed at the till on Saturday', true);
    await phoneSync
      .badge()
      .filter({ hasText: /offline|waiting/ })
      .waitFor();
    await phone.context().setOffline(false);
    await phoneSync.badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 60_000 });

    // The tablet, untouched, pulls it on its own (every minute while visible).
    await expect
      .poll(() => evidenceTitles(tablet), { timeout: 100_000, interval: 1000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Observed at the till on Saturday')]));
    expect((await evidenceTitles(tablet)).length).toBe(before.length + 1);
    await tablet.getByRole('link', { name: /Observed at the till on Saturday/ }).click();
    await expect.poll(() => tablet.getByRole('region', { name: 'Media' }).getByRole('figure').count()).toBe(1);
  }, 300_000);

  it('a change signed by a key the phone does not accept is held, with its fingerprint, until accepted', async () => {
    const tabletFingerprint = await (async () => {
      const trust = new TrustScreen(tablet);
      await trust.open();
      return trust.ownFingerprint();
    })();
    await new PortfolioApp(tablet, server!.url).actAs(/Annie Macleod/);
    await openPortfolio(tablet);
    await addEvidence(tablet, 'RA', 'How I handle a queue', false);
    const tabletSync = new SyncScreens(tablet);
    await tabletSync.badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 60_000 });

    const phoneSync = new SyncScreens(phone);
    await phoneSync.open();
    await phoneSync.syncNow();
    const held = phoneSync.heldSigners().filter({ hasText: tabletFingerprint });
    await held.waitFor({ timeout: 30_000 });
    await openPortfolio(phone);
    expect((await evidenceTitles(phone)).join('\n')).not.toContain('How I handle a queue');

    await phoneSync.open();
    await held.getByRole('button', { name: 'Accept this key…' }).click();
    const form = phone.getByRole('form', { name: 'Accept this key' });
    expect(await form.getByTestId('accept-fingerprint').textContent()).toBe(tabletFingerprint);
    expect(await seriousViolations(phone)).toEqual([]);
    await new TrustScreen(phone).acceptForEveryone(form);
    await openPortfolio(phone);
    await expect
      .poll(() => evidenceTitles(phone), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('How I handle a queue')]));
  }, 180_000);

  it('both edit the same evidence offline; after syncing both see the conflict', async () => {
    const edit = async (page: Page, title: string) => {
      await openPortfolio(page);
      await page.getByRole('link', { name: /How I handle a queue/ }).click();
      await page.getByRole('button', { name: 'Edit details or add media' }).click();
      const form = page.getByRole('form', { name: 'Edit evidence' });
      await form.getByLabel('Title').fill(title);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    };
    await phone.context().setOffline(true);
    await tablet.context().setOffline(true);
    await edit(phone, 'Queues: what the assessor saw');
    await edit(tablet, 'Queues: how I see it');
    await phone.context().setOffline(false);
    await tablet.context().setOffline(false);
    const phoneSync = new SyncScreens(phone);
    const tabletSync = new SyncScreens(tablet);
    for (const sync of [phoneSync, tabletSync, phoneSync]) {
      await sync.open();
      await sync.syncNow();
      await sync.waitUntilSynced();
    }
    for (const page of [phone, tablet]) {
      await openPortfolio(page);
      await page
        .getByRole('heading', { name: /Changes made on two devices at once \(1\)/ })
        .waitFor({ timeout: 30_000 });
    }
  }, 180_000);

  it('the store goes away with a change waiting: the state says so, nothing is lost, sync resumes', async () => {
    const phoneSync = new SyncScreens(phone);
    stopGateway(rgw!);
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Till roll while the store was down', true);
    await phoneSync.open();
    await phoneSync
      .runState()
      .filter({ hasText: /not answering/ })
      .waitFor({ timeout: 60_000 });
    await phoneSync.badge().filter({ hasText: 'Sync failed: see Sync' }).waitFor();
    await restartGateway(rgw!);
    await phoneSync.syncNow();
    await phoneSync.waitUntilSynced();
    const tabletSync = new SyncScreens(tablet);
    await tabletSync.open();
    await tabletSync.syncNow();
    await tabletSync.waitUntilSynced();
    await openPortfolio(tablet);
    await expect
      .poll(() => evidenceTitles(tablet), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Till roll while the store was down')]));
  }, 180_000);

  it('an object altered in the bucket is refused and logged, and the tablet changes nothing', async () => {
    const tabletSync = new SyncScreens(tablet);
    await tablet.context().setOffline(true);
    const before = new Set(await bundleKeys());
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Altered on its way', true);
    await expect.poll(async () => (await bundleKeys()).length, { timeout: 60_000 }).toBe(before.size + 1);
    const [pushed] = (await bundleKeys()).filter((key) => !before.has(key));
    await alterObject(pushed!);
    await openPortfolio(tablet);
    await expect.poll(async () => (await evidenceTitles(tablet)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const titlesBefore = await evidenceTitles(tablet);
    await tablet.context().setOffline(false);
    await tabletSync.open();
    await tabletSync.syncNow();
    await tabletSync.waitUntilSynced();
    await tablet.getByRole('link', { name: 'Sync log' }).click();
    await tablet
      .getByTestId('sync-log-row')
      .filter({ hasText: `Refused ${pushed}` })
      .filter({ hasText: 'Nothing was changed' })
      .waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await openPortfolio(tablet);
    // The list fills in after the heading: wait for it; an applied altered object would add its title and fail here.
    await expect.poll(() => evidenceTitles(tablet), { timeout: 15_000 }).toEqual(titlesBefore);
  }, 180_000);
});
