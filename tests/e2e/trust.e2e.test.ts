// Two devices, each its own browser profile: B receives A's bundle without having accepted A's key, so every
// change is held; B compares A's full fingerprint, accepts the key for the bundle's people, and the portfolio
// appears. The Trust screen passes axe on a phone and a desktop.
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { devicesInFolder, startServer, type Server } from './harness';
import { seriousViolations } from './axe';
import { TrustScreen } from './pages/TrustScreen';

const devices = devicesInFolder('fieldfolio-trust-e2e-', 15_000);
const contexts: BrowserContext[] = [];
let server: Server | undefined;
afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.close();
});

async function device(name: string): Promise<Page> {
  const { context, page } = await devices.device(name);
  contexts.push(context);
  await page.goto(server!.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
  return page;
}

describe('trust between two devices', () => {
  it('holds a bundle from a key not accepted; accepting the key after comparing its full fingerprint applies it', async () => {
    server = await startServer();
    const a = await device('a');
    const b = await device('b');

    // Device A: the demo portfolio, exported; its Trust screen shows the fingerprint to read out.
    await a.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await a.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await a.getByRole('button', { name: 'Export bundle' }).click();
    await a.getByTestId('export-ready').waitFor();
    const bundlePath = await devices.download(a, () => a.getByRole('link', { name: 'Download bundle' }).click());
    const trustA = new TrustScreen(a);
    await trustA.open();
    const fingerprintA = await trustA.ownFingerprint();
    expect(fingerprintA).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    // A becomes the centre's device: the certificate and revocation forms pass axe too.
    await a.getByRole('button', { name: 'Make this device the centre’s' }).click();
    await a.getByRole('form', { name: 'Issue a certificate' }).waitFor();
    expect(await seriousViolations(a)).toEqual([]);

    // Device B: the bundle checks out, but A's key is not accepted here: its changes are held, not applied.
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
    await b.getByLabel('Bundle file').setInputFiles(bundlePath);
    await b.getByTestId('bundle-summary').waitFor();
    await b.getByRole('button', { name: 'Add to this device' }).click();
    // Once written, the import screen opens the portfolio (with every change held, there is none) or says what is held.
    await Promise.race([
      b.waitForURL(/\/portfolios\//),
      b.getByRole('status').filter({ hasText: /held/ }).first().waitFor(),
    ]);
    const trustB = new TrustScreen(b);
    await trustB.open();
    await expect.poll(() => trustB.heldRows().count()).toBeGreaterThan(10);
    expect(await trustB.heldRows().first().textContent()).toContain('does not accept');
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await b.getByText('No portfolios on this device yet.').waitFor();

    // B compares the full fingerprint with A's holder, accepts the key for the bundle's people: it applies.
    await trustB.open();
    const form = await trustB.openAcceptForm();
    expect(await trustB.fingerprintShown(form)).toBe(fingerprintA);
    expect(await seriousViolations(b)).toEqual([]);
    await b.setViewportSize({ width: 360, height: 740 });
    expect(await seriousViolations(b)).toEqual([]);
    // Nothing runs off the side of a phone screen (wide tables scroll in their own region).
    expect(await b.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await b.setViewportSize({ width: 1280, height: 900 });
    expect(await trustB.acceptForEveryone(form)).toMatch(
      /Key accepted for .*Annie Macleod.*\. \d+ held changes applied/,
    );
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await b
      .getByRole('link', { name: /Annie Macleod/ })
      .first()
      .click();
    await b.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await expect.poll(() => b.getByRole('list', { name: 'Evidence' }).locator('> li').count()).toBe(7);
  });
});
