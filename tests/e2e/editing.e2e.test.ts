import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, startServer, type Server } from './harness';
import { seriousViolations } from './axe';
import { PortfolioApp } from './pages/PortfolioApp';

let browser: Browser;
let server: Server;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('editing after creation, at 360 px', () => {
  it('changes the route and assessor, evidence details and media, and a person’s assessor status', async () => {
    const phone = await newContext(browser, { phone: true });
    const page = await phone.newPage();
    const app = new PortfolioApp(page, server.url);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await app.openHome();
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();

    // Route and people, by keyboard.
    const toggle = page.getByRole('button', { name: 'Edit route and people' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit route and people' });
    await form.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    const verdict = form.getByTestId('route-verdict');
    await form.getByRole('checkbox', { name: /^B2 / }).focus();
    await page.keyboard.press('Space');
    await verdict.filter({ hasText: 'does not yet meet' }).waitFor();
    await form.getByRole('checkbox', { name: /^B4 / }).focus();
    await page.keyboard.press('Space');
    await verdict.filter({ hasText: 'meets the rules' }).waitFor();
    await form.getByLabel('Assessor').selectOption({ label: 'Tia Brown (working towards)' });
    await page.screenshot({ path: 'tests/e2e/screenshots/edit-route-360.png' });
    await form.getByRole('button', { name: 'Save route and people' }).click();
    await page.getByRole('status').filter({ hasText: 'Route and people saved.' }).waitFor();
    const facts = page.getByTestId('enrolment-facts');
    // The saved enrolment reaches the screen through its live query, a moment after the write.
    await expect.poll(() => facts.textContent()).toContain('B4');
    expect(await facts.textContent()).not.toContain('B2');
    expect(await facts.textContent()).toContain('Tia Brown');

    // Evidence details and one more file.
    await page.getByRole('link', { name: 'Busy gate: rejected card and a long queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Busy gate: rejected card and a long queue' }).waitFor();
    const mediaBefore = await page.getByRole('region', { name: 'Media' }).getByRole('figure').count();
    await page.getByRole('button', { name: 'Edit details or add media' }).click();
    const edit = page.getByRole('form', { name: 'Edit evidence' });
    await edit.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByLabel('Title').fill('Busy gate on a Saturday');
    await edit.getByLabel('Date').fill('2026-06-06');
    await edit
      .getByLabel('Add file')
      .setInputFiles({ name: 'rota.txt', mimeType: 'text/plain', buffer: Buffer.from('Saturday rota') });
    await edit.getByText('Chosen files (1)').waitFor();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Busy gate on a Saturday' }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Media' }).getByRole('figure').count())
      .toBe(mediaBefore + 1);
    expect(await page.getByTestId('mapped-criteria').getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Signatures' }).getByRole('figure').count()).toBeGreaterThan(0);

    // A trainee assessor becomes qualified.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Edit Tia Brown' }).click();
    const person = page.getByRole('form', { name: 'Edit Tia Brown' });
    await person.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await person.getByLabel('Assessor qualification').selectOption({ label: 'Qualified assessor' });
    await person.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Tia Brown saved.' }).waitFor();
    // At 360 px people are cards, one per person (the table's Edit buttons sat off-screen).
    const row = page
      .getByRole('list', { name: 'People' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Tia Brown' }) });
    await expect.poll(() => row.textContent()).toContain('Qualified');
    expect(await row.textContent()).not.toContain('Working towards');
    await phone.close();
  });
});
