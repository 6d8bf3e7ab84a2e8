import type { Page } from 'playwright-core';
import { seriousViolations } from '../axe';

/** What every journey's page model checks at each step: a screenshot, sideways scrolling, axe. */
export class JourneyPage {
  constructor(
    readonly page: Page,
    /** Whose journey: screenshots are named <who>-<step>.png. */
    private readonly who: string,
  ) {}

  /** Screenshot of the step, named <who>-<step>.png. */
  async shot(step: string) {
    await this.page.screenshot({ path: `tests/e2e/screenshots/${this.who}-${step}.png`, fullPage: true });
  }

  /** How far the page is wider than the screen (0 when nothing scrolls sideways). */
  overflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /** The header's height on this screen. */
  headerHeight(): Promise<number> {
    return this.page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().height);
  }

  /** Serious and critical axe violations of the screen as it is now. */
  seriousViolations(): Promise<string[]> {
    return seriousViolations(this.page);
  }
}
