import type { Locator, Page } from 'playwright-core';
import { JourneyPage } from './JourneyPage';
import { PortfolioApp, pngBuffer } from './PortfolioApp';

/** The controls a thumb must hit, which WCAG 2.5.5 and the issue want at least 44 px tall. */
const TAP_TARGETS = 'nav[aria-label="Main"] a, .acting select, main button, main a.button, header button';

/** Page model for an assessor on a 360 × 740 phone: progress cards, recording an observation, signing, checks. */
export class AssessorJourney extends JourneyPage {
  readonly app: PortfolioApp;
  constructor(page: Page, baseUrl: string) {
    super(page, 'assessor');
    this.app = new PortfolioApp(page, baseUrl);
  }

  /** The visible tap targets under 44 px tall, as "text (height px)". */
  smallTapTargets(): Promise<string[]> {
    return this.page.evaluate((selector) => {
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ el, height: el.getBoundingClientRect().height }))
        .filter(({ height }) => height < 43.5)
        .map(({ el, height }) => `${(el.textContent ?? '').trim().slice(0, 40)} (${Math.round(height)} px)`);
    }, TAP_TARGETS);
  }

  progressCards(): Locator {
    return this.page.getByRole('list', { name: 'Progress by unit' });
  }

  unitCard(code: string): Locator {
    return this.progressCards().locator(`li[data-unit="${code}"]`);
  }

  /** Starts an observation: title, what was seen, a photo taken with the camera, one criterion. */
  async recordObservation(title: string, observed: string) {
    const { page } = this;
    await page.getByRole('link', { name: 'Record an observation' }).click();
    const form = page.getByRole('form', { name: 'Evidence' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('What the assessor observed').fill(observed);
    await form
      .locator('input[type=file][accept="image/*"]')
      .setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: pngBuffer() });
    await form.getByText('Chosen files (1)').waitFor();
    await this.app.mapCriterion('F1', /^F1\.1 /);
    return form;
  }

  /** PortfolioApp.fillEnrolment, once the route's verdict shows; returns the form, not yet submitted. */
  async fillStartPortfolio(candidate: string, qualification: RegExp, assessor: string) {
    const form = await this.app.fillEnrolment(candidate, qualification, assessor);
    await this.page.getByTestId('route-verdict').waitFor();
    return form;
  }

  /** The page's height in screens (1 = the viewport's height). */
  screensTall(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
  }

  /** Whether `locator` lies wholly within the screen as it is scrolled now. */
  inView(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  }

  /** Whether `a` and `b` sit side by side: their vertical middles within a few pixels. */
  async sameRow(a: Locator, b: Locator): Promise<boolean> {
    const [boxA, boxB] = [(await a.boundingBox())!, (await b.boundingBox())!];
    return Math.abs(boxA.y + boxA.height / 2 - (boxB.y + boxB.height / 2)) <= 4;
  }

  /** The focused element as tag and accessible hint, e.g. "INPUT Full name". */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      // Its label, whether it wraps the control or names it with `for`.
      const label = (el as HTMLInputElement).labels?.[0] ?? el.closest('label');
      return `${el.tagName} ${label?.textContent?.trim() ?? el.textContent?.trim() ?? ''}`;
    });
  }
}
