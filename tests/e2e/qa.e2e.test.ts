// Centre quality assurance in Chromium, offline, on on-disk profiles (issue 12): an IQA on a tablet (1024×768)
// proposes a plan and samples, disagreeing with an action for the assessor; the portfolio travels in a bundle to
// the assessor's phone (360×740), which shows the action and takes the answer; a trainee IQA's decision waits for
// a qualified IQA's countersignature. axe finds nothing serious on the QA screens at 360 px and 1280 px, nor on the
// decision page with a planned sample and one of its evidence items chosen.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, startServer, reloadOfflineReady } from './harness';
import { seriousViolations } from './axe';
import { ImportScreen } from './pages/ImportScreen';
import { PortfolioApp } from './pages/PortfolioApp';
import { QA_SCREENS, QaScreens } from './pages/QaScreens';

const dir = mkdtempSync(join(tmpdir(), 'fieldfolio-qa-e2e-'));
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function device(name: string, viewport: { width: number; height: number }) {
  const context: BrowserContext = await launchProfile(join(dir, `${name}-profile`));
  context.setDefaultTimeout(20_000);
  const page: Page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);
  return { context, page };
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

const ADD_BUTTONS: Partial<Record<(typeof QA_SCREENS)[number], string>> = {
  Standardisation: 'Add a standardisation record',
  'CPD and competence': 'Add a CPD record',
  Appeals: 'Log an appeal',
};

