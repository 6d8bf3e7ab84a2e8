// Sync through a real Ceph RADOS Gateway (scripts/rgw.ts), between on-disk Chromium profiles: an assessor's phone
// (360 px) and a candidate's tablet. The phone connects by the centre's link, records an observation with a photo
// offline and goes online; the tablet shows it without anyone touching it. A change from a key the phone does not
// accept is held, with its fingerprint, until accepted. Both edit one evidence item offline: both see the
// conflict. Wrong credentials give the 403 message. The gateway stopped and restarted with a change waiting: the
// state says so, and the change arrives after. An object altered in the bucket is refused and logged, changing
// nothing. Each device names itself on the sync settings; the other shows that name on held keys, conflicts and the
// sync log. The tests run in order and share the two devices (setup: pages/SyncWorld.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { restartGateway, stopGateway } from '../../scripts/rgw';
import { seriousViolations } from './axe';
import { PortfolioApp } from './pages/PortfolioApp';
import { SyncScreens } from './pages/SyncScreens';
import { addEvidence, evidenceTitles, openPortfolio, setDeviceLabel, SyncWorld } from './pages/SyncWorld';
import { TrustScreen } from './pages/TrustScreen';

const world = SyncWorld.setUp();
const device = (name: string, phone = false) => world.device(name, { shape: phone ? 'phone' : 'tablet' });

