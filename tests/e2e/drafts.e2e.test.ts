// Text typed just before the page goes away is kept (issue 13, point 17): typed, then a reload (or Back, then a
// reload) at once, with no pause for the draft's IndexedDB write; the text is there when the form opens again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, serveAppInChromium } from './harness';
import { PortfolioApp } from './pages/PortfolioApp';

const served = serveAppInChromium();
let context: BrowserContext;
let page: Page;
let app: PortfolioApp;
let portfolioUrl: string;
beforeAll(async () => {
  context = await newContext(served.browser);
  page = await context.newPage();
  app = new PortfolioApp(page, served.server.url);
  await app.openHome();
  await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
  await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
  portfolioUrl = page.url();
});
afterAll(async () => context?.close());

/** Reloads the page without waiting for anything the app may still be writing. */
const reloadNow = () => page.reload({ waitUntil: 'commit' });

describe('a draft typed just before the page goes away', () => {
  it('the observation form keeps what was typed when the page reloads straight after', async () => {
    await page.goto(portfolioUrl);
    await page.getByRole('link', { name: 'Record an observation' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    await form.getByLabel('Title').fill('Calming a queue at the gate');
    await form.getByLabel('What the assessor observed').fill('Annie explained the delay to each family');
    await reloadNow();
    await page.getByRole('status').filter({ hasText: 'Restored your unsaved evidence' }).waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Calming a queue at the gate');
    expect(await form.getByLabel('What the assessor observed').inputValue()).toBe(
      'Annie explained the delay to each family',
    );
    await page.getByRole('button', { name: 'Discard it and start afresh' }).click();
    await expect.poll(() => form.getByLabel('Title').inputValue()).toBe('');
  });

  it('the observation form keeps what was typed when Back is pressed and the page reloads straight after', async () => {
    await page.goto(portfolioUrl);
    await page.getByRole('link', { name: 'Record an observation' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    await form.getByLabel('Title').fill('Typed, then Back');
    await page.goBack({ waitUntil: 'commit' });
    await reloadNow();
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await page.getByRole('link', { name: 'Record an observation' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored your unsaved evidence' }).waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Typed, then Back');
    await page.getByRole('button', { name: 'Discard it and start afresh' }).click();
    await expect.poll(() => form.getByLabel('Title').inputValue()).toBe('');
  });

  it('a new recording form keeps what was typed when the page reloads straight after', async () => {
    await page.goto(portfolioUrl);
    await page.getByRole('link', { name: 'Recording forms' }).click();
    await page.getByRole('link', { name: 'New observation record' }).click();
    const observed = page.getByLabel('Skills/activities observed');
    await observed.fill('Handled a queue of visitors calmly.');
    await reloadNow();
    await expect
      .poll(() => page.getByLabel('Skills/activities observed').inputValue())
      .toBe('Handled a queue of visitors calmly.');
  });
});
