import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { devicesInFolder, startServer, reloadOfflineReady } from './harness';
import { ImportScreen } from './pages/ImportScreen';
import { PortfolioApp } from './pages/PortfolioApp';

const { dir, device, download } = devicesInFolder('fieldfolio-e2e-', 15_000);

async function openBundle(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
  await page.getByLabel('Bundle file').setInputFiles(path);
}

describe('bundles between devices, offline', () => {
  it('exports in one browser profile and imports in another; a verifier samples read-only and the assessor merges the decisions', async () => {
    const server = await startServer();
    const { context: assessorDevice, page: assessorPage } = await device('phone');
    const { context: tablet, page: tabletPage } = await device('tablet');
    for (const page of [assessorPage, tabletPage]) {
      await page.goto(server.url + '/');
      await reloadOfflineReady(page);
    }
    await server.close();
    await assessorDevice.setOffline(true);
    await tablet.setOffline(true);

    // Assessor's phone: the demo portfolio, exported as a signed bundle.
    await assessorPage.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await assessorPage.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    // The device's own key fingerprint is shown, to be compared out of band with what the receiver sees.
    const ownFingerprint = (await assessorPage.getByTestId('own-fingerprint').locator('code').textContent())!;
    expect(ownFingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    await assessorPage.getByRole('button', { name: 'Export bundle' }).click();
    await assessorPage.getByTestId('export-ready').waitFor();
    const bundlePath = await download(assessorPage, () =>
      assessorPage.getByRole('link', { name: 'Download bundle' }).click(),
    );
    expect(readFileSync(bundlePath).subarray(0, 2).toString()).toBe('PK');
    // Made in the browser (CRC-32 and SHA-256 from the worker pool): standard tools accept it, signature included.
    expect(execFileSync('unzip', ['-t', bundlePath], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const unpacked = join(dir, 'unpacked');
    execFileSync('unzip', ['-q', bundlePath, '-d', unpacked]);
    const bag = join(unpacked, readdirSync(unpacked)[0]!);
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt'])
      execFileSync('sha256sum', ['--quiet', '-c', manifest], { cwd: bag });
    expect(execFileSync('sh', [resolve('scripts/verify-signature.sh'), bag], { encoding: 'utf8' })).toContain(
      `signer fingerprint: ${ownFingerprint}`,
    );

    // A tampered copy is rejected, and nothing is written.
    const tampered = readFileSync(bundlePath);
    tampered[2000] = tampered[2000]! ^ 0xff;
    const tamperedPath = join(dir, 'tampered.zip');
    writeFileSync(tamperedPath, tampered);
    await openBundle(tabletPage, tamperedPath);
    const error = tabletPage.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/rejected; nothing on this device was changed/);
    await tabletPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await tabletPage.getByText('No portfolios on this device yet.').waitFor();

    // The real bundle: verified, then added to the tablet.
    await openBundle(tabletPage, bundlePath);
    const summary = tabletPage.getByTestId('bundle-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('not seen on this device before');
    expect(await summary.textContent()).toContain(ownFingerprint);
    // The tablet does not know the phone's key: every change would be held until a person accepts it.
    expect(await tabletPage.getByTestId('held-preview').textContent()).toMatch(/does not accept/);
    const tabletImport = new ImportScreen(tabletPage);
    await tabletPage.setViewportSize({ width: 360, height: 740 });
    await tabletPage.screenshot({ path: 'tests/e2e/screenshots/import-preview-360.png', fullPage: true });
    await tabletPage.setViewportSize({ width: 1280, height: 800 });
    expect(await tabletImport.signerFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    // The phone is the centre's shared device: its key speaks for the assessors, the IQA and the candidate.
    await tabletImport.acceptSigner([/Annie Macleod/, /J Sullivan/, /Tia Brown/, /Kenneth Hay/, /Morag Ross/]);
    expect(await tabletPage.getByTestId('held-preview').count()).toBe(0);
    await tabletPage.getByRole('button', { name: 'Add to this device' }).click();
    await tabletPage.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await expect.poll(() => tabletPage.getByRole('list', { name: 'Evidence' }).locator('> li').count()).toBe(7);
    await tabletPage.getByRole('link', { name: 'Busy gate: rejected card and a long queue' }).click();
    const photo = tabletPage.getByRole('img', { name: 'gate-queue.png' });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);

    // The tablet's user is an internal quality assurer: opens the bundle read-only and samples two units.
    const verifier = new PortfolioApp(tabletPage, '');
    await verifier.addPerson('Ivy Quality', ['Internal quality assurer (IQA)']);
    await verifier.actAs(/Ivy Quality/);
    await openBundle(tabletPage, bundlePath);
    await tabletPage.getByRole('button', { name: 'Open read-only (verifier)' }).click();
    await tabletPage.getByTestId('verifier-verdict').waitFor();
    await tabletPage.getByLabel('Decision on F1').selectOption('met');
    await tabletPage.getByLabel('Comments on F1').fill('Observation and witness testimony agree.');
    await tabletPage.getByLabel('Decision on C3').selectOption('not-yet');
    await tabletPage.getByRole('button', { name: 'Export my decisions as a signed bundle' }).click();
    await tabletPage.getByTestId('decisions-ready').waitFor();
    const decisionsPath = await download(tabletPage, () =>
      tabletPage.getByRole('link', { name: 'Download decisions bundle' }).click(),
    );

    // Back on the assessor's phone: the decisions bundle merges into the portfolio.
    await openBundle(assessorPage, decisionsPath);
    await assessorPage.getByTestId('bundle-summary').waitFor();
    // The summary names the sampling decisions before anything is written; the verifier's key is accepted as Ivy's.
    expect(await assessorPage.getByTestId('bundle-preview').textContent()).toContain('sampling decision on unit F1');
    await new ImportScreen(assessorPage).acceptSigner([/Ivy Quality/]);
    await assessorPage.getByRole('button', { name: 'Merge into my copy' }).click();
    await assessorPage.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    const samples = assessorPage.getByTestId('samples');
    await samples.waitFor();
    expect(await samples.textContent()).toContain('F1: agreed by Ivy Quality');
    expect(await samples.textContent()).toContain('C3: referred back by Ivy Quality');
    await assessorDevice.close();
    await tablet.close();
  });
});
