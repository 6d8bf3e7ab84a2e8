// Long words wrap everywhere: a name as long as a name may be (200 characters, no spaces) keeps the people,
// home and portfolio screens within a 360 px phone, and the name field stops at its limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, startServer, type Server } from './harness';
import { PortfolioApp } from './pages/PortfolioApp';

let server: Server;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('a very long unbroken name on a 360 px phone', () => {
  it('stops at 200 characters and never widens the page', async () => {
    const context = await newContext(browser, { phone: true });
    const app = new PortfolioApp(await context.newPage(), server.url);
    const { page } = app;
    await app.openHome();
    const longName = 'W'.repeat(200);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    const name = page.getByRole('form', { name: 'Add a person' }).getByLabel('Name');
    await name.fill('W'.repeat(5_000));
    expect(await name.inputValue()).toBe(longName);
    await expect.poll(() => page.getByText('200 of 200 characters').count()).toBe(1);

    await app.addPerson(longName, ['Candidate']);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await app.addPerson('Jo Assessor', ['Assessor'], 'Qualified assessor');

    await app.startPortfolio(longName, /SVQ2 in Customer Service/, 'Jo Assessor');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    await app.openHome();
    await page.getByRole('main').getByText(longName, { exact: false }).first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await context.close();
  }, 90_000);
});
