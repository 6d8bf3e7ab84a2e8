// The candidate's journey on a 1024 × 768 tablet, installed (on-disk profile) and offline after the first load:
// open their portfolio, choose optional units against the rules of combination, add a reflective account and a
// product with a file, map criteria, see what is still missing, and delete a mistaken portfolio with an undo.
// Each step: a screenshot (tests/e2e/screenshots/candidate-*.png), no sideways scrolling, dates in one format,
// and no serious or critical axe violations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchProfile, startServer, reloadOfflineReady, type Server } from './harness';
import { CandidateJourney } from './pages/CandidateJourney';

let context: BrowserContext;
let server: Server;
let profile: string;
beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'fieldfolio-candidate-'));
  server = await startServer();
  context = await launchProfile(profile, ['--lang=en-GB']);
  context.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await context?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const PDF = { name: 'comment-cards.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% cards\n') };

describe('a candidate on a tablet, offline', () => {
  it(
    'chooses units, adds and maps evidence, sees what is missing, deletes a mistaken portfolio and undoes it',
    { timeout: 180_000 },
    async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setViewportSize({ width: 1024, height: 768 });
      const journey = new CandidateJourney(page, server.url);
      const { app } = journey;
      const check = async (step: string) => {
        await journey.shot(step);
        expect(await journey.overflow(), `${step}: sideways scrolling`).toBeLessThanOrEqual(0);
        const dates = await journey.datesShown();
        expect(dates.iso, `${step}: ISO dates shown`).toEqual([]);
        expect(await journey.seriousViolations(), `${step}: axe`).toEqual([]);
        return dates;
      };

      // Installed once online, then the network goes.
      await app.openHome();
      await reloadOfflineReady(page);
      await context.setOffline(true);

      // The centre set the candidate up on this tablet: the people, and a portfolio with no units yet.
      await app.addPerson('Priya Shah', ['Candidate']);
      await app.addPerson('Jo Assessor', ['Assessor'], 'Qualified assessor');
      await app.actAs(/Jo Assessor/);
      await journey.enrolWithoutUnits('Priya Shah', /SVQ2 in Customer Service/, 'Jo Assessor');
      await app.actAs(/Priya Shah/);

      // 1. The candidate opens their portfolio.
      await journey.openPortfolio('Priya Shah');
      const opened = await check('1-portfolio');
      expect(opened.formatted.length).toBeGreaterThan(0);

      // 2. Chooses optional units, seeing the rules of combination status change.
      const routeForm = await journey.chooseUnits(['B2']);
      await journey.routeVerdict().filter({ hasText: 'does not yet meet' }).waitFor();
      await check('2-route-not-yet');
      await routeForm.getByRole('button', { name: 'Complete the route with the fewest units' }).click();
      await journey.routeVerdict().filter({ hasText: 'meets the rules' }).waitFor();
      await check('2-route-met');
      await routeForm.getByRole('button', { name: 'Save route and people' }).click();
      await page.getByRole('status').filter({ hasText: 'Route and people saved.' }).waitFor();

      // 3. A reflective account mapped to F1.1, and a product with its file mapped to F1.2.
      let form = await journey.addEvidence({
        type: 'RA',
        title: 'How I greet our visitors',
        description: 'What I say to families and school groups at the gate, and why.',
        criteria: [['F1', /^F1\.1 /]],
      });
      await check('3-reflective-account');
      await form.getByRole('button', { name: 'Save evidence' }).click();
      await page.getByRole('heading', { level: 1, name: 'How I greet our visitors' }).waitFor();
      const evidenceDates = await check('3-evidence-saved');
      expect(evidenceDates.formatted.length).toBeGreaterThan(0);
      // The criterion is named once with its unit.
      expect(await page.locator('main').innerText()).not.toMatch(/\bF1 F1\.1\b/);

      await journey.openPortfolio('Priya Shah');
      form = await journey.addEvidence({
        type: 'P',
        title: 'Customer comment cards',
        description: 'The cards I collected in May and what I did about each.',
        file: PDF,
        criteria: [['F1', /^F1\.2 /]],
      });
      await check('4-product');
      await form.getByRole('button', { name: 'Save evidence' }).click();
      await page.getByRole('heading', { level: 1, name: 'Customer comment cards' }).waitFor();

      // 5. What is still missing: the summary says what each figure counts; the checks list the gaps.
      await journey.openPortfolio('Priya Shah');
      const summary = page.getByTestId('overall-coverage');
      await expect
        .poll(() => summary.textContent())
        .toMatch(/^Criteria evidenced: 2 of \d+ \(\d+%\) · Units signed off: 0 of \d+$/);
      const checks = page.getByRole('region', { name: 'Checks' });
      expect(await checks.innerText()).toMatch(/F2: \d+ of \d+ criteria have no evidence yet/);
      expect(await checks.innerText()).not.toMatch(/\b1 criteria\b|of 1 criteria/);
      const evidenceList = page.getByRole('list', { name: 'Evidence' });
      expect(await evidenceList.innerText()).toContain('1 criterion');
      expect(await evidenceList.innerText()).not.toContain('1 criteria');
      await check('5-still-missing');

      // 6. The portfolio was a mistake: delete it (asked on the page), then undo while the page is open.
      await page.getByRole('button', { name: 'Delete this portfolio' }).click();
      const ask = page.getByRole('group', { name: 'Delete this portfolio' });
      await ask.getByText(/Delete Priya Shah’s portfolio and its \d+ records/).waitFor();
      await check('6-confirm-delete');
      await ask.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('heading', { level: 1, name: 'Portfolio deleted' }).waitFor();
      const note = page.getByTestId('undo-note');
      expect(await note.getByRole('status').textContent()).toBe('Deleted Priya Shah’s portfolio.');
      expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
      await check('6-deleted');
      await note.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('heading', { level: 1, name: 'Priya Shah' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Priya Shah’s portfolio is back, as it was.' }).waitFor();
      await expect.poll(() => page.getByRole('list', { name: 'Evidence' }).getByRole('listitem').count()).toBe(2);
      await expect.poll(() => summary.textContent()).toMatch(/^Criteria evidenced: 2 of /);
      await check('7-undone');
    },
  );
});
