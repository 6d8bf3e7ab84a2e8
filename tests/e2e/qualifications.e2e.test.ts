import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { newContext, reloadOfflineReady, startServer, serveAppInChromium } from './harness';
import { seriousViolations } from './axe';
import { QualificationsPage } from './pages/QualificationsPage';

const served = serveAppInChromium();

describe('qualification browser', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext(served.browser);
  });
  afterAll(async () => context.close());

  it('lists every bundled qualification', async () => {
    const app = new QualificationsPage(await context.newPage(), served.server.url);
    await app.open();
    const titles = await app.qualificationLinks().allTextContents();
    expect(titles).toHaveLength(7);
    expect(titles).toContain('VTCT (Skillsfirst) Level 3 Diploma in Customer Service (RQF)');
    expect(titles).toContain('SVQ 4 in Customer Service at SCQF Level 8');
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('shows units with criteria, and ticking units updates each rule and the plan live', async () => {
    const app = new QualificationsPage(await context.newPage(), served.server.url);
    await app.open();
    await app.openQualification('VTCT (Skillsfirst) Level 3 Diploma in Customer Service (RQF)');
    // A unit's criteria, as transcribed.
    await app.page.getByText('BUS59', { exact: true }).first().waitFor();
    const unit = app.page.locator('details.unit-details', { hasText: 'Principles of business' }).first();
    await unit.locator('summary').click();
    await expect.poll(() => unit.locator('ol.criteria li').count()).toBeGreaterThan(5);

    await expect.poll(() => app.verdict().textContent()).toContain('Award not yet achieved');
    await app.tick('BUS59', 'CUS25', 'CUS26', 'CUS27', 'CUS30', 'ML9');
    await expect.poll(() => app.ruleLine('all-mandatory').textContent()).toContain('all units of group M are in');
    await expect
      .poll(() => app.ruleLine('group-a-min-15').textContent())
      .toContain('needs 15 more credits from group A');
    await app.tick('CUS28', 'CUS32', 'CUS33', 'CUS31', 'CC39', 'BUS42', 'BUS39');
    await expect.poll(() => app.verdict().textContent()).toContain('Award achieved');
    await expect.poll(() => app.ruleLine('group-b-max-9').textContent()).toContain('cannot count');

    // The same ticks as a planned route: 12 credits from B break the ceiling.
    await app.page.getByRole('radio', { name: /a planned route/ }).check();
    await expect.poll(() => app.verdict().textContent()).toContain('Route does not meet the rules');
    await expect.poll(() => app.ruleLine('group-b-max-9').textContent()).toContain('3 over the maximum of 9');
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('the planner suggests the missing units and can tick them', async () => {
    const app = new QualificationsPage(await context.newPage(), served.server.url);
    await app.open();
    await app.openQualification('Pearson BTEC Level 3 Diploma for Customer Service Specialists');
    await app.page.getByRole('radio', { name: /achieved units/ }).check();
    await app.tick('1', '2', '3', '4', '5', '6');
    await expect.poll(() => app.plan().textContent()).toContain('Smallest set of units to add (2): 7, 8');
    await app.page.getByRole('button', { name: 'Tick the suggested units' }).click();
    await expect.poll(() => app.verdict().textContent()).toContain('Award achieved');
  });

  it('is usable by keyboard alone', async () => {
    const page = await context.newPage();
    const app = new QualificationsPage(page, served.server.url);
    await app.open();
    // Skip link, then tab to the first qualification link and open it with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const firstTitle = (await app.qualificationLinks().first().textContent())!;
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === firstTitle) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: firstTitle }).waitFor();
    // Space ticks a focused checkbox.
    const box = app.page.getByRole('group', { name: 'Units' }).getByRole('checkbox').first();
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
  });
});

describe('adding a qualification from a spec file', () => {
  it('refuses a malformed spec with the file, path and problem; accepts a valid one, which then works like a bundled one', async () => {
    const context = await newContext(served.browser);
    const app = new QualificationsPage(await context.newPage(), served.server.url);
    await app.open();
    const spec = JSON.parse(readFileSync('specs/btec-l3-cert-customer-service-specialists.json', 'utf8'));
    const bad = { ...spec, rules: [...spec.rules, { id: 'x', kind: 'minUnits', groups: ['Z'], min: 1 }] };
    const input = app.page.getByLabel('Spec file (.json)');
    await input.setInputFiles({
      name: 'my-qual.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const error = app.page.getByTestId('spec-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('my-qual.json: $.rules[3].groups[0]: rule names unknown group "Z"');

    const good = { ...spec, id: 'centre-customer-service-award', title: 'Centre Award in Customer Service' };
    await input.setInputFiles({
      name: 'centre.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await app.page.getByRole('status').filter({ hasText: 'was added to this device' }).waitFor();
    await app.page.getByRole('link', { name: 'Centre Award in Customer Service' }).click();
    await app.page.getByRole('heading', { level: 1, name: 'Centre Award in Customer Service' }).waitFor();
    await app.tick('1', '2', '3', '4');
    await expect.poll(() => app.verdict().textContent()).toContain('Award achieved');
    await context.close();
  });
});

describe('at phone size (360 px)', () => {
  it('has no horizontal scroll and no serious accessibility violations', async () => {
    const context = await newContext(served.browser, { phone: true });
    const page = await context.newPage();
    const app = new QualificationsPage(page, served.server.url);
    await app.open();
    await app.openQualification('SVQ 4 in Customer Service at SCQF Level 8');
    await app.tick('CFACSF5', 'CFACSF6');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/spec-360.png', fullPage: false });
    await context.close();
  });
});

describe('offline', () => {
  it('after the first visit, the qualification browser works with the network and the server gone', async () => {
    const offlineServer = await startServer();
    const context = await newContext(served.browser);
    const page = await context.newPage();
    const app = new QualificationsPage(page, offlineServer.url);
    await app.open();
    await reloadOfflineReady(page, app.qualificationLinks().first());

    await offlineServer.close();
    await context.setOffline(true);
    await page.reload();
    await app.qualificationLinks().first().waitFor();
    expect(await app.qualificationLinks().count()).toBe(7);
    await app.openQualification('Edexcel SVQ3 in Customer Service at SCQF level 6');
    await app.page.getByRole('radio', { name: /a planned route/ }).check();
    await app.tick('F3', 'F4', 'A15', 'B10', 'B11', 'C7', 'D11');
    await expect.poll(() => app.verdict().textContent()).toContain('Route does not meet the rules');
    // A deep link loads offline too (navigation fallback to the precached shell).
    await page.goto(offlineServer.url + '/qualifications/svq2-customer-service-scqf5');
    await page.getByRole('heading', { level: 1, name: /SVQ2/ }).waitFor();
    // Nothing answered from the network: the server is gone and the browser is offline.
    const reachable = await page.evaluate(
      (url) =>
        fetch(url + '/favicon-probe', { cache: 'no-store' }).then(
          () => true,
          () => false,
        ),
      offlineServer.url,
    );
    expect(reachable).toBe(false);
    await context.close();
  });
});
