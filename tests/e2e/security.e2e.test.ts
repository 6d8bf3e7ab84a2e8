// Content a bundle or a file can carry never acts as the app: hostile SVG/HTML evidence runs no script in the
// app's origin, a record naming a web address is refused and nothing is fetched from anywhere else, and the
// Content-Security-Policy is in force (meta tag and header) with no violation on any screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, startServer, type Server } from './harness';
import { HOSTILE_HTML, HOSTILE_SVG, openEveryMediaLink, SecurityWatch } from './pages/SecurityWatch';
import { resignBag } from './pages/craftBundle';

let browser: Browser;
let server: Server;
let context: BrowserContext;
let page: Page;
let watch: SecurityWatch;
const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-security-'));
const EVIDENCE = 'Busy gate: rejected card and a long queue';

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  context = await newContext(browser);
  watch = await SecurityWatch.on(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await server?.close();
  await browser?.close();
});

const main = () => page.getByRole('navigation', { name: 'Main' });
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

async function exportBundle(): Promise<string> {
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await page.getByTestId('export-ready').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download bundle' }).click(),
  ]);
  const path = join(dir, 'demo.zip');
  await download.saveAs(path);
  return path;
}

async function openBundle(path: string) {
  await main().getByRole('link', { name: 'Open a bundle' }).click();
  await page.getByLabel('Bundle file').setInputFiles(path);
}

