// The assessor's home screen as their caseload, in Chromium against the built app: cards with progress and flags,
// filtered to what needs action and what is overdue, sorted; at 360 px nothing runs off the side; axe is clean.
import { describe, expect, it } from 'vitest';

import { newContext, serveAppInChromium } from './harness';
import { seriousViolations } from './axe';
import { PortfolioApp } from './pages/PortfolioApp';
import { CaseloadScreen } from './pages/CaseloadScreen';

const served = serveAppInChromium();

const today = () => new Date().toISOString().slice(0, 10);

describe('the assessor’s caseload on the home screen', () => {
  it('shows each candidate with progress and flags, filters to what needs action and is overdue, sorts; phone and desktop', async () => {
    const context = await newContext(served.browser);
    const page = await context.newPage();
    const app = new PortfolioApp(page, served.server.url);
    const home = new CaseloadScreen(page, served.server.url);
    // The demo: Annie Macleod, assessed by J Sullivan (who it makes the acting person); two more candidates of his,
    // Ben started today and Cara started long ago with no evidence since (overdue).
    await app.openHome();
    await page.getByRole('button', { name: 'Load the demo portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annie Macleod' }).waitFor();
    await app.addPerson('Ben Candidate', ['Candidate']);
    await app.addPerson('Cara Candidate', ['Candidate']);
    await home.startPortfolio('Ben Candidate', /SVQ2 in Customer Service/, 'J Sullivan', { startDate: today() });
    await home.startPortfolio('Cara Candidate', /SVQ2 in Customer Service/, 'J Sullivan', { startDate: '2025-01-06' });
    await app.actAs(/J Sullivan/);

    await home.open();
    await home.summariesShown();
    expect(await home.cardNames()).toEqual(['Annie Macleod', 'Ben Candidate', 'Cara Candidate']);
    for (const name of ['Annie Macleod', 'Ben Candidate', 'Cara Candidate']) {
      expect(await home.card(name).textContent()).toMatch(/\d+% of the route’s criteria covered/);
      expect(
        await home
          .card(name)
          .getByRole('progressbar', { name: `Progress of ${name}` })
          .count(),
      ).toBe(1);
    }
    expect(await home.card('Annie Macleod').textContent()).toMatch(/Last evidence: \d\d\/\d\d\/2026 \(\d+ items\)/);
    expect(await home.flags('Cara Candidate').textContent()).toContain('No evidence yet, started 06/01/2025');
    expect(await home.card('Cara Candidate').textContent()).toContain('Overdue');
    expect(await home.flags('Ben Candidate').count()).toBe(0);

    // Needs action: Ben, just started with nothing wrong, drops out; the count says so.
    await home.show('Needs action');
    await expect.poll(() => home.cardNames()).not.toContain('Ben Candidate');
    expect(await home.cardNames()).toContain('Cara Candidate');
    await home.show('Overdue');
    await expect.poll(() => home.cardNames()).toContain('Cara Candidate');
    expect(await home.cardNames()).not.toContain('Ben Candidate');

    // By keyboard: the Show control takes focus and arrow keys, and back to everyone; sort by progress.
    await home.control('Show').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => home.control('Show').inputValue()).toBe('all');
    await expect.poll(() => home.cardNames()).toHaveLength(3);
    await home.sortBy('Least progress first');
    await expect.poll(() => home.cardNames()).toEqual(['Ben Candidate', 'Cara Candidate', 'Annie Macleod']);
    await home.sortBy('Name');

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/caseload-1280.png', fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    await home.card('Cara Candidate').waitFor();
    expect(await home.horizontalOverflow()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/caseload-360.png', fullPage: true });
    await context.close();
  });
});
