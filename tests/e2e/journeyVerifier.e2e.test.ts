// The verifier's journey on a fresh device (desktop 1280 × 800, on-disk profile) with only a bundle: open it
// read-only, say who they are right there, inspect a unit, an evidence item with its photo at full size and the
// recording forms through the assessor's own pages (read-only), record decisions, reload (bundle and decisions
// still there), export them; the assessor merges them and sees the unit referred back under Checks and on home.
// Each step: a screenshot (tests/e2e/screenshots/verifier-*.png), no sideways scrolling, no serious axe findings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { launchProfile, startServer, waitForOfflineReady, type Server } from './harness';
import { ImportScreen } from './pages/ImportScreen';
import { PortfolioApp } from './pages/PortfolioApp';
import { VerifierJourney } from './pages/VerifierJourney';

const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-verifier-'));
let server: Server;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A device: its own browser with its own on-disk profile, installed (service worker in control). */
async function device(name: string): Promise<Page> {
  const context = await launchProfile(join(dir, `${name}-profile`), ['--lang=en-GB']);
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + '/');
  await waitForOfflineReady(page);
  await page.getByRole('heading', { level: 1, name: 'Portfolios' }).waitFor();
  return page;
}

const saveAs = async (download: Download) => {
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
};

describe('a verifier on a fresh device', () => {
  it(
    'opens a bundle, says who they are, inspects, decides, reloads, exports; the assessor sees the referral',
    { timeout: 240_000 },
    async () => {
      // The assessor's device: the demo portfolio, exported as a signed bundle.
      const assessorPage = await device('assessor');
      await assessorPage.getByRole('button', { name: 'Load the demo portfolio' }).click();
      await assessorPage.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
      await assessorPage.getByRole('button', { name: 'Export bundle' }).click();
      await assessorPage.getByTestId('export-ready').waitFor();
      const [bundleDownload] = await Promise.all([
        assessorPage.waitForEvent('download'),
        assessorPage.getByRole('link', { name: 'Download bundle' }).click(),
      ]);
      const bundlePath = await saveAs(bundleDownload);

      // The verifier's fresh device: nobody on it, only the bundle.
      const page = await device('verifier');
      const journey = new VerifierJourney(page);
      const check = async (step: string) => {
        await journey.shot(step);
        expect(await journey.overflow(), `${step}: sideways scrolling`).toBeLessThanOrEqual(0);
        expect(await journey.seriousViolations(), `${step}: axe`).toEqual([]);
      };
      await journey.openBundleReadOnly(bundlePath);
      await journey.identityForm().waitFor();
      expect(await journey.decision('F1').isDisabled()).toBe(true);
      await check('1-who-are-you');

      // 1. Says who they are right there: stored as a person, acting, decisions enabled.
      await journey.identityForm().getByRole('button', { name: 'Save and record decisions' }).click();
      expect(await page.getByRole('alert').filter({ hasText: 'Type your name' }).count()).toBe(1);
      await journey.sayWhoIAm('Eve Examiner', /EQA/);
      expect(await journey.decision('F1').isDisabled()).toBe(false);
      expect(await page.getByLabel('Acting as').locator('option:checked').textContent()).toContain('Eve Examiner');
      await check('2-decisions-enabled');

      // 3. The assessor's unit page, read-only: criteria and their evidence, no judging or signing off.
      await journey.openUnit('F1');
      await page.getByRole('heading', { name: 'Criteria and their evidence' }).waitFor();
      expect(await page.getByRole('button', { name: /^Met/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Sign off unit/ }).count()).toBe(0);
      await check('3-unit');

      // The evidence page: description, criteria covered, the photo at full size; nothing to edit or delete.
      await journey.backToDecisions();
      await page.getByRole('link', { name: 'Busy gate: rejected card and a long queue' }).click();
      await journey.heading('Busy gate: rejected card and a long queue').waitFor();
      expect(await page.getByText(/One customer paid with a credit card that was rejected/).count()).toBe(1);
      expect(await page.getByTestId('mapped-criteria').locator('li').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: /Edit details|Delete evidence|Change criteria/ }).count()).toBe(0);
      const photo = page.getByRole('img', { name: 'gate-queue.png' });
      await photo.waitFor();
      await page.getByRole('button', { name: 'Full size gate-queue.png' }).click();
      const size = await photo.evaluate((img: HTMLImageElement) => [
        img.naturalWidth,
        img.getBoundingClientRect().width,
      ]);
      expect(size[0]).toBeGreaterThan(0);
      // Never scaled down below its own pixels at full size.
      expect(size[1]).toBeGreaterThanOrEqual(size[0]!);
      await check('4-evidence');

      // The recording forms: the filled-in ones as they print, and those made from the records; none to add.
      await journey.backToDecisions();
      await page.getByRole('link', { name: 'Recording forms' }).click();
      await journey.heading(/^Recording forms/).waitFor();
      expect(await page.getByRole('link', { name: /^New / }).count()).toBe(0);
      await check('5-forms');
      await page.locator('.form-list a').first().click();
      await page.getByRole('button', { name: 'Print' }).waitFor();
      expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
      await check('6-form');
      await page.getByRole('link', { name: 'Recording forms' }).click();
      await page.getByRole('link', { name: 'Index of evidence' }).click();
      await page.getByRole('article', { name: /Index of evidence/ }).waitFor();
      await check('7-index-of-evidence');

      // Decisions, then a reload: the bundle and the decisions are still there.
      await journey.backToDecisions();
      await journey.decide('F1', 'met', 'Observation and witness testimony agree.');
      await journey.decide('C3', 'not-yet', 'Witness testimony is not signed.');
      // Reloaded straight after the last keystroke: the draft must survive even though its IndexedDB write could not
      // finish before the page went away.
      await page.reload();
      await page.getByTestId('verifier-verdict').waitFor();
      await expect.poll(() => journey.decision('C3').inputValue()).toBe('not-yet');
      expect(await journey.decision('F1').inputValue()).toBe('met');
      expect(await page.getByLabel('Comments on C3').inputValue()).toBe('Witness testimony is not signed.');
      await check('8-after-reload');

      const decisionsPath = await journey.exportDecisions(saveAs);
      await check('9-exported');

      // The assessor merges the decisions: the bundle's summary names the candidate; C3 shows under Checks and on home.
      await assessorPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Open a bundle' }).click();
      await assessorPage.getByLabel('Bundle file').setInputFiles(decisionsPath);
      const summary = assessorPage.getByTestId('bundle-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('CandidateAnnie Macleod');
      expect(await summary.textContent()).toContain('Eve Examiner on units F1, C3');
      await new ImportScreen(assessorPage).acceptSigner([/Eve Examiner/]);
      await assessorPage.getByRole('button', { name: 'Merge into my copy' }).click();
      await assessorPage.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
      const checks = assessorPage.getByRole('region', { name: 'Checks' });
      await checks.getByTestId('verifier-referrals').waitFor();
      expect(await checks.getByTestId('verifier-referrals').textContent()).toMatch(
        /Referred back: Unit C3 by Eve Examiner on \d\d\/\d\d\/\d{4} — “Witness testimony is not signed\.”/,
      );
      await assessorPage.screenshot({ path: 'tests/e2e/screenshots/verifier-10-assessor-checks.png', fullPage: true });
      await new PortfolioApp(assessorPage, '').actAs(/J Sullivan/);
      await assessorPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
      await assessorPage.getByRole('heading', { name: 'Referred back by verifiers (1)' }).waitFor();
      expect(await assessorPage.getByRole('link', { name: 'Annie Macleod, unit C3' }).count()).toBe(1);
      await assessorPage.screenshot({ path: 'tests/e2e/screenshots/verifier-11-assessor-home.png', fullPage: true });
      const homeViolations = await new VerifierJourney(assessorPage).seriousViolations();
      expect(homeViolations).toEqual([]);
    },
  );
});
