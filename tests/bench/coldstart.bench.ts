// Offline cold start on a slow phone, in Debian's Chromium: an on-disk profile (launchProfile) whose service worker
// precached the app on a first visit, the server then shut down and the context offline, the CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate). Each run is a fresh browser process on that profile, as an app launch is.
//   1. Cold start to a usable home screen (the demo portfolio loaded): navigation start to the home screen's
//      "shown" mark (src/ui/pages/home/marks.ts: its caseload rendered), median of RUNS. Peer, measured the same way
//      in the same runs: an empty page (an HTML page with one paragraph and one inline script setting the mark).
//   2. Largest Contentful Paint of the home, portfolio and observation-form screens, each opened cold by its address,
//      and Interaction to Next Paint of a real click or key press on each (Event Timing entries with an
//      interactionId, durationThreshold 16 ms: the longest). Targets: start < 1.0 s, LCP < 1.5 s, INP < 200 ms.
//   3. The scripts each cold home start fetched before the home screen was usable, gzipped from dist/ (the figure
//      size.bench.ts counts from index.html, checked against what the browser really asked for).
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchProfile, startServer, waitForOfflineReady } from '../e2e/harness';

const RUNS = 7;
const CPU_SLOWDOWN = 4;
const SHOWN = 'fieldfolio:home-shown';
const PHONE = { width: 360, height: 740 };
const TARGET = { startMs: 1000, lcpMs: 1500, inpMs: 200 };
/** The peer: nothing but a paragraph and the same mark, so its time is the browser's own floor for a page load. */
const EMPTY_PAGE = `<!doctype html><html lang="en"><title>Empty</title><p>Empty page</p><script>performance.mark('${SHOWN}')</script></html>`;
const EMPTY_URL = 'http://empty.invalid/';

interface Screen {
  name: string;
  path: string;
  /** The heading that says the screen is there. */
  heading: string | RegExp;
  /** One real interaction on the screen, for INP. */
  interact: (page: Page) => Promise<void>;
}

interface ColdPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/** A fresh browser process on the profile: offline, phone-sized, the CPU slowed. */
export async function coldPage(profile: string): Promise<ColdPage> {
  const context = await launchProfile(profile);
  await context.setOffline(true);
  // The peer page comes from here: the offline switch does not stop a routed request.
  await context.route(EMPTY_URL, (route) => route.fulfill({ contentType: 'text/html', body: EMPTY_PAGE }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(PHONE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/**
 * The app's scripts the page had asked for by the time of the mark `name` (resource timing): not the work deferred
 * until the screen is up, which starts a moment after it, before the mark is read.
 */
function scriptsRequestedBy(page: Page, name: string): Promise<string[]> {
  return page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0]!.startTime;
    return performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime <= at)
      .map((r) => new URL(r.name).pathname)
      .filter((path) => path.startsWith('/assets/') && path.endsWith('.js'));
  }, name);
}

/** Runs `run` on a fresh cold page of the profile (coldPage), closing its browser afterwards. */
export async function withColdPage<T>(profile: string, run: (cold: ColdPage) => Promise<T>): Promise<T> {
  const cold = await coldPage(profile);
  try {
    return await run(cold);
  } finally {
    await cold.context.close();
  }
}

/**
 * Runs `run` on a profile the app was installed in (firstVisit), its server then shut down, so every load after is
 * offline; `origin` is the gone server's, which the service worker still answers. The profile is removed after.
 */
