// What a person reads when sync cannot work, in real Chromium against a real Ceph RGW: a device clock 40 minutes
// ahead (Ceph refuses the SigV4 signature and hides the refusal from the browser: the app learns the store's time
// from the bucket's readable Date, corrects, syncs, and says so), a link naming a bucket that does not exist (on the
// connection test and on /sync), and a store whose quota is used up (radosgw-admin user quota: the store refuses
// with QuotaExceeded; nothing is lost and sync goes on once the quota is raised).
import { describe, expect, it } from 'vitest';
import { setUserQuota } from '../../scripts/rgw';
import { seriousViolations } from './axe';
import { SyncScreens } from './pages/SyncScreens';
import { addEvidence, openPortfolio, SyncWorld } from './pages/SyncWorld';

const world = SyncWorld.setUp();

/** The device's clock runs 40 minutes ahead: Date.now() and new Date() in every page of the profile. */
const CLOCK_40_MINUTES_AHEAD = `(() => {
  const offset = 40 * 60 * 1000;
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
})();`;

describe('sync problems said in words', () => {
  it('a device clock 40 minutes ahead: the store’s time is learned, sync corrects for it and says so', async () => {
    const page = await world.device('clock-ahead', { initScript: CLOCK_40_MINUTES_AHEAD });
    expect(await page.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(
      39 * 60_000,
    );
    const sync = new SyncScreens(page);
    await sync.connectByLink(world.link());
    const verdict = await sync.testConnection();
    await expect
      .poll(() => verdict.getByTestId('step-credentials').textContent())
      .toMatch(/passed.*clock is 40 minutes ahead of the store’s; sync corrects for it/);
    expect(await verdict.getByTestId('step-write').textContent()).toMatch(/passed/);
    await sync.open();
    await sync.waitUntilSynced();
    expect(await page.getByTestId('clock-note').textContent()).toBe(
      'This device’s clock is 40 minutes ahead of the store’s; sync corrects for it.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/sync-clock-corrected.png', fullPage: true });
    await page.context().close();
  }, 120_000);

  it('a link naming a bucket that does not exist: the connection test and /sync say so', async () => {
    const page = await world.device('no-bucket');
    const sync = new SyncScreens(page);
    await sync.connectByLink(world.link({ bucket: 'no-such-bucket' }));
    const verdict = await sync.testConnection();
    await expect
      .poll(() => verdict.getByTestId('step-cors').textContent())
      .toMatch(/failed.*bucket “no-such-bucket” gives this app no answer: either there is no bucket of that name/);
    expect(await verdict.getByTestId('step-reachable').textContent()).toMatch(/passed/);
    expect(await seriousViolations(page)).toEqual([]);
    await verdict.screenshot({ path: 'tests/e2e/screenshots/sync-no-bucket-test.png' });
    await sync.open();
    await sync
      .runState()
      .filter({ hasText: 'The bucket gives this app no answer: either it does not exist' })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => sync.badge().textContent(), { timeout: 15_000 }).toBe('Sync failed: see Sync');
    await page.context().close();
  }, 120_000);

  it('the store is full (user quota): /sync says so, the change waits, and goes once the quota is raised', async () => {
    const page = await world.device('quota', { shape: 'phone' });
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    const sync = await world.connect(page);
    const before = (await world.bundleKeys()).length;
    // Nothing more fits: the quota is below what the bucket already holds.
    await setUserQuota(world.rgw, 1024);
    await openPortfolio(page);
    await addEvidence(page, 'P', 'Photo taken when the store was full', true);
    await sync.open();
    await sync
      .runState()
      .filter({ hasText: 'The store is full: ask the centre to make room or raise the quota.' })
      .waitFor({ timeout: 60_000 });
    await sync.badge().filter({ hasText: 'Sync failed: see Sync' }).waitFor();
    await page.screenshot({ path: 'tests/e2e/screenshots/sync-store-full-360.png', fullPage: true });
    await page.getByRole('link', { name: 'Sync log' }).click();
    await page.getByTestId('sync-log-row').filter({ hasText: 'The store is full' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await world.bundleKeys()).length).toBe(before);

    await setUserQuota(world.rgw, null);
    await sync.open();
    await sync.syncNow();
    await sync.waitUntilSynced();
    expect((await world.bundleKeys()).length).toBe(before + 1);
    await openPortfolio(page);
    await page.getByRole('link', { name: /Photo taken when the store was full/ }).waitFor();
  }, 180_000);
});
