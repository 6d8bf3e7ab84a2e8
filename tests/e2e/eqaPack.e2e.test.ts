// The EQA visit pack between two on-disk profiles, offline: only a qualified IQA may export it; the IQA's device
// (the demo centre) exports a pack of three portfolios; standard tools alone check it (unzip -t, sha256sum -c on
// both manifests, openssl); the EQA's device opens it read-only, samples two portfolios, looks through a portfolio's
// unit and evidence pages (its photo at full size, also after a reload), reloads (the pack and the decisions are
// still there) and exports the decisions once; the centre imports that one bundle and sees both decisions. axe at
// 360 and 1280 px, also on the refusal to export and the evidence page.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { devicesInFolder, reloadOfflineReady, startServer } from './harness';
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

/** Opens, from the pack, the first evidence item with a photo (the demo centre gives some portfolios one). */
async function openEvidenceWithPhoto(eqa: Page, inPack: number): Promise<string> {
  const portfolios = eqa.getByRole('region', { name: 'Portfolios in the pack' }).getByRole('button');
  // Back on the pack's page, the kept pack is checked again before its list shows: wait for all of it.
  await expect.poll(() => portfolios.count(), { timeout: 60_000 }).toBe(inPack);
  for (let i = 0; i < inPack; i++) {
    await portfolios.nth(i).click();
    await expect.poll(() => portfolios.nth(i).getAttribute('aria-pressed')).toBe('true');
    const evidence = eqa.getByRole('region', { name: /^Evidence \(/ });
    await evidence.waitFor();
    // By the media's caption, drawn with the list: the photo itself appears a moment later (its object URL).
    const withPhoto = evidence
      .getByRole('listitem')
      .filter({ has: eqa.locator('figcaption', { hasText: 'workplace.png' }) })
      .first()
      .locator('a[href*="/evidence/"]');
    if ((await withPhoto.count()) === 0) continue;
    const title = (await withPhoto.textContent())!.trim();
    await withPhoto.click();
    await eqa.getByRole('heading', { level: 1, name: title }).waitFor();
    return title;
  }
  throw new Error('No portfolio in the pack has an evidence photo');
}

/** The evidence page shows the photo from the pack, at full size never scaled below its own pixels. */
async function expectPhotoAtFullSize(eqa: Page): Promise<void> {
  await eqa.getByTestId('read-only-view').waitFor();
  const photo = eqa.getByRole('img', { name: 'workplace.png' });
  await photo.waitFor();
  await eqa.getByRole('button', { name: 'Full size workplace.png' }).click();
  await eqa.getByRole('region', { name: 'workplace.png' }).waitFor();
  const [natural, shown] = await photo.evaluate((img: HTMLImageElement) => [
    img.naturalWidth,
    img.getBoundingClientRect().width,
  ]);
  expect(natural).toBeGreaterThan(0);
  expect(shown).toBeGreaterThanOrEqual(natural!);
}

describe('the EQA visit pack, offline', () => {
  it('is exported by the centre, checked with standard tools, sampled read-only by the EQA, and their decisions merged', async () => {
    const server = await startServer();
    const { context: centreDevice, page: centre } = await device('centre');
    const { context: eqaDevice, page: eqa } = await device('eqa');
    for (const page of [centre, eqa]) {
      await page.goto(server.url + '/');
      await reloadOfflineReady(page, page.getByRole('heading', { level: 1 }).first());
    }
    await server.close();
    await centreDevice.setOffline(true);
    await eqaDevice.setOffline(true);

    // The IQA's device: the demo centre. Only a qualified IQA makes the pack; others are told why.
    await centre.getByRole('button', { name: 'Load the demo centre' }).click();
    await centre.getByRole('link', { name: 'Start another portfolio' }).waitFor({ timeout: 60_000 });
    const centreApp = new PortfolioApp(centre, '');
    const exportButton = centre.getByRole('button', { name: 'Export the EQA visit pack' });
    for (const [who, why] of [
      [/Aileen McKell/, /working towards the IQA qualification/],
      [/J Sullivan/, /not an internal quality assurer/],
    ] as const) {
      await centreApp.actAs(who);
      await openEqaPack(centre);
      expect(await centre.getByTestId('pack-refusal').textContent()).toMatch(why);
      expect(await exportButton.isDisabled()).toBe(true);
      await axeClean(centre);
    }
    await centreApp.actAs(/Kenneth Hay/);
    await openEqaPack(centre);
    await centre.getByRole('heading', { level: 1, name: 'EQA visit pack' }).waitFor();
    await centre.getByTestId('pack-refusal').waitFor({ state: 'detached' });
    const boxes = centre.getByRole('group', { name: /Portfolios in the pack/ }).getByRole('checkbox');
    await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
    // Every portfolio: the list is in stored order, and only some demo portfolios hold a photo, looked at below.
    const inPack = await boxes.count();
    for (let i = 0; i < inPack; i++) await boxes.nth(i).check();
    await exportButton.click();
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
    expect(readdirSync(join(bag, 'data', 'portfolios'))).toHaveLength(inPack);

    // The EQA's device: opened read-only; a unit sampled on each of two portfolios.
    const eqaApp = new PortfolioApp(eqa, '');
    await eqaApp.addPerson('Esther Quinn', ['External verifier']);
    await eqaApp.actAs(/Esther Quinn/);
    await openEqaPack(eqa);
    await eqa.getByRole('link', { name: 'Open an EQA pack' }).click();
    await eqa.getByLabel('EQA visit pack file').setInputFiles(packPath);
    await eqa.getByTestId('pack-summary').waitFor({ timeout: 60_000 });
    expect(await eqa.getByTestId('pack-summary').textContent()).toContain(`${inPack} portfolio(s)`);
    await eqa.getByRole('button', { name: 'View the visit report' }).click();
    const report = eqa.frameLocator('iframe[title^="EQA visit report"]');
    await report.getByRole('heading', { name: 'Sampling plans and their coverage' }).waitFor();
    await eqa.getByRole('button', { name: 'Hide the visit report' }).click();
    await axeClean(eqa);
    const sampled: Array<{ candidate: string; unit: string }> = [];
    for (const [i, outcome] of [
      [0, 'met'],
      [1, 'not-yet'],
    ] as const) {
      const portfolio = eqa.getByRole('region', { name: 'Portfolios in the pack' }).getByRole('button').nth(i);
      const candidate = (await portfolio.textContent())!.trim();
      await portfolio.click();
      await eqa.getByRole('heading', { level: 1, name: `Verifier view: ${candidate}` }).waitFor();
      const decision = eqa.getByRole('combobox', { name: /^Decision on / }).first();
      const unit = (await decision.getAttribute('aria-label'))!.replace('Decision on ', '');
      await decision.selectOption(outcome);
      await eqa.getByLabel(`Comments on ${unit}`).fill(`EQA on ${candidate}`);
      sampled.push({ candidate, unit });
    }
    await axeClean(eqa);

    // Each portfolio through the verifier's own read-only views: a unit, then an evidence item with its photo at
    // full size, still there after a reload (the kept pack is checked again and reopened).
    await eqa.getByRole('region', { name: 'Units to sample' }).getByRole('link', { name: sampled[1]!.unit }).click();
    await eqa.getByRole('heading', { name: 'Criteria and their evidence' }).waitFor();
    await eqa.getByTestId('read-only-view').waitFor();
    expect(await eqa.getByRole('button', { name: /Sign off unit/ }).count()).toBe(0);
    await eqa.getByRole('link', { name: 'Back to the pack' }).click();
    const title = await openEvidenceWithPhoto(eqa, inPack);
    expect(eqa.url()).toMatch(/\/verify\/pack\/[^/]+\/evidence\//);
    expect(await eqa.getByRole('button', { name: /Edit details|Delete evidence|Change criteria/ }).count()).toBe(0);
    await expectPhotoAtFullSize(eqa);
    await axeClean(eqa);
    await eqa.reload();
    await eqa.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
    await expectPhotoAtFullSize(eqa);
    await eqa.getByRole('link', { name: 'Back to the pack' }).click();
    await eqa.getByTestId('pack-summary').waitFor({ timeout: 60_000 });
    const waiting = eqa.getByTestId('pack-decisions-count');
    await expect.poll(() => waiting.textContent()).toContain('2 decisions not yet exported');

    // A reload: the pack is checked again and opens, the two decisions still waiting.
    await eqa.reload();
    await eqa.getByTestId('pack-summary').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => waiting.textContent())
      .toContain(`2 decisions not yet exported, on ${sampled[0]!.candidate}, ${sampled[1]!.candidate}`);
    await eqa.getByRole('button', { name: sampled[1]!.candidate }).click();
    expect(await eqa.getByLabel(`Decision on ${sampled[1]!.unit}`).inputValue()).toBe('not-yet');
    expect(await eqa.getByLabel(`Comments on ${sampled[1]!.unit}`).inputValue()).toBe(
      `EQA on ${sampled[1]!.candidate}`,
    );

    // One export for both.
    await eqa.getByRole('button', { name: 'Export my decisions on the pack as one signed bundle' }).click();
    await eqa.getByTestId('pack-decisions-ready').waitFor();
    const decisionsPath = await download(eqa, () =>
      eqa.getByRole('link', { name: 'Download the decisions bundle' }).click(),
    );
    await expect.poll(() => waiting.textContent()).toContain('No decisions recorded yet');

    // Back at the centre: one import, the summary naming both candidates, merged once.
    await nav(centre, 'Open a bundle');
    await centre.getByLabel('Bundle file').setInputFiles(decisionsPath);
    const summary = centre.getByTestId('eqa-decisions-summary');
    await summary.waitFor();
    for (const { candidate, unit } of sampled) {
      const card = summary.getByTestId('eqa-decisions-portfolio').filter({ hasText: candidate });
      expect(await card.textContent()).toContain(`Unit ${unit}:`);
    }
    await new ImportScreen(centre).acceptSigner([/Esther Quinn/]);
    await axeClean(centre);
    await centre.getByRole('button', { name: 'Merge the EQA’s decisions into these portfolios' }).click();
    await centre.getByText(/Merged the EQA’s decisions into 2 portfolios/).waitFor();
    const merged = centre.getByRole('list', { name: 'Portfolios the EQA’s decisions were merged into' });
    const links = new Map<string, string>();
    for (const { candidate } of sampled)
      links.set(candidate, (await merged.getByRole('link', { name: candidate }).getAttribute('href'))!);
    for (const [i, { candidate, unit }] of sampled.entries()) {
      await centre.goto(new URL(links.get(candidate)!, centre.url()).href);
      await centre.getByRole('heading', { level: 1, name: candidate }).waitFor();
      const samples = centre.getByTestId('samples');
      await samples.waitFor();
      expect(await samples.textContent()).toContain(`${unit}: ${i === 0 ? 'agreed' : 'referred back'} by Esther Quinn`);
    }
    await centreDevice.close();
    await eqaDevice.close();
  }, 300_000);
});
