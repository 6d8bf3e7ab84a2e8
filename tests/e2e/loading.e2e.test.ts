// The first visit downloads the home screen only; other screens come on demand, and are precached so that
// a screen never opened online still opens offline.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, waitForOfflineReady, startServer, serveAppInChromium } from './harness';

const served = serveAppInChromium();

/** The app's scripts the page has requested so far (from the network or the service worker). */
function scriptsRequested(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path);
  });
  return scripts;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
const openFromMenu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

describe('loading screens on demand', () => {
  it('home loads without the bundle, verifier, trust or capture code; opening those screens fetches it', async () => {
    const context = await newContext(served.browser, { phone: true });
    const page = await context.newPage();
    const scripts = scriptsRequested(page);
    await page.goto(served.server.url);
    await heading(page, 'Portfolios');
    await page.waitForLoadState('networkidle');
    const onHome = [...scripts];
    expect(onHome.filter((s) => /(Verifier|Import|Trust|Form)Page|SignatureField|MediaCapture/.test(s))).toEqual([]);

    await openFromMenu(page, 'Open a bundle');
    await heading(page, 'Open a bundle');
    await openFromMenu(page, 'Trust');
    await heading(page, 'Trust');
    const onDemand = scripts.filter((s) => !onHome.includes(s));
    expect(onDemand.some((s) => s.includes('ImportPage'))).toBe(true);
    expect(onDemand.some((s) => s.includes('TrustPage'))).toBe(true);
    await context.close();
  });

  it('a screen never opened online opens offline, by a link and by a direct address', async () => {
    const offlineServer = await startServer();
    const context = await newContext(served.browser);
    const page = await context.newPage();
    await page.goto(offlineServer.url);
    await heading(page, 'Portfolios');
    await waitForOfflineReady(page);
    // The service worker is registered once the first screen is up, and says when the app works offline.
    await page.getByRole('status').filter({ hasText: 'Fieldfolio is ready to work offline.' }).waitFor();

    await offlineServer.close();
    await context.setOffline(true);
    await page.reload();
    await heading(page, 'Portfolios');
    await openFromMenu(page, 'Open a bundle');
    await heading(page, 'Open a bundle');
    await page.goto(offlineServer.url + '/verify');
    await heading(page, 'Verifier view');
    // The header and navigation are there as on any screen, not only the loading status.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.close();
  });
});