export async function withInstalledProfile<T>(
  name: string,
  run: (profile: string, origin: string, addresses: { portfolio: string; form: string }) => Promise<T>,
): Promise<T> {
  const server = await startServer();
  const profile = await mkdtemp(join(tmpdir(), `fieldfolio-${name}-`));
  try {
    const addresses = await firstVisit(profile, server.url);
    await server.close();
    return await run(profile, server.url, addresses);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Waits until `expression` is true in the page, asking through CDP's Runtime.evaluate (a one-line expression). Not
 * Playwright's waitForFunction or locators: they first inject Playwright's own script (~400 ms to evaluate at 4×
 * slowdown) and poll on every animation frame, on the page's main thread, in the middle of the app's start (the
 * empty page has set its mark before they run, so it never paid for them). A trace showed both in the app's time.
 */
export async function waitInPage(cdp: CDPSession, expression: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Milliseconds from navigation start to the "shown" mark (read from the page's own performance timeline). */
async function timeToShown({ page, cdp }: ColdPage, url: string): Promise<number> {
  await page.goto(url);
  await waitInPage(cdp, `performance.getEntriesByName(${JSON.stringify(SHOWN)}).length > 0`);
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, SHOWN);
}

/**
 * A level-1 heading whose text matches (a string as getByRole matches a name: case-insensitive, anywhere in it), as
 * the screen's "it is there" (see waitInPage for why not a locator).
 */
function headingShown(name: string | RegExp): string {
  const re = typeof name === 'string' ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : name;
  const test = `new RegExp(${JSON.stringify(re.source)}, ${JSON.stringify(re.flags)})`;
  return `[...document.querySelectorAll('h1')].some((h) => ${test}.test(h.textContent.trim()))`;
}

/** Starts collecting LCP and Event Timing entries (buffered: those before this call count too). */
async function observePaints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = ((window as unknown as { __perf: { lcp: number; inp: number } }).__perf = { lcp: 0, inp: 0 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.lcp = Math.max(seen.lcp, e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        if (e.interactionId) seen.inp = Math.max(seen.inp, e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

const readPaints = (page: Page) =>
  page.evaluate(() => (window as unknown as { __perf: { lcp: number; inp: number } }).__perf);

/** One cold open of a screen by its address: its LCP, then one interaction's INP. */
function measureScreen(profile: string, origin: string, screen: Screen): Promise<{ lcp: number; inp: number }> {
  return withColdPage(profile, async ({ page, cdp }) => {
    await page.goto(origin + screen.path);
    await waitInPage(cdp, headingShown(screen.heading));
    await observePaints(page);
    // LCP is final once the screen has settled and before the first input.
    await page.waitForTimeout(1500);
    const { lcp } = await readPaints(page);
    await screen.interact(page);
    // Event Timing entries arrive after the next paint.
    await page.waitForTimeout(1000);
    const { inp } = await readPaints(page);
    return { lcp, inp };
  });
}

/** The first visit, online: precaches the app, loads the demo portfolio, finds the observation form's address. */
export async function firstVisit(profile: string, origin: string): Promise<{ portfolio: string; form: string }> {
  const context = await launchProfile(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(origin);
    await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
    await waitForOfflineReady(page);
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await page.waitForURL(/\/portfolios\/[^/]+$/, { timeout: 60_000 });
    const portfolio = new URL(page.url()).pathname;
    await page.goto(origin + portfolio + '/forms');
    const link = page.locator('main a[href*="/forms/"]', { hasText: /observation/i }).first();
    const form = new URL((await link.getAttribute('href'))!, origin).pathname;
    return { portfolio, form };
  } finally {
    await context.close();
  }
}

function screensOf(addresses: { portfolio: string; form: string }): Screen[] {
  return [
    {
      name: 'home',
      path: '/',
      heading: 'Portfolios',
      // The home screen's everyday tap: a candidate's card, opening their portfolio.
      interact: (page) => page.locator('main li.caseload-card a').first().click(),
    },
    {
      name: 'portfolio',
      path: addresses.portfolio,
      heading: /.+/,
      interact: (page) => page.locator('main summary').first().click(),
    },
    {
      name: 'observation form',
      path: addresses.form,
      heading: /observation/i,
      interact: async (page) => {
        await page.locator('main textarea').first().click();
        await page.keyboard.type('x');
      },
    },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchColdStart(distDir = resolve('dist')): Promise<void> {
  await withInstalledProfile('coldstart', async (profile, origin, addresses) => {
    const app: number[] = [];
    const empty: number[] = [];
    let fetched: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      await withColdPage(profile, async (cold) => {
        app.push(await timeToShown(cold, origin + '/'));
        fetched = [...new Set(await scriptsRequestedBy(cold.page, SHOWN))];
      });
      empty.push(await withColdPage(profile, (peer) => timeToShown(peer, EMPTY_URL)));
    }
    const fetchedGzip = fetched.reduce((sum, s) => sum + gzipSync(readFileSync(join(distDir, s))).length, 0);
    console.log(
      `\nOffline cold start to a usable home screen (demo portfolio; on-disk profile, service worker, ${CPU_SLOWDOWN}× CPU ` +
        `slowdown, ${PHONE.width}×${PHONE.height}), median of ${RUNS}: ${median(app).toFixed(0)} ms ` +
        `(runs: ${list(app)}); empty page the same way: ${median(empty).toFixed(0)} ms (runs: ${list(empty)}); ` +
        `×${(median(app) / median(empty)).toFixed(1)} of the empty page; target < ${TARGET.startMs} ms` +
        `\nScripts the home screen fetched before it was usable: ${fetched.length} files, ${kb(fetchedGzip)} gzipped`,
    );

    for (const screen of screensOf(addresses)) {
      const runs: Array<{ lcp: number; inp: number }> = [];
      for (let i = 0; i < Math.ceil(RUNS / 2); i++) runs.push(await measureScreen(profile, origin, screen));
      const lcp = runs.map((r) => r.lcp);
      const inp = runs.map((r) => r.inp);
      console.log(
        `${screen.name}: LCP median ${median(lcp).toFixed(0)} ms (runs: ${list(lcp)}; target < ${TARGET.lcpMs} ms); ` +
          `INP median ${median(inp).toFixed(0)} ms (runs: ${list(inp)}; target < ${TARGET.inpMs} ms); ` +
          `empty page start beside it: ${median(empty).toFixed(0)} ms`,
      );
    }
  });
}
