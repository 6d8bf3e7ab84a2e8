// Three on-disk profiles through a real Ceph RGW: the assessor's phone (360 px), the candidate's tablet and the
// IQA's desktop (1280×800) in the same centre. The desktop, acting as the IQA, pulls the portfolios that concern
// him — including one the phone started — and not those that do not concern the tablet's candidate. Devices are
// named by the labels their people set on /sync/settings (the desktop's proposed from its acting person).
// Relay: the phone, offline, records and hands a bundle file to the tablet, then closes for good; the tablet, which
// pushed a change of its own after the phone's record was made, merges the file and its next push sends the phone's
// record on (selected by the tablet's change seq: selection by `updatedAt` since its last push would skip it). The
// desktop applies it at once — the record carries the phone's signature, a key it accepts — while the tablet's own
// change waits, held, until the desktop accepts the tablet's key: the tablet signs the bundle, not the records.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { PortfolioApp } from './pages/PortfolioApp';
import { SyncScreens } from './pages/SyncScreens';
import { JourneyPage } from './pages/JourneyPage';
import {
  addEvidence,
  evidenceTitles,
  openBundle,
  openPortfolio,
  setDeviceLabel,
  SyncWorld,
  waitForEvidence,
} from './pages/SyncWorld';
import { TrustScreen } from './pages/TrustScreen';

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

  it('a record carried by hand from the offline phone to the tablet is relayed to the IQA’s desktop', async () => {
    const shots = { desktop: new JourneyPage(desktop, 'sync-three'), tablet: new JourneyPage(tablet, 'sync-three') };
    // The phone has no connection: its record leaves only as a bundle file, and the phone is closed for good.
    const inStore = await world.bundleKeys();
    await phone.context().setOffline(true);
    await openPortfolio(phone);
    await addEvidence(phone, 'O', 'Observed at the returns desk', true);
    await openPortfolio(phone);
    const bundle = await world.exportBundle(phone);
    await phone.context().close();
    expect(await world.bundleKeys()).toEqual(inStore);

    // Later than the phone's record, the candidate adds her own on the tablet, and it goes up.
    await openPortfolio(tablet);
    await addEvidence(tablet, 'RA', 'What I learnt at the returns desk', false);
    await syncNow(tablet);
    // Then the tablet merges the phone's file and pushes again.
    await openBundle(tablet, bundle);
    await openPortfolio(tablet);
    await waitForEvidence(tablet, 'Observed at the returns desk');
    await syncNow(tablet);
    await shots.tablet.shot('1-tablet-relayed');

    // The desktop gets the phone's record without accepting anything new: its author's key is accepted there.
    await openPortfolio(desktop);
    await expect
      .poll(
        async () => {
          await syncNow(desktop);
          await openPortfolio(desktop);
          await desktop.getByRole('list', { name: 'Evidence' }).locator('> li').first().waitFor();
          return evidenceTitles(desktop);
        },
        { timeout: 90_000, interval: 2000 },
      )
      .toEqual(expect.arrayContaining([expect.stringContaining('Observed at the returns desk')]));
    expect((await evidenceTitles(desktop)).join('\n')).not.toContain('What I learnt at the returns desk');
    await desktop.getByRole('link', { name: /Observed at the returns desk/ }).click();
    await expect.poll(() => desktop.getByRole('region', { name: 'Media' }).getByRole('figure').count()).toBe(1);
    await shots.desktop.shot('2-desktop-relayed-record');

    // The tablet's own change is held, named by the tablet's label and fingerprint, until the IQA accepts its key.
    const tabletFingerprint = await (async () => {
      const trust = new TrustScreen(tablet);
      await trust.open();
      return trust.ownFingerprint();
    })();
    const desktopSync = new SyncScreens(desktop);
    await desktopSync.open();
    const held = desktopSync.heldSigners().filter({ hasText: tabletFingerprint });
    await held.getByTestId('held-device').filter({ hasText: 'Annie’s tablet' }).waitFor();
    await shots.desktop.shot('3-desktop-held');
    expect(await seriousViolations(desktop)).toEqual([]);
    await held.getByRole('button', { name: 'Accept this key…' }).click();
    await new TrustScreen(desktop).acceptForEveryone(desktop.getByRole('form', { name: 'Accept this key' }));
    await openPortfolio(desktop);
    await waitForEvidence(desktop, 'What I learnt at the returns desk');

    // The sync log names the device whose objects carried them.
    await desktopSync.open();
    await desktop.getByRole('link', { name: 'Sync log' }).click();
    await desktop.getByTestId('sync-log-device').filter({ hasText: 'Annie’s tablet' }).first().waitFor();
    await shots.desktop.shot('4-desktop-sync-log');
    expect(await seriousViolations(desktop)).toEqual([]);
  }, 300_000);
});
