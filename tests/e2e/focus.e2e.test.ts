// Moving between pages on a phone: each new page opens at its top, with focus on its heading, as a page load would;
// Back returns to where the user was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, startServer, type Server } from './harness';
import { AppShell } from './pages/AppShell';
import { QualificationsPage } from './pages/QualificationsPage';

let server: Server;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, { phone: true });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('moving between pages', () => {
  it('leaves a long spec page scrolled down and opens the next page at its top, focus on its heading', async () => {
    const qualifications = new QualificationsPage(await context.newPage(), server.url);
    const shell = new AppShell(qualifications.page);
    await qualifications.open();
    await qualifications.openQualification('SVQ 4 in Customer Service at SCQF Level 8');
    await shell.scrollTo(1425);
    expect(await shell.scrollY()).toBeGreaterThan(1000);

    await shell.followNavLink('People');
    await qualifications.page.getByRole('heading', { level: 1, name: 'People on this device' }).waitFor();
    await expect.poll(() => shell.focused()).toBe('H1 People on this device');
    expect(await shell.scrollY()).toBe(0);
    expect(await shell.focusRingShown()).toBe(false);

    // Back: focus on its heading again, and the page where the user left it.
    await qualifications.page.goBack();
    await expect.poll(() => shell.focused()).toBe('H1 SVQ 4 in Customer Service at SCQF Level 8');
    await expect.poll(() => shell.scrollY()).toBe(1425);
  });
});
