// Browser tests run the built app (dist/) in Debian's Chromium through playwright-core.
import { execSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  const found = execSync('command -v chromium || command -v chromium-browser || true', { encoding: 'utf8' }).trim();
  if (!found) throw new Error('Chromium not found: run `npm test` (it installs Debian chromium) or set CHROMIUM_PATH');
  return found;
}

export interface Server {
  url: string;
  close: () => Promise<void>;
}

/** Serves dist/ on a free port: each test file gets its own origin (its own service worker and storage). */
export async function startServer(): Promise<Server> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does)');
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // Keep-alive connections from the browser would otherwise hold the server open.
      (server.httpServer as import('node:http').Server).closeAllConnections?.();
      await server.close();
    },
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A browser with an on-disk profile, as an installed app has. `browser.newContext()` is an incognito
 * context, where Chromium keeps IndexedDB in memory: measured 4–10× slower for bulk writes, so figures
 * taken there say nothing about a real device.
 */
export async function launchProfile(userDataDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function newContext(browser: Browser, options: { phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext(
    options.phone
      ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 900 } },
  );
  // Fail with the locator's name well before the test's own timeout.
  context.setDefaultTimeout(15_000);
  return context;
}

/** Waits until the service worker controls the page, i.e. the app shell and specs are precached. */
export async function waitForOfflineReady(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        // A first visit is not controlled until clients.claim(); a reload always is.
        setTimeout(resolve, 5000);
      });
    }
    return registration.active?.state;
  });
}

/**
 * After a first visit: waits until the app is precached (waitForOfflineReady), reloads the page, served now by the
 * service worker, and waits for `shown` (by default the home screen's heading).
 */
export async function reloadOfflineReady(
  page: import('playwright-core').Page,
  shown: import('playwright-core').Locator = page.getByRole('heading', { level: 1, name: 'Portfolios' }),
): Promise<void> {
  await waitForOfflineReady(page);
  await page.reload();
  await shown.waitFor();
}

/** Serves dist/ and launches Chromium before the file's tests, and closes both after them. */
export function serveAppInChromium(extraArgs: string[] = []): { readonly server: Server; readonly browser: Browser } {
  const served = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    served.server = await startServer();
    served.browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}

/**
 * Devices for a test that carries files between them: each device its own browser with its own on-disk profile
 * (storage, keys, service worker) in one fresh temporary folder, where what they download is saved too.
 */
export function devicesInFolder(prefix: string, timeoutMs: number) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    async device(name: string): Promise<{ context: BrowserContext; page: Page }> {
      const context = await launchProfile(join(dir, `${name}-profile`));
      context.setDefaultTimeout(timeoutMs);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    },
    /** The file `click` makes `page` download, saved in the folder: its path. */
    async download(page: Page, click: () => Promise<void>): Promise<string> {
      const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = join(dir, dl.suggestedFilename());
      await dl.saveAs(path);
      return path;
    },
  };
}
