// Shared setup of the sync browser tests (sync*.e2e.test.ts): a throwaway Ceph RGW (scripts/rgw.ts) and the built
// app, devices as on-disk Chromium profiles (phone 360 px, tablet, desktop 1280×800), the demo portfolio handed to
// the other devices by an exported bundle with the phone's key accepted, the centre's administrator's own S3 client
// on the bucket, and the few steps every sync test takes (open a portfolio, add evidence, list its titles).
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AwsClient } from 'aws4fetch';
import { startRgw, stopRgw, type Rgw } from '../../../scripts/rgw';
import { launchProfile, startServer, type Server } from '../harness';
import { PortfolioApp, pngBuffer } from './PortfolioApp';
import { SyncScreens, syncLink } from './SyncScreens';
import { TrustScreen } from './TrustScreen';

export type DeviceShape = 'phone' | 'tablet' | 'desktop';

const VIEWPORTS: Record<DeviceShape, { width: number; height: number } | null> = {
  phone: { width: 360, height: 740 },
  tablet: null, // the profile's own window
  desktop: { width: 1280, height: 800 },
};

export interface DeviceOptions {
  shape?: DeviceShape;
  /** A script run before the app in every page of the profile (e.g. a device clock that is off). */
  initScript?: string;
}

/** The RGW, the served app and the devices of one test file; started before its tests, stopped after them. */
export class SyncWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'fieldfolio-sync-e2e-'));
  private readonly contexts: BrowserContext[] = [];
  private started: { rgw: Rgw; server: Server } | null = null;

  /** Registers the file's beforeAll/afterAll. */
  static setUp(): SyncWorld {
    const world = new SyncWorld();
    beforeAll(async () => {
      const rgw = await startRgw();
      world.started = { rgw, server: await startServer() };
    }, 180_000);
    afterAll(async () => {
      for (const context of world.contexts) await context.close().catch(() => undefined);
      await world.started?.server.close();
      if (world.started) stopRgw(world.started.rgw);
    });
    return world;
  }

  get rgw(): Rgw {
    return this.started!.rgw;
  }

  get url(): string {
    return this.started!.server.url;
  }

  /** The centre's sync link (prefix "centre"), with any setting changed. */
  link(change: Partial<Rgw> = {}): string {
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = { ...this.rgw, ...change };
    return syncLink(this.url, { endpoint, bucket, region, accessKeyId, secretAccessKey, prefix: 'centre' });
  }

  /** A device: an on-disk profile showing the app's home screen. */
  async device(name: string, options: DeviceOptions = {}): Promise<Page> {
    const context = await launchProfile(join(this.dir, `${name}-profile`));
    context.setDefaultTimeout(20_000);
    if (options.initScript) await context.addInitScript(options.initScript);
    this.contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const viewport = VIEWPORTS[options.shape ?? 'tablet'];
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(this.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
    return page;
  }

  /** The phone loads the demo portfolio and exports it; each other device opens the file and accepts its key. */
  async shareDemoPortfolio(phone: Page, others: Page[]): Promise<void> {
    await phone.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    const bundlePath = await this.exportBundle(phone);
    for (const page of others) {
      await openBundle(page, bundlePath);
      const trust = new TrustScreen(page);
      await trust.open();
      await trust.acceptForEveryone(await trust.openAcceptForm());
    }
  }

  /** Exports the open portfolio as a bundle file (as a person carries it by hand); its path. */
  async exportBundle(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Export bundle' }).click();
    await page.getByTestId('export-ready').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download bundle' }).click(),
    ]);
    const path = join(this.dir, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    return path;
  }

  /** Connects a device by the centre's link and waits for its first good sync. */
  async connect(page: Page): Promise<SyncScreens> {
    const sync = new SyncScreens(page);
    await sync.connectByLink(this.link());
    expect(page.url()).not.toContain('#');
    await sync.open();
    await sync.waitUntilSynced();
    return sync;
  }

  /** The bucket as the centre's administrator sees it (the test's own S3 client, not the app). */
  admin(): AwsClient {
    return new AwsClient({ ...this.rgw, service: 's3', retries: 0 });
  }

  objectUrl(key: string): string {
    return `${this.rgw.endpoint}/${this.rgw.bucket}/${key}`;
  }

  /** Every bundle object in the centre's folder, with its size. */
  async bundleObjects(): Promise<Array<{ key: string; size: number }>> {
    const res = await this.admin().fetch(
      `${this.rgw.endpoint}/${this.rgw.bucket}?list-type=2&prefix=centre/portfolios/`,
    );
    const xml = await res.text();
    return [...xml.matchAll(/<Contents>.*?<Key>([^<]+)<\/Key>.*?<Size>(\d+)<\/Size>.*?<\/Contents>/gs)]
      .map((m) => ({ key: m[1]!, size: Number(m[2]) }))
      .filter((o) => o.key.includes('/bundles/'));
  }

  async bundleKeys(): Promise<string[]> {
    return (await this.bundleObjects()).map((o) => o.key);
  }

  /** Someone with write access to the bucket changes one byte in the middle of an object. */
  async alterObject(key: string): Promise<void> {
    const bytes = new Uint8Array(await (await this.admin().fetch(this.objectUrl(key))).arrayBuffer());
    bytes[bytes.length >> 1]! ^= 0xff;
    const res = await this.admin().fetch(this.objectUrl(key), { method: 'PUT', body: bytes });
    expect(res.status).toBe(200);
  }
}

