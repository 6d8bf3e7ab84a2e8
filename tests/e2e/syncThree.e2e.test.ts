// Three on-disk profiles through a real Ceph RGW: the assessor's phone (360 px), the candidate's tablet and the
// IQA's desktop (1280×800) in the same centre. The desktop, acting as the IQA, pulls the portfolios that concern
// him — including one the phone started — and not those that do not concern the tablet's candidate. Devices are
// named by the labels their people set on /sync/settings (the desktop's proposed from its acting person). A relay
// through a third device is shown by tests/unit/sync/converge.property.test.ts, not yet in the browser.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { PortfolioApp } from './pages/PortfolioApp';
import { SyncScreens } from './pages/SyncScreens';
import { openPortfolio, setDeviceLabel, SyncWorld } from './pages/SyncWorld';

const world = SyncWorld.setUp();

const portfolioNames = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('link', { name: /Rory Grant|Annie Macleod/ })
    .allInnerTexts();

async function syncNow(page: Page): Promise<void> {
  const sync = new SyncScreens(page);
  await sync.open();
  await sync.syncNow();
  await sync.waitUntilSynced();
}

describe('three devices: phone, tablet and the IQA’s desktop', () => {
  let phone: Page;
  let tablet: Page;
  let desktop: Page;

  it('each device is named by its person; the desktop proposes the IQA’s name for itself', async () => {
    phone = await world.device('three-phone', { shape: 'phone' });
    tablet = await world.device('three-tablet');
    desktop = await world.device('three-desktop', { shape: 'desktop' });
    await world.shareDemoPortfolio(phone, [tablet, desktop]);
    await new PortfolioApp(tablet, world.url).actAs(/Annie Macleod/);
    await new PortfolioApp(desktop, world.url).actAs(/Kenneth Hay/);
    for (const page of [phone, tablet, desktop]) await world.connect(page);
    await setDeviceLabel(phone, 'Assessor’s phone');
    await setDeviceLabel(tablet, 'Annie’s tablet');
    // The desktop keeps the name proposed from who acts on it and the kind of device.
    await desktop.getByRole('link', { name: 'Sync settings' }).click();
    await expect
      .poll(() => desktop.getByLabel('Name other devices see for this one').inputValue())
      .toBe('Kenneth Hay’s computer');
    expect(await seriousViolations(desktop)).toEqual([]);
    expect(await desktop.evaluate(() => innerWidth)).toBe(1280);
  }, 300_000);

  it('the IQA’s desktop pulls a portfolio the phone started for him; the tablet’s candidate does not get it', async () => {
    const app = new PortfolioApp(phone, world.url);
    await app.addPerson('Rory Grant', ['Candidate']);
    await app.startPortfolio('Rory Grant', /SVQ2 in Customer Service/, 'J Sullivan', { iqa: 'Kenneth Hay' });
    await new SyncScreens(phone).badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 60_000 });

    await desktop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await expect
      .poll(
        async () => {
          await syncNow(desktop);
          await desktop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
          return portfolioNames(desktop);
        },
        { timeout: 90_000, interval: 2000 },
      )
      .toEqual(expect.arrayContaining([expect.stringContaining('Rory Grant')]));
    await openPortfolio(desktop, 'Rory Grant');
    expect(await seriousViolations(desktop)).toEqual([]);

    await syncNow(tablet);
    await tablet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolios' }).click();
    await tablet
      .getByRole('link', { name: /Annie Macleod/ })
      .first()
      .waitFor();
    expect((await portfolioNames(tablet)).join('\n')).not.toContain('Rory Grant');
  }, 240_000);
});
