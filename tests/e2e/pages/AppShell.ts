import type { Page } from 'playwright-core';

/** Page model: what every screen shares (the main navigation), and where the page and focus stand. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Follows a main navigation link as a tap would, without first scrolling the page to it. */
  async followNavLink(name: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).waitFor();
    await this.page.evaluate((linkName) => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Main"] a')];
      links.find((a) => a.textContent === linkName)!.click();
    }, name);
  }

  async scrollTo(y: number) {
    await this.page.evaluate((to) => window.scrollTo(0, to), y);
  }

  scrollY(): Promise<number> {
    return this.page.evaluate(() => window.scrollY);
  }

  /** The focused element as tag and text, e.g. "H1 People". */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName} ${el.textContent?.trim() ?? ''}` : '';
    });
  }

  /** Whether the focused element shows a focus ring. */
  focusRingShown(): Promise<boolean> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return !!el && getComputedStyle(el).outlineStyle !== 'none';
    });
  }
}