/** axe on every QA screen (and the record editors, and a plan) at a phone's width and a desktop's. */
async function axeOnQaScreens(page: Page, qa: QaScreens, planTitle: string) {
  const found: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const screen of QA_SCREENS) {
      await qa.go(screen);
      found.push(...(await seriousViolations(page)).map((v) => `${width}px ${screen}: ${v}`));
      // The record screens' editors, open in place of their add button.
      const add = page.getByRole('button', { name: ADD_BUTTONS[screen] ?? '(none)' });
      if (!(await add.count())) continue;
      await add.click();
      await page.getByRole('form').first().waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${width}px ${screen} editor: ${v}`));
      await page.getByRole('button', { name: 'Cancel' }).click();
    }
    await qa.go('Sampling plans');
    await page.getByRole('link', { name: planTitle }).click();
    await page.getByRole('heading', { level: 1, name: planTitle }).waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `${width}px plan: ${v}`));
    // The decision page with a planned sample chosen, and one of its evidence items.
    const open = qa.items.filter({ has: page.getByRole('link', { name: /Record a decision/ }) }).first();
    const form = await qa.openDecision(open);
    await form.getByTestId('decision-item').waitFor();
    const evidence = form.getByRole('combobox', { name: 'Evidence item (optional)' });
    await expect.poll(() => evidence.locator('option').count()).toBeGreaterThan(1);
    await evidence.selectOption({ index: 1 });
    found.push(...(await seriousViolations(page)).map((v) => `${width}px decision on a chosen item: ${v}`));
  }
  return found;
}

describe('centre QA between an IQA’s tablet and an assessor’s phone, offline', () => {
  it('plans and samples, disagrees with an action, the assessor answers after a bundle exchange; a trainee’s decision waits', async () => {
    const server = await startServer();
    const tablet = await device('iqa-tablet', { width: 1024, height: 768 });
    const phone = await device('assessor-phone', { width: 1024, height: 768 });
    for (const { page } of [tablet, phone]) {
      await page.goto(server.url + '/');
      await reloadOfflineReady(page);
    }
    await server.close();
    await tablet.context.setOffline(true);
    await phone.context.setOffline(true);

    // The IQA's tablet: the demo centre; Kenneth Hay (qualified IQA) proposes a plan for the SVQ2 and samples.
    const t = tablet.page;
    await t.getByRole('button', { name: 'Load the demo centre' }).click();
    // Loaded, the home screen swaps its empty state (and the button) for the caseload.
    await t.getByText('No portfolios on this device yet.').waitFor({ state: 'detached', timeout: 60_000 });
    await t.getByLabel('Acting as').locator('option', { hasText: 'Kenneth Hay' }).waitFor({ state: 'attached' });
    await new PortfolioApp(t, '').actAs(/Kenneth Hay/);
    const qa = new QaScreens(t);
    await qa.open();
    await qa.proposePlan(/SVQ2/, isoDay(-180), isoDay(30), 'SVQ2 plan, this half-year');
    expect(await qa.items.count()).toBeGreaterThan(0);
    // Every item says in words why it was chosen.
    for (const reason of await t.getByTestId('plan-item-reason').allTextContents())
      expect(reason).toMatch(/^(Interim|Summative): unit \S+ .+\. .+/);
    expect(await t.getByTestId('plan-totals').textContent()).toMatch(/of \d+ planned samples done/);
    // The first sample still open (the demo centre's own decisions may already answer some proposed items).
    const openItems = qa.items.filter({ has: t.getByRole('link', { name: /Record a decision/ }) });
    const saved = await qa.decide(openItems.first(), {
      outcome: 'Disagree',
      feedback: 'The observation does not show the whole of the customer’s problem being dealt with.',
      action: { text: 'Observe the candidate again and map the missing criteria.', due: isoDay(10) },
    });
    const [, assessor, unit] = /you disagree with (.+) on unit (\S+) /.exec(saved)!;
    await t.getByRole('link', { name: 'Open the candidate’s portfolio' }).click();
    await t.getByRole('list', { name: 'QA actions' }).waitFor();
    await t.getByRole('button', { name: 'Export bundle' }).click();
    await t.getByTestId('export-ready').waitFor();
    const bundle = await download(t, () => t.getByRole('link', { name: 'Download bundle' }).click());

    // The assessor's phone: the bundle opened and added (the tablet's key accepted for everyone it names).
    const p = phone.page;
    const importer = new ImportScreen(p);
    await importer.open(bundle);
    await importer.summary.waitFor();
    const accept = p.getByRole('form', { name: 'Accept this key?' });
    for (const box of await accept.getByRole('checkbox').all()) await box.check();
    await accept.getByRole('button', { name: 'Accept the key' }).click();
    await accept.waitFor({ state: 'detached' });
    await p.getByRole('button', { name: 'Add to this device' }).click();
    await p.waitForURL(/\/portfolios\//);
    await new PortfolioApp(p, '').actAs(new RegExp(assessor!));
    await p.setViewportSize({ width: 360, height: 740 });
    await p.goto(p.url().replace(/\/portfolios\/.*/, '/'));
    const phoneQa = new QaScreens(p);
    const action = phoneQa.actions.getByTestId('qa-action').filter({ hasText: 'Observe the candidate again' });
    await action.waitFor();
    expect(await action.textContent()).toContain(`Unit ${unit}`);
    expect(await action.textContent()).toContain('set by Kenneth Hay');
    expect(
      await p
        .getByRole('list', { name: /^To do on / })
        .first()
        .textContent(),
    ).toContain(`IQA action on ${unit}`);
    await phoneQa.answer(action, 'Observed again on the late shift; F1.2 and F1.3 now mapped.');
    expect(await action.getByTestId('qa-answer').textContent()).toContain('waiting for the IQA to close it');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A trainee IQA's decision waits for countersigning by a qualified IQA.
    await new PortfolioApp(t, '').actAs(/Aileen McKell/);
    await qa.open();
    await t.getByRole('combobox', { name: 'IQA', exact: true }).first().selectOption({ label: 'Aileen McKell' });
    await t.getByRole('list', { name: 'Sampling plans' }).getByRole('link').first().click();
    expect(await qa.decide(openItems.first(), { outcome: 'Agree', feedback: 'Sound judgement.' })).toContain(
      'It waits for countersigning by a qualified IQA.',
    );
    await qa.go('Countersigning');
    const mine = t.getByRole('list', { name: 'Decisions awaiting countersignature' });
    expect(await mine.textContent()).toContain('Waiting for countersigning by a qualified IQA');
    const waitingCount = await mine.getByRole('listitem').count();
    await new PortfolioApp(t, '').actAs(/Kenneth Hay/);
    const toSign = t.getByRole('list', { name: 'Decisions awaiting countersignature' });
    await expect.poll(() => toSign.getByRole('button', { name: 'Countersign' }).count()).toBe(waitingCount);

    expect(await axeOnQaScreens(t, qa, 'SVQ2 plan, this half-year')).toEqual([]);
    await tablet.context.close();
    await phone.context.close();
  }, 400_000);
});
