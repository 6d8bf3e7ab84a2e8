import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, reloadOfflineReady, startServer, type Server } from './harness';
import { seriousViolations } from './axe';
import { PortfolioApp, pngBuffer } from './pages/PortfolioApp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** First visit online (the service worker precaches everything), then the server goes away for good. */
async function installedThenOffline(): Promise<{ context: BrowserContext; app: PortfolioApp }> {
  const server: Server = await startServer();
  const context = await newContext(browser);
  const page = await context.newPage();
  const app = new PortfolioApp(page, server.url);
  await app.openHome();
  await reloadOfflineReady(page);
  await server.close();
  await context.setOffline(true);
  return { context, app };
}

describe('portfolio on the device, offline', () => {
  it('creates people and an enrolment, records an observation with a photo, a drawn signature and criteria; all survives an offline reload', async () => {
    const { context, app } = await installedThenOffline();
    const { page } = app;
    await app.addPerson('Annie Candidate', ['Candidate']);
    await app.addPerson('Jo Assessor', ['Assessor'], 'Qualified assessor');
    await app.actAs(/Jo Assessor/);
    await app.startPortfolio('Annie Candidate', /SVQ2 in Customer Service/, 'Jo Assessor');
    expect(await app.coverage('F1').textContent()).toBe('0%');

    await page.getByRole('link', { name: 'Record an observation' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    await form.getByLabel('Title').fill('Greeting visitors at the gate');
    await form
      .getByLabel('What the assessor observed')
      .fill('Annie greeted each family and explained the ticket options.');
    await form.getByText('More details (optional)').click();
    await form.getByLabel('Location').fill('Main gate');
    await form
      .locator('input[type=file][accept="image/*"]')
      .setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: pngBuffer() });
    await form.getByText('Chosen files (1)').waitFor();
    // Map to both elements of F1 and one of A10 (cross-referencing).
    await app.mapCriterion('F1', /^F1\.1 /);
    await app.mapCriterion('F1', /^F1\.2 /);
    const sig = app.signatureField("Assessor's signature");
    await app.drawSignature(sig);
    await sig.getByText('✓ Signed').waitFor();
    await form.getByRole('button', { name: 'Save evidence' }).click();

    await page.getByRole('heading', { level: 1, name: 'Greeting visitors at the gate' }).waitFor();
    await page.getByRole('img', { name: /^photo-.*\.png$/ }).waitFor();
    await expect.poll(() => page.getByTestId('mapped-criteria').locator('li').count()).toBe(2);
    const signatureImage = page.getByRole('img', { name: /Signature of Jo Assessor/ });
    expect(await signatureImage.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    // Reload while offline: everything is still there, and progress moved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Greeting visitors at the gate' }).waitFor();
    await page.getByRole('img', { name: /^photo-.*\.png$/ }).waitFor();
    const loaded = await page
      .getByRole('img', { name: /^photo-.*\.png$/ })
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
    expect(loaded).toBe(512);
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await expect.poll(() => app.coverage('F1').textContent()).toBe('100%');
    expect(await page.getByRole('list', { name: 'Evidence' }).textContent()).toContain('Greeting visitors at the gate');
    await context.close();
  });

  it('an autosaved evidence draft survives a reload', async () => {
    const { context, app } = await installedThenOffline();
    const { page } = app;
    await app.addPerson('Bea Candidate', ['Candidate']);
    await app.addPerson('Sam Assessor', ['Assessor'], 'Qualified assessor');
    await app.actAs(/Sam Assessor/); // only the acting assessor is offered the assessor's signature
    await app.startPortfolio('Bea Candidate', /VTCT/, 'Sam Assessor');
    await page.getByRole('link', { name: 'Record an observation' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    // Opening the page and leaving is not an edit: no draft is written, nothing is "restored".
    await form.getByLabel('Title').waitFor();
    await page.waitForTimeout(800);
    await page.reload();
    await form.getByLabel('Title').waitFor();
    expect(await page.getByText('Restored your unsaved evidence').count()).toBe(0);
    await form.getByLabel('Title').fill('Handling a complaint on the phone');
    await form.getByLabel('What the assessor observed').fill('Half-way through typing when the battery died');
    await app.mapCriterion('BUS59', /^BUS59 AC 1\.1 /);
    const sig = app.signatureField("Assessor's signature");
    await sig.getByLabel('Full name').fill('Sam Assessor');
    await app.drawSignature(sig);
    await sig.getByText('✓ Signed').waitFor();
    // Give the debounced autosave its moment, then "crash".
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Restored your unsaved evidence' }).waitFor();
    // The drawn signature came back with the text.
    await app.signatureField("Assessor's signature").getByText('✓ Signed').waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Handling a complaint on the phone');
    expect(await form.getByLabel('What the assessor observed').inputValue()).toBe(
      'Half-way through typing when the battery died',
    );
    expect(await form.getByRole('checkbox', { name: /^BUS59 AC 1\.1 / }).isChecked()).toBe(true);
    // A stale draft can be thrown away, and stays gone.
    await page.getByRole('button', { name: 'Discard it and start afresh' }).click();
    await expect.poll(() => form.getByLabel('Title').inputValue()).toBe('');
    expect(await form.getByLabel('Type of evidence').inputValue()).toBe('O');
    await page.waitForTimeout(800);
    await page.reload();
    await form.getByLabel('Title').waitFor();
    expect(await page.getByText('Restored your unsaved evidence').count()).toBe(0);
    expect(await form.getByLabel('Title').inputValue()).toBe('');
    await context.close();
  });
});

describe('audio recorded in the page', () => {
  it('records a clip with the (fake) microphone, attaches it to evidence and plays it back from storage', async () => {
    const server = await startServer();
    const micBrowser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
    try {
      const context = await newContext(micBrowser);
      await context.grantPermissions(['microphone'], { origin: server.url });
      const page = await context.newPage();
      const app = new PortfolioApp(page, server.url);
      await app.openHome();
      await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
      await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
      await page.getByRole('link', { name: 'Add other evidence' }).click();
      const form = page.getByRole('form', { name: 'Evidence' });
      await form.getByLabel('Title').fill('Professional discussion about complaints');
      await form.getByLabel('Type of evidence').selectOption('PD');
      await page.getByRole('button', { name: 'Record audio' }).click();
      await page.getByRole('button', { name: 'Stop recording' }).waitFor();
      await page.waitForTimeout(1200);
      await page.getByRole('button', { name: 'Stop recording' }).click();
      await page.getByRole('button', { name: 'Use this recording' }).click();
      await form.getByText('Chosen files (1)').waitFor();
      const sig = app.signatureField("Assessor's signature");
      await app.drawSignature(sig);
      await sig.getByText('✓ Signed').waitFor();
      await form.getByRole('button', { name: 'Save evidence' }).click();
      await page.getByRole('heading', { level: 1, name: 'Professional discussion about complaints' }).waitFor();
      const audio = page.locator('figure.media audio');
      await audio.waitFor();
      const duration = await audio.evaluate(
        (el: HTMLAudioElement) =>
          new Promise<number>((resolve) => {
            if (el.readyState >= 1) resolve(el.duration);
            else el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
          }),
      );
      // WebM from MediaRecorder may report Infinity until played through; either way it decoded.
      expect(duration === Infinity || duration > 0.5).toBe(true);
      expect(await page.locator('figure.media figcaption').textContent()).toMatch(/audio-.*\.webm/);
      await context.close();
    } finally {
      await micBrowser.close();
      await server.close();
    }
  });
});

describe('demo portfolio and the main screens', () => {
  let server: Server;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await startServer();
    context = await newContext(browser);
  });
  afterAll(async () => {
    await context.close();
    await server.close();
  });

  it('loads in one click and shows progress, checks and signed-off units; main screens pass axe', async () => {
    const page = await context.newPage();
    const app = new PortfolioApp(page, server.url);
    await app.openHome();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    // The app opens the demo portfolio once it is fully written.
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    const flags = page.getByTestId('flags');
    await expect.poll(() => flags.locator('[data-flag=currency]').count()).toBe(1);
    expect(await flags.locator('[data-flag=simulation]').count()).toBe(1);
    expect(await flags.locator('[data-flag=countersign]').textContent()).toContain('C3');
    expect(await page.getByTestId('award-verdict').textContent()).toContain('signed-off units: F1, F2, A10');
    expect(await page.getByTestId('still-missing').textContent()).toMatch(/sign off 4 more units: B2, C3, D2, D3/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'C3', exact: true }).click();
    await page.getByTestId('signoff-status').filter({ hasText: 'awaiting countersignature' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The acting assessor judges a criterion; the decision shows against it.
    await page.getByRole('button', { name: 'Met C3.1', exact: true }).click();
    await page.locator('[data-criterion] .tag.met').first().waitFor();
    expect(await page.locator('[data-criterion] .tag.met').first().textContent()).toContain('J Sullivan');

    // Recording forms: the index of evidence is generated from the records.
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('link', { name: 'Recording forms' }).click();
    await page.getByRole('link', { name: /Index of evidence/ }).click();
    await page.getByText('Busy gate: rejected card and a long queue').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A typed recording form with a drawn signature: saved, and printed with the signature.
    await page.getByRole('link', { name: 'Recording forms' }).first().click();
    await page.getByRole('link', { name: 'New observation record' }).click();
    await page.getByLabel('Skills/activities observed').fill('Handled a queue of visitors calmly.');
    const signature = app.signatureField('Assessor’s signature');
    await signature.getByLabel('Full name').fill('J Sullivan');
    await app.drawSignature(signature);
    await signature.getByText('✓ Signed').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('toolbar', { name: 'Form actions' }).getByRole('button', { name: 'Save' }).click();
    // A new form moves to its own address once saved; wait for that page before using it.
    await page.waitForURL((url) => !url.pathname.includes('/forms/new-'));
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    await page.getByRole('button', { name: 'View as printed' }).click();
    const printed = page.getByRole('img', { name: 'Signature of J Sullivan' });
    await printed.waitFor();
    expect(await printed.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('link', { name: 'Record an observation' }).click();
    await page.getByRole('form', { name: 'Evidence' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People on this device' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('at 360 px: no horizontal scroll on the main screens, screenshots taken', async () => {
    const phone = await newContext(browser, { phone: true });
    const page = await phone.newPage();
    const app = new PortfolioApp(page, server.url);
    await app.openHome();
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/portfolio-360.png' });
    await page.getByRole('link', { name: 'Record an observation' }).click();
    await page.getByRole('form', { name: 'Evidence' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/observation-360.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await phone.close();
  });
});