describe('content from files and bundles never acts as the app', () => {
  it('the CSP is in the page and in the headers, with the other security headers', async () => {
    const response = (await page.goto(server.url + '/'))!;
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['permissions-policy']).toContain('camera=(self)');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("object-src 'none'; base-uri 'none'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('SVG and HTML evidence run no script, on the evidence page or in the verifier view', async () => {
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await heading('Annie Macleod');
    await page.getByRole('link', { name: EVIDENCE }).click();
    await heading(EVIDENCE);
    await page.getByRole('button', { name: 'Edit details or add media' }).click();
    const edit = page.getByRole('form', { name: 'Edit evidence' });
    await edit.getByLabel('Add file').setInputFiles([
      { name: 'diagram.svg', mimeType: 'image/svg+xml; charset=utf-8', buffer: HOSTILE_SVG },
      { name: '../notes.html', mimeType: 'text/html', buffer: HOSTILE_HTML },
    ]);
    await edit.getByText('Chosen files (2)').waitFor();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await heading(EVIDENCE);
    const media = page.getByRole('region', { name: 'Media' });
    await expect.poll(() => media.locator('a[href^="blob:"]').count()).toBe(3);
    // Only the demo's photo is shown as a picture; SVG and HTML only as downloads.
    expect(await media.locator('img').count()).toBe(1);
    const names = await openEveryMediaLink(page, media);
    expect(names.sort()).toEqual(['_notes.bin', 'diagram.svg', 'gate-queue.png']);

    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await heading('Annie Macleod');
    await openBundle(await exportBundle());
    await page.getByRole('button', { name: 'Open read-only (verifier)' }).click();
    await page.getByTestId('verifier-verdict').waitFor();
    const evidence = page.getByRole('region', { name: /^Evidence/ });
    await expect.poll(() => evidence.locator('a[href^="blob:"]').count()).toBe(3);
    expect(await evidence.locator('img').count()).toBe(1);
    expect((await openEveryMediaLink(page, evidence)).sort()).toEqual(['_notes.bin', 'diagram.svg', 'gate-queue.png']);

    for (const p of watch.pages.filter((p) => !p.isClosed())) expect(await watch.scriptRan(p)).toBe(false);
    expect(watch.dialogs).toEqual([]);
  });

  it('the verifier sees the report made from the data, never the one received, in a sandboxed frame', async () => {
    const genuine = join(dir, 'demo.zip');
    const forged = join(dir, 'forged.zip');
    writeFileSync(
      forged,
      await resignBag(readFileSync(genuine), (files) => {
        const report = new TextDecoder().decode(files['data/report.html']);
        files['data/report.html'] = new TextEncoder().encode(
          report.replace('<h2>', '<p>FORGED Award achieved.</p><script>alert(1)</script><h2>'),
        );
      }),
    );
    await openBundle(forged);
    // The import summary already says the received report is not the data's.
    expect(await page.getByTestId('report-check').textContent()).toMatch(/differs from its data/);
    await page.getByRole('button', { name: 'Open read-only (verifier)' }).click();
    await page.getByTestId('report-differs').waitFor();
    await page.getByRole('button', { name: 'View report' }).click();
    const frame = page.locator('iframe.report-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const report = page.frameLocator('iframe.report-frame');
    await report.getByRole('heading', { level: 1, name: 'Portfolio report: Annie Macleod' }).waitFor();
    expect(await report.locator('body').textContent()).not.toContain('FORGED');
    // The report's inline stylesheet is allowed by its hash, though the frame inherits the app's policy.
    expect(
      await report
        .locator('table')
        .first()
        .evaluate((t) => getComputedStyle(t).borderCollapse),
    ).toBe('collapse');

    await openBundle(genuine);
    await page.getByRole('button', { name: 'Open read-only (verifier)' }).click();
    await page.getByRole('button', { name: 'View report' }).waitFor();
    expect(await page.getByTestId('report-differs').count()).toBe(0);
    expect(watch.dialogs).toEqual([]);
  });

  it('a bundle whose signature image is a web address is refused, naming the record', async () => {
    const beacon = join(dir, 'beacon.zip');
    writeFileSync(
      beacon,
      await resignBag(readFileSync(join(dir, 'demo.zip')), (files) => {
        const json = JSON.parse(new TextDecoder().decode(files['data/portfolio.json']));
        json.records.signatures[0].image = 'https://example.invalid/beacon.png';
        files['data/portfolio.json'] = new TextEncoder().encode(JSON.stringify(json));
      }),
    );
    await openBundle(beacon);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/signatures\[0\] is invalid[\s\S]*image/);
    expect(watch.foreignRequests(server.url)).toEqual([]);
  });

  it('no screen of the demo fetches from another origin or breaks the policy', async () => {
    const screens: Array<[string, () => Promise<void>]> = [
      ['home', () => main().getByRole('link', { name: 'Portfolios' }).click()],
      ['people', () => main().getByRole('link', { name: 'People' }).click()],
      ['qualifications', () => main().getByRole('link', { name: 'Qualifications' }).click()],
      ['spec page', () => page.getByRole('list', { name: 'Bundled qualifications' }).getByRole('link').first().click()],
      [
        'portfolio',
        async () => {
          await main().getByRole('link', { name: 'Portfolios' }).click();
          await page
            .getByRole('link', { name: /Annie Macleod/ })
            .first()
            .click();
        },
      ],
      ['evidence', () => page.getByRole('link', { name: EVIDENCE }).click()],
      ['unit', () => page.getByTestId('mapped-criteria').getByRole('link').first().click()],
      [
        'forms',
        async () => {
          await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
          await page.getByRole('link', { name: 'Recording forms' }).click();
        },
      ],
      ['generated form', () => page.getByRole('link', { name: /Index of evidence/ }).click()],
      ['trust', () => main().getByRole('link', { name: 'Trust' }).click()],
      ['import', () => main().getByRole('link', { name: 'Open a bundle' }).click()],
      [
        'verifier',
        async () => {
          await page.getByLabel('Bundle file').setInputFiles(join(dir, 'demo.zip'));
          await page.getByRole('button', { name: 'Open read-only (verifier)' }).click();
          await page.getByRole('button', { name: 'View report' }).click();
        },
      ],
    ];
    for (const [name, open] of screens) {
      await open();
      await page.locator('main h1').first().waitFor();
      expect(watch.violations, name).toEqual([]);
    }
    await page.reload();
    await page.locator('main h1').first().waitFor();
    expect(watch.violations).toEqual([]);
    expect(watch.foreignRequests(server.url)).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(0);
  });
});
