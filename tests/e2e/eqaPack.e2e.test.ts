// The EQA visit pack between two on-disk profiles, offline: the IQA's device (the demo centre) exports a pack of
// three portfolios; standard tools alone check it (unzip -t, sha256sum -c on both manifests, openssl); the EQA's
// device opens it read-only, samples a unit and exports the decisions; the centre merges them. axe at 360 and 1280 px.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { devicesInFolder, startServer, waitForOfflineReady } from './harness';
import { seriousViolations } from './axe';
import { ImportScreen } from './pages/ImportScreen';
import { PortfolioApp } from './pages/PortfolioApp';

const { dir, device, download } = devicesInFolder('fieldfolio-eqa-e2e-', 30_000);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** The EQA pack screen, by the QA sub-navigation (under the main navigation's Quality link). */
async function openEqaPack(page: Page) {
  await nav(page, 'Quality');
  await page.getByRole('navigation', { name: 'Quality assurance' }).getByRole('link', { name: 'EQA pack' }).click();
}

/** axe finds nothing serious at a phone's width and a desktop's. */
async function axeClean(page: Page): Promise<void> {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    expect(await seriousViolations(page)).toEqual([]);
  }
}

describe('the EQA visit pack, offline', () => {
  it('is exported by the centre, checked with standard tools, sampled read-only by the EQA, and their decisions merged', async () => {
    const server = await startServer();
    const { context: centreDevice, page: centre } = await device('centre');
    const { context: eqaDevice, page: eqa } = await device('eqa');
    for (const page of [centre, eqa]) {
      await page.goto(server.url + '/');
      await waitForOfflineReady(page);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await server.close();
    await centreDevice.setOffline(true);
    await eqaDevice.setOffline(true);

    // The IQA's device: the demo centre, and a pack of three portfolios.
    await centre.getByRole('button', { name: 'Load the demo centre' }).click();
    await centre.getByRole('link', { name: 'Start another portfolio' }).waitFor({ timeout: 60_000 });
    await openEqaPack(centre);
    await centre.getByRole('heading', { level: 1, name: 'EQA visit pack' }).waitFor();
    const boxes = centre.getByRole('group', { name: /Portfolios in the pack/ }).getByRole('checkbox');
    await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await centre.getByRole('button', { name: 'Export the EQA visit pack' }).click();
    await centre.getByTestId('eqa-pack-ready').waitFor({ timeout: 60_000 });
    await axeClean(centre);
    const packPath = await download(centre, () =>
      centre.getByRole('link', { name: 'Download the EQA visit pack' }).click(),
    );

    // Standard tools alone.
    expect(execFileSync('unzip', ['-t', packPath], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const unpacked = join(dir, 'unpacked');
    execFileSync('unzip', ['-q', packPath, '-d', unpacked]);
    const bag = join(unpacked, readdirSync(unpacked)[0]!);
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt'])
      execFileSync('sha256sum', ['--quiet', '-c', manifest], { cwd: bag });
    expect(execFileSync('sh', [resolve('scripts/verify-signature.sh'), bag], { encoding: 'utf8' })).toContain(
      'Verified OK',
    );
    expect(readdirSync(join(bag, 'data', 'portfolios'))).toHaveLength(3);

    // The EQA's device: opened read-only, one unit sampled, the decisions exported.
    const eqaApp = new PortfolioApp(eqa, '');
    await eqaApp.addPerson('Esther Quinn', ['External verifier']);
    await eqaApp.actAs(/Esther Quinn/);
    await openEqaPack(eqa);
    await eqa.getByRole('link', { name: 'Open an EQA pack' }).click();
    await eqa.getByLabel('EQA visit pack file').setInputFiles(packPath);
    await eqa.getByTestId('pack-summary').waitFor({ timeout: 60_000 });
    expect(await eqa.getByTestId('pack-summary').textContent()).toContain('3 portfolio(s)');
    await eqa.getByRole('button', { name: 'View the visit report' }).click();
    const report = eqa.frameLocator('iframe[title^="EQA visit report"]');
    await report.getByRole('heading', { name: 'Sampling plans and their coverage' }).waitFor();
    const portfolios = eqa.getByRole('region', { name: 'Portfolios in the pack' }).getByRole('button');
    await eqa.getByRole('button', { name: 'Hide the visit report' }).click();
    const candidate = (await portfolios.first().textContent())!.trim();
    await portfolios.first().click();
    await eqa.getByTestId('verifier-verdict').waitFor();
    const decision = eqa.getByRole('combobox', { name: /^Decision on / }).first();
    const unit = (await decision.getAttribute('aria-label'))!.replace('Decision on ', '');
    await decision.selectOption('met');
    await eqa.getByLabel(`Comments on ${unit}`).fill('Agree with the assessor and the IQA.');
    await axeClean(eqa);
    await eqa.getByRole('button', { name: 'Export my decisions as a signed bundle' }).click();
    await eqa.getByTestId('decisions-ready').waitFor();
    const decisionsPath = await download(eqa, () =>
      eqa.getByRole('link', { name: 'Download decisions bundle' }).click(),
    );

    // Back at the centre: the EQA's decisions merge into the portfolio through the ordinary import.
    await nav(centre, 'Open a bundle');
    await centre.getByLabel('Bundle file').setInputFiles(decisionsPath);
    await centre.getByTestId('bundle-summary').waitFor();
    await new ImportScreen(centre).acceptSigner([/Esther Quinn/]);
    await centre.getByRole('button', { name: 'Merge into my copy' }).click();
    await centre.getByRole('heading', { level: 1, name: candidate }).waitFor();
    const samples = centre.getByTestId('samples');
    await samples.waitFor();
    expect(await samples.textContent()).toContain(`${unit}: agreed by Esther Quinn`);
    await centreDevice.close();
    await eqaDevice.close();
  }, 300_000);
});