/** Opens a bundle file on a device and adds it (or merges it into the portfolio already there). */
export async function openBundle(page: Page, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
  await page.getByLabel('Bundle file').setInputFiles(path);
  await page.getByTestId('bundle-summary').waitFor();
  await page.getByRole('button', { name: /^(Add to this device|Merge into my copy)$/ }).click();
  // Written, the import screen opens the portfolio by itself: a step taken before that would be undone by it.
  // With nothing written (every change held), it stays and says so.
  const nothingWritten = page.getByRole('status').filter({ hasText: /^Imported: 0 records written/ });
  await expect
    .poll(async () => /\/portfolios\/[^/]+$/.test(new URL(page.url()).pathname) || (await nothingWritten.count()) > 0, {
      timeout: 60_000,
    })
    .toBe(true);
}

export async function openPortfolio(page: Page, name = 'Annie Macleod'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
  await page
    .getByRole('link', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export const evidenceTitles = (page: Page) =>
  page.getByRole('list', { name: 'Evidence' }).locator('> li').allInnerTexts();

/** Waits until the open portfolio lists evidence whose title contains `title`. */
export async function waitForEvidence(page: Page, title: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(() => evidenceTitles(page), { timeout, interval: 1000 })
    .toEqual(expect.arrayContaining([expect.stringContaining(title)]));
}

export interface AttachedFile {
  name: string;
  mimeType: string;
  /** Bytes, or a path on disk (large files: Chromium reads them itself). */
  buffer?: Buffer;
  path?: string;
}

/** Adds evidence to the open portfolio, with a photo (`true`), a given file, or none. */
export async function addEvidence(page: Page, type: string, title: string, file: boolean | AttachedFile) {
  await page.getByRole('link', { name: 'Add other evidence' }).click();
  const form = page.getByRole('form', { name: 'Evidence' });
  await form.getByLabel('Type of evidence').selectOption(type);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel(/^(Description|What the assessor observed)/).fill(`${title}: what happened, in words.`);
  const attached = file === true ? { name: 'till.png', mimeType: 'image/png', buffer: pngBuffer() } : file || null;
  if (attached?.path) await form.getByLabel('Add file').setInputFiles(attached.path);
  else if (attached?.buffer) await form.getByLabel('Add file').setInputFiles(attached as Required<AttachedFile>);
  if (attached) await form.getByText('Chosen files (1)').waitFor({ timeout: 60_000 });
  if ((await form.locator('canvas').count()) > 0) await new PortfolioApp(page, '').drawSignature(form);
  await form.getByRole('button', { name: 'Save evidence' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
}

/** Sets the label other devices see this one by, on /sync/settings. */
export async function setDeviceLabel(page: Page, label: string): Promise<void> {
  await new SyncScreens(page).open();
  await page.getByRole('link', { name: 'Sync settings' }).click();
  const form = page.getByRole('form', { name: 'This device’s name' });
  await form.getByLabel('Name other devices see for this one').fill(label);
  await form.getByRole('button', { name: 'Save the name' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `other devices will show this one as “${label}”` })
    .waitFor();
}