describe('sync through the centre’s store', () => {
  let phone: Page;
  let tablet: Page;

  it('wrong credentials: the connection test and the Sync screen say the store refused them (403)', async () => {
    const page = await device('wrong-key');
    const sync = new SyncScreens(page);
    await sync.connectByLink(world.link({ secretAccessKey: 'not-the-secret-0000000000000000000000000' }));
    expect(page.url()).not.toContain('#');
    expect(page.url()).toMatch(/\/sync\/settings$/);
    const verdict = await sync.testConnection();
    await expect
      .poll(() => verdict.getByTestId('step-credentials').textContent())
      .toMatch(/failed.*refused this device’s key/);
    expect(await verdict.getByTestId('step-reachable').textContent()).toMatch(/passed/);
    expect(await verdict.getByTestId('step-cors').textContent()).toMatch(/passed/);
    expect(await verdict.getByTestId('step-write').textContent()).toMatch(/not checked/);
    expect(await seriousViolations(page)).toEqual([]);
    await sync.open();
    await sync.runState().filter({ hasText: 'The store refused the credentials (403)' }).waitFor();
    // The header's state follows the run that just failed (it may still say 'Syncing…' for a moment).
    await expect.poll(() => sync.badge().textContent(), { timeout: 15_000 }).toBe('Sync failed: see Sync');
    await page.context().close();
  }, 120_000);

  it('the phone records an observation with a photo offline; online, the tablet shows it by itself', async () => {
    phone = await device('assessor-phone', true);
    tablet = await device('candidate-tablet');
    // The tablet has the portfolio from an opened bundle, and accepted the phone's key (docs/trust.md).
    await world.shareDemoPortfolio(phone, [tablet]);

    // Both connect by the centre's link and sync once.
    const phoneSync = new SyncScreens(phone);
    const tabletSync = new SyncScreens(tablet);
    await phoneSync.connectByLink(world.link());
    expect(phone.url()).not.toContain('#');
    await phone.getByRole('button', { name: 'Show the sync link as a QR code' }).click();
    await phone.getByTestId('sync-qr').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phoneSync.open();
    await phoneSync.waitUntilSynced();
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tabletSync.connectByLink(world.link());
    await tabletSync.open();
    await tabletSync.waitUntilSynced();
    // Each names itself for the others (docs/sync.md, "Device labels").
    await setDeviceLabel(phone, 'Assessor’s phone');
    await setDeviceLabel(tablet, 'Annie’s tablet');
    await openPortfolio(tablet);
    const before = await evidenceTitles(tablet);

    // Offline, the phone records; the header says the change waits.
    await phone.context().setOffline(true);
    await openPortfolio(phone);
    await addEvidence(phone, 'O', 'Observed at the till on Saturday', true);
    await phoneSync
      .badge()
      .filter({ hasText: /offline|waiting/ })
      .waitFor();
    await phone.context().setOffline(false);
    await phoneSync.badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 60_000 });

    // The tablet, untouched, pulls it on its own (every minute while visible).
    await expect
      .poll(() => evidenceTitles(tablet), { timeout: 100_000, interval: 1000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Observed at the till on Saturday')]));
    expect((await evidenceTitles(tablet)).length).toBe(before.length + 1);
    await tablet.getByRole('link', { name: /Observed at the till on Saturday/ }).click();
    await expect.poll(() => tablet.getByRole('region', { name: 'Media' }).getByRole('figure').count()).toBe(1);
  }, 300_000);

  it('a change signed by a key the phone does not accept is held, with its fingerprint, until accepted', async () => {
    const tabletFingerprint = await (async () => {
      const trust = new TrustScreen(tablet);
      await trust.open();
      return trust.ownFingerprint();
    })();
    await new PortfolioApp(tablet, world.url).actAs(/Annie Macleod/);
    await openPortfolio(tablet);
    await addEvidence(tablet, 'RA', 'How I handle a queue', false);
    const tabletSync = new SyncScreens(tablet);
    await tabletSync.badge().filter({ hasText: 'Sync: up to date' }).waitFor({ timeout: 60_000 });

    const phoneSync = new SyncScreens(phone);
    await phoneSync.open();
    await phoneSync.syncNow();
    const held = phoneSync.heldSigners().filter({ hasText: tabletFingerprint });
    await held.waitFor({ timeout: 30_000 });
    await held.getByTestId('held-device').filter({ hasText: 'Annie’s tablet' }).waitFor();
    await openPortfolio(phone);
    expect((await evidenceTitles(phone)).join('\n')).not.toContain('How I handle a queue');

    await phoneSync.open();
    await held.getByRole('button', { name: 'Accept this key…' }).click();
    const form = phone.getByRole('form', { name: 'Accept this key' });
    expect(await form.getByTestId('accept-fingerprint').textContent()).toBe(tabletFingerprint);
    expect(await seriousViolations(phone)).toEqual([]);
    await new TrustScreen(phone).acceptForEveryone(form);
    await openPortfolio(phone);
    await expect
      .poll(() => evidenceTitles(phone), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('How I handle a queue')]));
  }, 180_000);

  it('both edit the same evidence offline; after syncing both see the conflict', async () => {
    const edit = async (page: Page, title: string) => {
      await openPortfolio(page);
      await page.getByRole('link', { name: /How I handle a queue/ }).click();
      await page.getByRole('button', { name: 'Edit details or add media' }).click();
      const form = page.getByRole('form', { name: 'Edit evidence' });
      await form.getByLabel('Title').fill(title);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    };
    await phone.context().setOffline(true);
    await tablet.context().setOffline(true);
    await edit(phone, 'Queues: what the assessor saw');
    await edit(tablet, 'Queues: how I see it');
    await phone.context().setOffline(false);
    await tablet.context().setOffline(false);
    const phoneSync = new SyncScreens(phone);
    const tabletSync = new SyncScreens(tablet);
    for (const sync of [phoneSync, tabletSync, phoneSync]) {
      await sync.open();
      await sync.syncNow();
      await sync.waitUntilSynced();
    }
    for (const page of [phone, tablet]) {
      await openPortfolio(page);
      await page
        .getByRole('heading', { name: /Changes made on two devices at once \(1\)/ })
        .waitFor({ timeout: 30_000 });
    }
    // The devices are named by the labels their people gave them, not by ids.
    const conflictLine = (page: Page) => page.locator('section[aria-labelledby="conflicts-heading"] li').first();
    expect(await conflictLine(phone).textContent()).toMatch(
      /from (this device \(Assessor’s phone\)|Annie’s tablet) .*from (this device \(Assessor’s phone\)|Annie’s tablet)/,
    );
    expect(await conflictLine(tablet).textContent()).toMatch(/Assessor’s phone/);
    expect(await conflictLine(tablet).textContent()).toMatch(/this device \(Annie’s tablet\)/);
  }, 180_000);

  it('the store goes away with a change waiting: the state says so, nothing is lost, sync resumes', async () => {
    const phoneSync = new SyncScreens(phone);
    stopGateway(world.rgw);
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Till roll while the store was down', true);
    await phoneSync.open();
    await phoneSync
      .runState()
      .filter({ hasText: /not answering/ })
      .waitFor({ timeout: 60_000 });
    await phoneSync.badge().filter({ hasText: 'Sync failed: see Sync' }).waitFor();
    await restartGateway(world.rgw);
    await phoneSync.syncNow();
    await phoneSync.waitUntilSynced();
    const tabletSync = new SyncScreens(tablet);
    await tabletSync.open();
    await tabletSync.syncNow();
    await tabletSync.waitUntilSynced();
    await openPortfolio(tablet);
    await expect
      .poll(() => evidenceTitles(tablet), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Till roll while the store was down')]));
  }, 180_000);

  it('an object altered in the bucket is refused and logged, and the tablet changes nothing', async () => {
    const tabletSync = new SyncScreens(tablet);
    await tablet.context().setOffline(true);
    const before = new Set(await world.bundleKeys());
    await openPortfolio(phone);
    await addEvidence(phone, 'P', 'Altered on its way', true);
    await expect.poll(async () => (await world.bundleKeys()).length, { timeout: 60_000 }).toBe(before.size + 1);
    const [pushed] = (await world.bundleKeys()).filter((key) => !before.has(key));
    await world.alterObject(pushed!);
    await openPortfolio(tablet);
    await expect.poll(async () => (await evidenceTitles(tablet)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const titlesBefore = await evidenceTitles(tablet);
    await tablet.context().setOffline(false);
    await tabletSync.open();
    await tabletSync.syncNow();
    await tabletSync.waitUntilSynced();
    await tablet.getByRole('link', { name: 'Sync log' }).click();
    await tablet
      .getByTestId('sync-log-row')
      .filter({ hasText: `Refused ${pushed}` })
      .filter({ hasText: 'Nothing was changed' })
      .filter({ has: tablet.getByTestId('sync-log-device').filter({ hasText: 'Assessor’s phone' }) })
      .waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await openPortfolio(tablet);
    // The list fills in after the heading: wait for it; an applied altered object would add its title and fail here.
    await expect.poll(() => evidenceTitles(tablet), { timeout: 15_000 }).toEqual(titlesBefore);
  }, 180_000);
});
